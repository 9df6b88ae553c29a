"""Language-prefixed URLs of the forms app (mounted under /sv/, /en/, /ar/)."""
app_name = "forms"
urlpatterns = []
