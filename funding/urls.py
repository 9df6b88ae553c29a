"""Language-prefixed URLs of the funding app (mounted under /sv/, /en/, /ar/)."""
from django.urls import include, path

from funding import views
from funding.wizard import ApplicationWizard

app_name = "funding"
urlpatterns = [
    path("funding/start/<int:page_id>/", views.start, name="start"),
    path("funding/my/", views.my_applications, name="my_applications"),
    path("funding/my/organisation/", views.my_organisation, name="my_organisation"),
    path("funding/my/<int:pk>/copy/", views.copy_application, name="copy"),
    path("funding/my/<int:pk>/", views.application_detail, name="application_detail"),
    path("funding/my/<int:pk>/pdf/", views.application_pdf, name="application_pdf"),
    path("funding/my/<int:pk>/attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path("", include("funding.threads.urls")),  # issue 13 item 3: the message thread
    path("funding/apply/<int:pk>/<str:step>/", ApplicationWizard.as_view(), name="apply"),
    path("funding/", include("funding.signatures.urls")),  # issue 13 item 2: the head's signature
    path("", include("funding.interim.urls")),  # interim reports (funding/interim/)
    path("", include("funding.committee.urls")),  # the decision letter (funding:committee:…)
]
