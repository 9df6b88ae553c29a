"""Scale data for `manage.py load_scale`: many form submissions, inserted in bulk.

Answers are made up from each form's own fields (a choice answer is one of the field's Swedish
choices, as the form stores them), spread over the last two years, in every status."""
import datetime

from django.utils import timezone

from forms.models import FormPage, Submission

SCALE_REFERENCE = "SK"  # reference numbers of scale submissions start with "<prefix>-SK"


def existing_submissions():
    return Submission.objects.filter(reference__contains=f"-{SCALE_REFERENCE}").count()


def _answer(field, rng, n):
    kind = field.field_type
    choices = [c.strip() for c in (field.choices or "").replace("\n", ",").split(",") if c.strip()]
    if choices:
        return [rng.choice(choices)] if kind in ("checkboxes", "multiselect") else rng.choice(choices)
    if kind == "email":
        return f"invanare{n}@example.se"
    if kind == "number":
        return rng.randint(1, 20)
    if kind == "date":
        return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == "checkbox":
        return rng.random() < 0.5
    if kind == "multiline":
        return f"Meddelande nummer {n}: jag vill ha råd om stöd för min familj."
    return f"Svar {n}"


def make_submissions(count, *, rng, batch=2000, stdout=None):
    """`count` submissions over the Swedish form pages (most to the first, the contact form)."""
    forms = list(FormPage.objects.filter(locale__language_code="sv").order_by("path").prefetch_related("form_fields"))
    if not forms or count <= 0:
        return 0
    fields = {form.pk: [f for f in form.form_fields.all() if not f.is_step] for form in forms}
    weights = [6] + [1] * (len(forms) - 1)
    now = timezone.now()
    statuses = [Submission.Status.NEW, Submission.Status.IN_PROGRESS, Submission.Status.CLOSED, Submission.Status.CLOSED]
    first = existing_submissions()
    made = 0
    while made < count:
        rows = []
        for n in range(first + made, first + min(made + batch, count)):
            form = rng.choices(forms, weights)[0]
            created = now - datetime.timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
            status = rng.choice(statuses)
            data = {f.clean_name: _answer(f, rng, n) for f in fields[form.pk]}
            category = str(data.get(form.category_field, "")) if form.category_field else ""
            closed = created + datetime.timedelta(days=rng.randint(1, 30)) if status == Submission.Status.CLOSED else None
            rows.append(Submission(
                reference=f"{form.reference_prefix}-{SCALE_REFERENCE}{n:07d}", form_page=form, language=rng.choice(["sv", "sv", "en", "ar"]),
                data=data, category=category[:255], status=status, created_at=created, confirmed_at=created,
                closed_at=closed, expires_at=closed + datetime.timedelta(days=form.retention_days) if closed else None,
                notified_at=created, receipt_sent_at=None,
            ))
        Submission.objects.bulk_create(rows)
        made += len(rows)
    if stdout:
        stdout.write(f"  submissions: {made}")
    return made
