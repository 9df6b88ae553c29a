"""Included from funding/urls.py under the "funding" namespace (so the personal-page rules of
portal/middleware.py apply: no-store, never in the page cache)."""
from django.urls import path

from funding.signatures import views

app_name = "signatures"
urlpatterns = [
    # the department head's link (no account: the token proves the address)
    path("sign/<str:token>/", views.sign, name="sign"),
    path("sign/<str:token>/pdf/", views.sign_pdf, name="sign_pdf"),
    # the project lead: remind, change the signatory, take back, upload a signed copy
    path("my/<int:pk>/signature/", views.manage, name="manage"),
]
