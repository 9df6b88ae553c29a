"""URLs of the funding app that are not language-prefixed (feeds, machine endpoints)."""
urlpatterns = []
