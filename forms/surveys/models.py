"""Anonymous check-out surveys.

`SurveyPage` is a page type: questions answered green / yellow / red (satisfied / less satisfied /
dissatisfied) and an optional free-text question. A `Response` holds a date (no time of day),
the language and the free text; each `Rating` one question's colour. Nothing links a response to
a person, an account, an IP address, a submission, a booking or the one-time link it came
through: `Invitation` rows only remember that a link has been used.
"""
import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index


class Colour(models.TextChoices):
    GREEN = "green", _("Satisfied")
    YELLOW = "yellow", _("Less satisfied")
    RED = "red", _("Dissatisfied")


# Shown beside the word, so the scale never depends on colour alone (hidden from screen readers,
# which read the word).
SYMBOLS = {Colour.GREEN: "✓", Colour.YELLOW: "–", Colour.RED: "✗"}


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=250)
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=250)
    target = blocks.IntegerBlock(label=_("Target share of 'satisfied' (%)"), default=70, min_value=0, max_value=100)

    class Meta:
        icon = "help"
        label = _("Green / yellow / red question")


class SurveyPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField([("question", QuestionBlock())], verbose_name=_("questions"), min_num=1)
    free_text_label = models.CharField(
        _("free-text question"), max_length=250, blank=True,
        help_text=_("E.g. 'Anything else you want to tell us?'. Leave empty for no free text."))
    thank_you_text = models.TextField(_("thank-you text"), blank=True)
    require_link = models.BooleanField(
        _("only through a one-time link"), default=False,
        help_text=_("If on, only people who got a personal one-time link can answer."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("questions"), FieldPanel("free_text_label"),
        FieldPanel("thank_you_text"), FieldPanel("require_link"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "surveys/survey_page.html"

    class Meta:
        verbose_name = _("check-out survey")

    @property
    def source_page(self):
        """Answers in every language count for the default-language page."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return SurveyPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    def question_list(self):
        return [(block.id, block.value) for block in self.questions]

    def serve(self, request, *args, **kwargs):
        from forms.surveys.views import serve_survey

        return serve_survey(self, request)


class Response(models.Model):
    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="responses")
    answered_on = models.DateField(_("date"))  # a date only: no time of day
    language = models.CharField(_("language"), max_length=10)
    free_text = models.TextField(_("free text"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        permissions = [("view_results", "Can view survey results")]
        indexes = [models.Index(fields=["survey", "answered_on"])]


class Rating(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ratings")
    question_id = models.CharField(max_length=64)  # the StreamField block id, the same in every language
    colour = models.CharField(max_length=6, choices=Colour.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question_id"], name="surveys_one_rating_per_question")]


class Invitation(models.Model):
    """A one-time link. Only a hash of the token is kept; using it sets `used`, and the answer
    saved with it is not linked back."""

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_on = models.DateField(auto_now_add=True)
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("one-time survey link")

    @staticmethod
    def hash(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def create_token(cls, survey):
        token = secrets.token_urlsafe(24)
        cls.objects.create(survey=survey.source_page, token_hash=cls.hash(token))
        return token
