"""Language-prefixed URLs of forms.bookings (/sv/boka/, /en/boka/, /ar/boka/)."""
from django.urls import path

from forms.bookings import views

app_name = "bookings"
urlpatterns = [
    path("boka/", views.start, name="start"),
    path("boka/<int:pk>/", views.book, name="book"),
    path("boka/hantera/<str:token>/", views.manage, name="manage"),
    path("boka/hantera/<str:token>/avboka/", views.cancel, name="cancel"),
]
