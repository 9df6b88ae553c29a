"""Statistics outlive personal data. When a submission is deleted - by the retention job
(forms.services.purge_expired) or by a coordinator - its case stays as an anonymous row: the link
to the submission (and with it the reference number) goes, and the dates are reduced to the
first of their month, so the case can no longer be matched to a person's visit while the yearly
figures stay right."""
from forms.cases.models import first_of_month


def anonymise(case):
    case.submission = None
    case.opened_on = first_of_month(case.opened_on)
    case.closed_on = first_of_month(case.closed_on)
    case.anonymised = True
    case.save(update_fields=["submission", "opened_on", "closed_on", "anonymised"])


def keep_statistics(sender, instance, **kwargs):
    """pre_delete receiver for forms.Submission (connected in CasesConfig.ready)."""
    from forms.cases.models import Case

    case = Case.objects.filter(submission_id=instance.pk).first()
    if case is not None:
        anonymise(case)
