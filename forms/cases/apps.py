from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "forms.cases"
    label = "cases"
    verbose_name = _("Case log")

    def ready(self):
        from django.db.models.signals import pre_delete

        from forms.cases.retention import keep_statistics
        from forms.models import Submission

        # Any deletion of a submission (the retention job, a coordinator's delete) leaves its
        # case as an anonymous statistical row.
        pre_delete.connect(keep_statistics, sender=Submission, dispatch_uid="cases_keep_statistics")
