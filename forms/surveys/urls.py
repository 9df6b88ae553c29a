"""Language-prefixed URLs of forms.surveys."""
app_name = "surveys"
urlpatterns = []
