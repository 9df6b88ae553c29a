"""URLs of the forms app that are not language-prefixed (feeds, machine endpoints)."""
urlpatterns = []
