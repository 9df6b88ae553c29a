"""URLs of the reports app that are not language-prefixed (feeds, machine endpoints)."""
from django.urls import path

from reports.oai import oai

urlpatterns = [
    path("oai", oai, name="oai"),
]
