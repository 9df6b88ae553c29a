"""The site's own pages: home, standard pages, the accessibility statement, and site-wide
settings (contact details) and snippets (emergency numbers)."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import RICH_TEXT_FEATURES, BodyBlock

__all__ = ["HomePage", "StandardPage", "AccessibilityStatementPage", "ContactSettings", "EmergencyNumber"]


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    find_support_text = models.CharField(_("'Find support' button text"), max_length=80, blank=True)
    find_support_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("'Find support' page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    # In the footer of every page in this language: the site setting holds one text for all
    # languages, so an Arabic page showed "Socialförvaltningen, Råd- och stöd".
    organisation = models.CharField(
        _("organisation (in the footer)"), max_length=200, blank=True,
        help_text=_("The organisation's name in this language. Empty: the name in the contact details."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("find_support_text"), PageChooserPanel("find_support_page")], heading=_("Find support")),
        FieldPanel("body"),
        FieldPanel("organisation"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        """The pages under this one, each with a line about it: a section page leads on to them."""
        from django.utils.html import strip_tags
        from django.utils.text import Truncator

        context = super().get_context(request, *args, **kwargs)
        children = []
        for child in self.get_children().live().public().specific().order_by("path"):
            text = child.search_description or strip_tags(str(getattr(child, "intro", "") or ""))
            children.append((child, Truncator(" ".join(text.split())).chars(200)))
        context["child_pages"] = children
        return context


class AccessibilityStatementPage(Page):
    """The statement Swedish law (DOS-lagen, 2018:1937) requires of public-sector sites. The
    template adds what every statement needs whatever the editors write: how to ask for content in
    another format (the site's contact details) and Digg's complaint form."""

    DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"  # Digg's form for reporting a lack of accessibility

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    intro = models.TextField(_("introduction"), blank=True)
    compliance_status = models.CharField(
        _("compliance with WCAG 2.1 AA"), max_length=10, choices=Compliance.choices, default=Compliance.PARTIAL
    )
    compliance_text = RichTextField(_("how far the site complies"), features=RICH_TEXT_FEATURES, blank=True)
    known_gaps = RichTextField(_("known gaps"), features=RICH_TEXT_FEATURES, blank=True)
    report_barrier = RichTextField(_("how to report a barrier"), features=RICH_TEXT_FEATURES, blank=True)
    report_barrier_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("form for reporting a barrier"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    supervisory_authority = RichTextField(_("supervisory authority"), features=RICH_TEXT_FEATURES, blank=True)
    how_tested = RichTextField(_("how the site was tested"), features=RICH_TEXT_FEATURES, blank=True)
    last_reviewed = models.DateField(_("last reviewed"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("compliance_status"),
        FieldPanel("compliance_text"),
        FieldPanel("known_gaps"),
        FieldPanel("report_barrier"),
        PageChooserPanel("report_barrier_page"),
        FieldPanel("supervisory_authority"),
        FieldPanel("how_tested"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("known_gaps")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail (shared mailbox)"), blank=True)
    address = models.CharField(_("visiting address"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("contact details")


@register_snippet
class EmergencyNumber(TranslatableMixin, models.Model):
    """Shown on the home page and first on an urgent 'find support' result. A snippet, not a
    plain setting, so that its label is translated with wagtail-localize."""

    label = models.CharField(_("label"), max_length=120)
    number = models.CharField(_("number"), max_length=40)
    description = models.CharField(_("when to call"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("label"), FieldPanel("number"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.label} {self.number}"

    @property
    def tel_href(self):
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
