"""The lead's side of the committee's decision (language-prefixed, inside the funding namespace)."""
from django.urls import path

from funding.committee import views

app_name = "committee"
urlpatterns = [
    path("funding/my/<int:pk>/decision-letter/", views.decision_letter, name="decision_letter"),
]
