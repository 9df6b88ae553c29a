"""Demo forms (`load_demo` step "forms.demo", after "home.demo"): the contact form under the home
page, the school meeting request under "För skolor", and the barrier report under "Om webbplatsen",
linked from the accessibility statement. Idempotent."""
from wagtail.models import Locale

from forms import demo_content as C
from forms.models import FormField, FormPage
from home.demo import TARGET_LANGUAGES, collect_strings
from home.demo_content import PRIVACY
from home.localize import sync, translate
from home.models import AccessibilityStatementPage, HomePage, StandardPage


def translate_all(instance, spec):
    """Like home.demo.translate_all; multi-line choices are one segment with <br/> between lines."""
    for lang in TARGET_LANGUAGES:
        locale = Locale.objects.filter(language_code=lang).first()
        if locale is None or instance.has_translation(locale):
            continue
        strings = collect_strings(spec, lang)
        strings.update({k.replace("\n", "<br/>"): v.replace("\n", "<br/>") for k, v in strings.items() if "\n" in k})
        translate(instance, lang, strings)


def rich(paragraphs, lang="sv"):
    return "".join(f"<p>{p[lang]}</p>" for p in paragraphs)


def privacy_page():
    return StandardPage.objects.filter(locale=Locale.get_default(), slug=PRIVACY["slug"]["sv"]).first()


def ensure_form(parent, spec):
    sv = Locale.get_default()
    page = FormPage.objects.filter(locale=sv, slug=spec["slug"]["sv"]).first()
    if page is None:
        page = FormPage(
            title=spec["title"]["sv"], slug=spec["slug"]["sv"], locale=sv,
            intro=rich(spec["intro"]), privacy_notice=rich(spec["privacy"]), thank_you_text=rich(spec["thanks"]),
            reference_prefix=spec["prefix"], category_field=spec["category"], receipt_email_field=spec["receipt"],
            one_of_fields=spec["one_of"], confirm_email_field=spec["confirm"], privacy_page=privacy_page(),
            show_in_menus=spec.get("show_in_menus", False),
        )
        for order, (name, kind, required, label, help_text, choices) in enumerate(spec["fields"]):
            message = C.REQUIRED_MESSAGES.get(name) if required else None
            page.form_fields.add(FormField(
                clean_name=name, field_type=kind, required=required, label=label["sv"],
                help_text=help_text["sv"] if help_text else "", choices=choices["sv"] if choices else "",
                autocomplete=C.AUTOCOMPLETE.get(name, ""), required_message=message["sv"] if message else "",
                sort_order=order, locale=sv,
            ))
        parent.add_child(instance=page)
        page.save_revision().publish()
    # Settings added later: keep old demo sites in step, in every language. They are synchronised
    # fields, so re-saving the translations ("Sync translated pages") carries them over.
    wanted = {"offer_booking": spec.get("offer_booking", False), "show_in_menus": spec.get("show_in_menus", False)}
    changed = {k: v for k, v in wanted.items() if getattr(page, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(page, name, value)
        page.save_revision().publish()
    stale = [p for p in page.get_translations().specific() if any(getattr(p, k) != v for k, v in wanted.items())]
    translate_all(page, dict(spec, required_messages=C.REQUIRED_MESSAGES))  # synchronises offer_booking too
    fill_field_extras(page)
    if stale:
        sync(page)
    return page


def fill_field_extras(page):
    """Forms made before fields had an autocomplete token and an own 'left empty' message get
    them, in every language (left alone where an editor has set them)."""
    for field in FormField.objects.filter(page__translation_key=page.translation_key).select_related("locale"):
        changed = []
        if not field.autocomplete and C.AUTOCOMPLETE.get(field.clean_name):
            field.autocomplete = C.AUTOCOMPLETE[field.clean_name]
            changed.append("autocomplete")
        message = C.REQUIRED_MESSAGES.get(field.clean_name)
        if field.required and message and not field.required_message:
            field.required_message = message.get(field.locale.language_code, message["sv"])
            changed.append("required_message")
        if changed:
            field.save(update_fields=changed)


def ensure_schools(home):
    spec = C.SCHOOLS
    page = home.get_children().filter(slug=spec["slug"]["sv"]).first()
    if page is None:
        page = StandardPage(title=spec["title"]["sv"], slug=spec["slug"]["sv"], intro=spec["intro"]["sv"],
                            show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    translate_all(page, spec)
    return page


def load(stdout, with_users=False):
    sv = Locale.get_default()
    home = HomePage.objects.filter(locale=sv).first()
    if home is None:
        return []
    contact = ensure_form(home, C.CONTACT)
    schools = ensure_schools(home)
    ensure_form(schools.specific, C.SCHOOL)
    statement = AccessibilityStatementPage.objects.filter(locale=sv).first()
    if statement is not None:
        barrier = ensure_form(statement.get_parent(), C.BARRIER)
        link_barrier_form(statement, barrier)
    stdout.write("  forms: contact form, school meeting request, barrier report")
    return []


def link_barrier_form(statement, barrier):
    """Every language's statement points at the same language's barrier form."""
    for page in [statement] + [p.specific for p in statement.get_translations()]:
        target = barrier.get_translation_or_none(page.locale) or barrier
        if page.report_barrier_page_id != target.pk:
            page.report_barrier_page = target
            page.save_revision().publish()
