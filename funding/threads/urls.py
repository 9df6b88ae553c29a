"""The lead's thread, included from funding/urls.py (same `funding:` namespace)."""
from django.urls import path

from funding.threads import views

urlpatterns = [
    path("funding/my/<int:pk>/messages/", views.thread_page, name="messages"),
    path("funding/my/<int:pk>/messages/<int:message_id>/attachment/", views.lead_attachment,
         name="message_attachment"),
]
