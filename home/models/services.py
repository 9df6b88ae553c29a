"""The service catalogue: services residents can use without a needs assessment, the index page
that lists them (with the places' own pages), the 'Find support' page (finder and the guided
three questions) and the topic taxonomy.

Topics and places are translatable snippets; a service links to them through translatable
inline rows, so wagtail-localize points the English service at the English place."""
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES, BodyBlock

__all__ = [
    "Topic", "ServiceIndexPage", "ServicePage", "ServiceTopic", "ServicePlace", "FindSupportPage",
    "AGE_GROUPS", "AUDIENCES", "LEVELS", "PROVIDERS", "ACCESS", "SERVICE_LANGUAGES", "MultiChoiceField",
]

AGE_GROUPS = [("0-12", _("Children 0–12")), ("13-18", _("Young people 13–18")),
              ("19-65", _("Adults 19–65")), ("66+", _("Older people 66+"))]
AUDIENCES = [("parents", _("Parents")), ("families", _("Families")), ("professionals", _("Professionals"))]
LEVELS = [("promotive", _("Promotive: for everyone")), ("preventive", _("Preventive: for groups at risk")),
          ("early", _("Early support"))]
PROVIDERS = [("social_services", _("Social services")), ("city", _("Another city administration")),
             ("region", _("The region")), ("civil_society", _("A civil-society organisation"))]
ACCESS = [("walk_in", _("Just come")), ("drop_in", _("Drop in")), ("call", _("Call")),
          ("book", _("Book a time")), ("referral", _("A professional refers you"))]
SERVICE_LANGUAGES = [
    ("sv", _("Swedish")), ("en", _("English")), ("ar", _("Arabic")), ("fa", _("Persian")),
    ("so", _("Somali")), ("ti", _("Tigrinya")), ("uk", _("Ukrainian")), ("fi", _("Finnish")),
    ("bs", _("Bosnian")), ("sgn", _("Swedish Sign Language")),
]


class MultiChoiceField(models.CharField):
    """Several values from a fixed list, stored as ",a,b," so that "has value a" is a plain
    `contains=",a,"` filter on SQLite and PostgreSQL alike."""

    def __init__(self, *args, choices=(), **kwargs):
        self.multi_choices = list(choices)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path_, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multi_choices
        if kwargs.get("default") is list:
            kwargs.pop("default")
        return name, path_, args, kwargs

    @staticmethod
    def parse(value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value if v not in (None, "")]
        return [v for v in str(value).split(",") if v]

    def from_db_value(self, value, expression, connection):
        return self.parse(value)

    def to_python(self, value):
        return self.parse(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        values = self.parse(value)
        return "," + ",".join(values) + "," if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {str(k) for k, _label in self.multi_choices}
        bad = [v for v in self.parse(value) if v not in allowed]
        if bad:
            raise ValidationError(_("Unknown value: %(value)s"), params={"value": ", ".join(bad)})
        if not self.blank and not self.parse(value):
            raise ValidationError(self.error_messages["blank"])

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.multi_choices, required=not self.blank, label=self.verbose_name,
            help_text=self.help_text, widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values):
        names = dict(self.multi_choices)
        return [names[v] for v in self.parse(values) if v in names]


class Topic(TranslatableMixin, models.Model):
    """What a service is about (economy, mental ill-health, parenting…): the editable taxonomy."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60, help_text=_("Used in finder links; the same in every language."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ServiceIndexPage(RoutablePageMixin, Page):
    """'Services': every service, A–Z, and one page per place (places/<slug>/)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["home.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("service index")

    def get_context(self, request, *args, **kwargs):
        from home.finder import service_listing

        context = super().get_context(request, *args, **kwargs)
        context["services"] = service_listing(self.locale)
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("places/<slug:slug>/", name="place")
    def place_route(self, request, slug):
        from home.models.places import Place
        from home.opening_hours import place_status, upcoming_exceptions, weekly_hours

        place = (Place.objects.filter(locale=self.locale, slug=slug).select_related("area")
                 .prefetch_related("hours", "exceptions").first())
        if place is None:
            raise Http404
        services = (ServicePage.objects.live().public().filter(locale=self.locale, service_places__place=place)
                    .distinct().order_by("title"))
        return render(request, "home/place_page.html", {
            "page": self, "place": place, "services": services, "status": place_status(place),
            "week": weekly_hours(place), "exceptions": upcoming_exceptions(place),
        })

    def place_url(self, place, request=None):
        return self.get_url(request) + self.reverse_subpage("place", kwargs={"slug": place.slug})


class ServicePage(RoutablePageMixin, Page):
    summary = models.TextField(_("summary"), max_length=400,
                               help_text=_("One or two sentences: what the service is and for whom."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    age_groups = MultiChoiceField(_("age groups"), choices=AGE_GROUPS)
    audiences = MultiChoiceField(_("also for"), choices=AUDIENCES)
    level = models.CharField(_("level"), max_length=20, choices=LEVELS, default="early")
    provider = models.CharField(_("provider"), max_length=20, choices=PROVIDERS, default="social_services")
    provider_name = models.CharField(_("provider's name"), max_length=150, blank=True)
    access = MultiChoiceField(_("how to get it"), choices=ACCESS)
    cost = models.CharField(_("cost"), max_length=150, blank=True, help_text=_("Leave empty if it is free of charge."))
    anonymous = models.BooleanField(_("can be used anonymously"), default=False)
    languages = MultiChoiceField(_("languages offered"), choices=SERVICE_LANGUAGES)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    decision_reference = models.CharField(_("committee decision (reference)"), max_length=60, blank=True,
                                          help_text=_("The decision that establishes the service, e.g. SN 2025/123."))
    decision_date = models.DateField(_("date of the decision"), null=True, blank=True)
    leaves_record = models.BooleanField(_("using it leaves a record about the person"), default=False)
    record_note = models.CharField(_("what is recorded"), max_length=250, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), default=datetime.date.today)
    quick_exit = models.BooleanField(_("show the quick-exit button"), default=False,
                                     help_text=_("For sensitive topics such as violence in close relationships."))
    easy_read = RichTextField(_("easy-to-read version"), features=["h2", "bold", "link", "ul"], blank=True,
                              help_text=_("Short sentences, common words. Shown on its own page, linked from the service."))
    home_order = models.PositiveSmallIntegerField(
        _("place among the most asked-for services on the home page"), null=True, blank=True,
        help_text=_("1, 2 or 3; empty: not shown there."))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("age_groups"), FieldPanel("audiences"), InlinePanel("service_topics", label=_("Topics")),
                         FieldPanel("level")], heading=_("Who it is for")),
        MultiFieldPanel([FieldPanel("provider"), FieldPanel("provider_name"), FieldPanel("access"), FieldPanel("cost"),
                         FieldPanel("anonymous"), FieldPanel("languages")], heading=_("How it works")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                         InlinePanel("service_places", label=_("Places"))], heading=_("Contact and places")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("decision_reference"), FieldPanel("decision_date")]),
                         FieldPanel("leaves_record"), FieldPanel("record_note"), FieldPanel("last_reviewed")],
                        heading=_("Decision and records")),
        FieldPanel("quick_exit"),
        FieldPanel("easy_read"),
        FieldPanel("home_order"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body"),
                                          index.FilterField("level")]
    override_translatable_fields = [SynchronizedField(name) for name in (
        "age_groups", "audiences", "access", "languages", "phone", "decision_reference")]
    parent_page_types = ["home.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    @path("")
    def service_route(self, request):
        return self.render(request)

    @path("easy-read/", name="easy_read")
    def easy_read_route(self, request):
        if not self.easy_read:
            raise Http404
        return self.render(request, template="home/service_easy_read.html")

    def easy_read_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("easy_read")

    def labels(self, field_name):
        return self._meta.get_field(field_name).labels(getattr(self, field_name))

    labels_age_groups = property(lambda self: self.labels("age_groups"))
    labels_audiences = property(lambda self: self.labels("audiences"))
    labels_access = property(lambda self: self.labels("access"))
    labels_languages = property(lambda self: self.labels("languages"))

    @property
    def reviewed_overdue(self):
        return self.last_reviewed < timezone.localdate() - datetime.timedelta(days=365)

    def get_context(self, request, *args, **kwargs):
        from home.opening_hours import place_status

        context = super().get_context(request, *args, **kwargs)
        from home.finder import attach_places

        rows = attach_places(list(self.service_places.all()))
        context["places"] = [(row.place, place_status(row.place)) for row in rows]
        context["topics"] = [row.topic for row in self.service_topics.select_related("topic")]
        index_page = self.get_parent().specific
        context["index_page"] = index_page
        context["place_base"] = index_page.get_url(request) + "places/"
        return context


class ServiceTopic(TranslatableMixin, Orderable):
    service = ParentalKey(ServicePage, related_name="service_topics", on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("topic")


class ServicePlace(TranslatableMixin, Orderable):
    service = ParentalKey(ServicePage, related_name="service_places", on_delete=models.CASCADE)
    place = models.ForeignKey("home.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="service_rows")

    panels = [FieldPanel("place")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("place")


class FindSupportPage(RoutablePageMixin, Page):
    """'Find support': the finder (a plain GET form) and, under guide/, the three questions."""

    intro = models.TextField(_("introduction"), blank=True)
    guide_intro = models.TextField(_("introduction to the three questions"), blank=True)
    advice_service = models.ForeignKey(
        "home.ServicePage", verbose_name=_("Advice & Support service"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown with every guided result: the coordinators who pilot people to the right support."),
    )
    contact_page_slug = models.SlugField(_("slug of the contact form page"), blank=True, max_length=80,
                                         help_text=_("Linked from the results when a live page with this slug exists."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("guide_intro"), PageChooserPanel("advice_service", "home.ServicePage"),
        FieldPanel("contact_page_slug"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [SynchronizedField("contact_page_slug")]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("find support page")

    @path("")
    def finder_route(self, request):
        from home import finder

        from django.utils.safestring import mark_safe

        from home.templatetags.service_tags import services_index_url

        filters = finder.Filters.from_query(request.GET, self.locale)
        result = finder.search(filters, self.locale)
        place_base = services_index_url({"request": request}) + "places/"
        results_html = mark_safe(finder.rendered_results(result, request, place_base)) if result.count else ""
        return self.render(request, context_overrides={"filters": filters, "result": result, "results_html": results_html,
                                                       "guide_url": self.url + self.reverse_subpage("guide"),
                                                       "sensitive": self.is_sensitive_topic(filters.topic)})

    @path("guide/", name="guide")
    def guide_route(self, request):
        from home import finder

        guide = finder.Guide.from_query(request.GET, self.locale)
        context = {"guide": guide, "finder_url": self.url,
                   "missing": not guide.complete and request.GET.get("step") == str(guide.step),
                   "sensitive": self.is_sensitive_topic(guide.about)}
        if guide.complete:
            context.update(who_label=guide.label("who"), about_label=guide.label("about"),
                           urgent_label=guide.label("urgent"))
            result = finder.search(guide.filters(), self.locale)
            if not result.count and guide.filters().topic:
                # Nothing for exactly this person: show what there is on the topic for anyone.
                result = finder.search(finder.Filters(topic=guide.filters().topic), self.locale)
                context["broadened"] = True
            context["result"] = result
            context["advice"] = self.localized_advice()
            context["contact_page"] = self.contact_page()
        return self.render(request, template="home/find_support_guide.html", context_overrides=context)

    def is_sensitive_topic(self, slug):
        """A topic with a service that has the quick exit (violence…): the finder and the guide
        then show the quick exit too, and keep the topic out of the browser's Back history
        (home/static/home/quick-exit.js)."""
        return bool(slug) and ServicePage.objects.live().filter(
            locale=self.locale, quick_exit=True, service_topics__topic__slug=slug).exists()

    def localized_advice(self):
        if self.advice_service_id is None:
            return None
        service = ServicePage.objects.filter(pk=self.advice_service_id).first()
        return service.localized.specific if service else None

    def contact_page(self):
        if not self.contact_page_slug:
            return None
        page = Page.objects.live().public().filter(slug=self.contact_page_slug).first()
        if page is None:
            return None
        return page.localized
