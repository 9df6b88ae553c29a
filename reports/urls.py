"""Language-prefixed URLs of the reports app (mounted under /sv/, /en/, /ar/)."""
app_name = "reports"
urlpatterns = []
