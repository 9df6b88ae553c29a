"""Language-prefixed URLs of the site app that are not Wagtail pages."""
from django.urls import path

from home import views

app_name = "home"
urlpatterns = [
    path("open-data/hsds.json", views.hsds_json, name="hsds"),
]
