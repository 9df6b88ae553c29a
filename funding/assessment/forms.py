from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from funding.assessment.models import Assessment
from funding.budget import format_amount
from funding.forms import AmountField

SCORES = [(str(n), str(n)) for n in range(1, 6)]


class AssessmentForm(forms.Form):
    """The reviewer's form: per criterion a score 1-5 and a comment, then a recommendation.
    "Save" keeps a partial assessment; "Submit" requires every score and the recommendation."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Recommendation"), required=False, widget=forms.RadioSelect,
        choices=Assessment.Recommendation.choices)
    lower_amount = AmountField(label=gettext_lazy("Proposed amount in total (kr)"),
                               help_text=gettext_lazy("Only with “Approve with a lower amount”: the total for "
                                                      "the whole project, lower than the amount applied for."))
    comment = forms.CharField(label=gettext_lazy("Overall comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, assessment, criteria, submit=False, **kwargs):
        self.assessment, self.criteria, self.submit = assessment, criteria, submit
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("version", assessment.version)
        initial.setdefault("recommendation", assessment.recommendation)
        initial.setdefault("lower_amount", assessment.lower_amount)
        initial.setdefault("comment", assessment.comment)
        saved = {s.criterion_id: s for s in assessment.scores.all()}
        super().__init__(*args, **kwargs)
        self.rows = []
        for criterion in criteria:
            score = saved.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=_("Score for “%(criterion)s” (1 = weak, 5 = very good)") % {"criterion": criterion.name},
                choices=SCORES, required=False, widget=forms.RadioSelect,
                initial=str(score.score) if score and score.score else None)
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}), initial=score.comment if score else "")
            self.rows.append((criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]))

    def clean(self):
        data = super().clean()
        recommendation = data.get("recommendation")
        if self.submit:
            for criterion in self.criteria:
                if not data.get(f"score_{criterion.pk}"):
                    self.add_error(f"score_{criterion.pk}", _("Give “%(criterion)s” a score from 1 to 5 before "
                                                              "submitting.") % {"criterion": criterion.name})
            if not recommendation:
                self.add_error("recommendation", _("Choose your recommendation before submitting."))
        if recommendation == Assessment.Recommendation.APPROVE_LOWER and "lower_amount" not in self.errors:
            amount = data.get("lower_amount") or 0
            requested = self.assessment.application.requested_total
            if not amount:
                self.add_error("lower_amount", _("Enter the amount you propose, in kronor."))
            elif amount >= requested:
                self.add_error("lower_amount", _("The proposed amount must be lower than the %(amount)s kr "
                                                 "applied for.") % {"amount": format_amount(requested)})
        return data

    def scores(self):
        return {c: (int(self.cleaned_data[f"score_{c.pk}"]) if self.cleaned_data.get(f"score_{c.pk}") else None,
                    self.cleaned_data.get(f"comment_{c.pk}", "")) for c in self.criteria}


class ConflictForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have a conflict of interest in this application (for example a close relation to "
                           "the project or the people in it)."),
        error_messages={"required": gettext_lazy("Tick the box to confirm the conflict of interest.")})


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.email})" if user.email else name


class AssignForm(forms.Form):
    reviewers = ReviewerChoiceField(
        label=gettext_lazy("Reviewers"), queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one reviewer.")})

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = candidates
