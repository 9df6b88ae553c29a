"""Demo content for the site pages (home, about, privacy, accessibility statement), emergency
numbers, contact settings and one user per role. Idempotent: existing objects are left alone."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page, Site

from home import demo_content as C
from home import roles
from home.localize import translate
from home.models import AccessibilityStatementPage, ContactSettings, EmergencyNumber, HomePage, StandardPage

TARGET_LANGUAGES = ["en", "ar"]
MODERATION_NAME = "Granskning av moderator"  # the workflow and its task (home/migrations/0004)


def rich(paragraphs, lang="sv"):
    return "".join(f"<p>{p[lang]}</p>" for p in paragraphs)


def stream(items, lang="sv"):
    out = []
    for kind, value in items:
        if kind == "heading":
            out.append(("heading", {"text": value[lang], "level": "h2"}))
        elif kind == "paragraph":
            out.append(("paragraph", f"<p>{value[lang]}</p>"))
        elif kind == "faq":
            out.append(("faq", {"title": value["title"][lang], "items": [
                {"question": q[lang], "answer": f"<p>{a[lang]}</p>"} for q, a in value["items"]]}))
        elif kind == "table":
            out.append(("table", {"caption": value["caption"][lang], "header": [h[lang] for h in value["header"]],
                                  "rows": [[c[lang] if isinstance(c, dict) else c for c in row] for row in value["rows"]],
                                  "first_column_is_header": True}))
    return out


def collect_strings(spec, lang):
    """Map every Swedish string in a spec to its `lang` translation."""
    mapping = {}

    def walk(value):
        if isinstance(value, dict) and "sv" in value and lang in value:
            mapping[value["sv"]] = value[lang]
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(spec)
    return mapping


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def translate_all(instance, spec):
    for lang in TARGET_LANGUAGES:
        if not Locale.objects.filter(language_code=lang).exists():
            continue
        locale = Locale.objects.get(language_code=lang)
        if instance.has_translation(locale):
            continue
        translate(instance, lang, collect_strings(spec, lang))


def ensure_tree_and_workflow(sv):
    """What Wagtail's own migrations create (root page, Editors/Moderators page permissions, the
    moderation workflow, named in Swedish by home/migrations/0004), re-created if a flushed
    database lacks it."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=sv))
    roles.sync_roles()
    page_perms = {
        roles.EDITORS: ["add_page", "change_page"],
        roles.MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        roles.ADMINISTRATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page",
                               "bulk_delete_page"],
    }
    for group_name, codenames in page_perms.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
    if not WorkflowPage.objects.filter(page=root).exists():
        moderators = Group.objects.get(name=roles.MODERATORS)
        task = GroupApprovalTask.objects.filter(name=MODERATION_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=MODERATION_NAME)
            task.groups.set([moderators])
        workflow, _ = Workflow.objects.get_or_create(name=MODERATION_NAME, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.create(workflow=workflow, page=root)
    return root


def ensure_home(stdout):
    sv = ensure_locales()
    root = ensure_tree_and_workflow(sv)
    existing = HomePage.objects.filter(locale=sv).first()
    if existing:
        ensure_home_organisation(existing)
        return existing
    # Wagtail's placeholder "Welcome" page goes; Lotsa's home takes its place as the site root.
    for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
        placeholder.delete()
    spec = C.HOME
    home = HomePage(
        title=spec["title"]["sv"], slug=spec["slug"], locale=sv, intro=spec["intro"]["sv"],
        find_support_text=spec["find_support_text"]["sv"], body=stream(spec["body"]),
        organisation=spec["organisation"]["sv"],
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Lotsa"
    site.save()
    stdout.write("  home page created")
    return home


def ensure_home_organisation(home):
    """Home pages made before the footer's organisation name was a page field get it, in every
    language (left alone where an editor has written one)."""
    names = C.HOME["organisation"]
    for page in [home] + [p.specific for p in home.get_translations()]:
        name = names.get(page.locale.language_code)
        if name and not page.organisation:
            page.organisation = name
            page.save_revision().publish()


def ensure_standard(parent, spec, model=StandardPage, **extra):
    sv_slug = spec["slug"]["sv"] if isinstance(spec["slug"], dict) else spec["slug"]
    page = parent.get_children().filter(slug=sv_slug).first()
    if page:
        return page.specific
    page = model(title=spec["title"]["sv"], slug=sv_slug, intro=spec["intro"]["sv"], show_in_menus=False, **extra)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(stdout, with_users=False):
    home = ensure_home(stdout)
    about = ensure_standard(home, C.ABOUT, body=stream(C.ABOUT["body"]))
    privacy = ensure_standard(about, C.PRIVACY, body=stream(C.PRIVACY["body"]))
    a11y_spec = C.ACCESSIBILITY
    accessibility = ensure_standard(
        about, a11y_spec, model=AccessibilityStatementPage,
        compliance_status=AccessibilityStatementPage.Compliance.PARTIAL,
        compliance_text=rich(a11y_spec["compliance_text"]), known_gaps=rich(a11y_spec["known_gaps"]),
        report_barrier=rich(a11y_spec["report_barrier"]),
        supervisory_authority=rich(a11y_spec["supervisory_authority"]),
        how_tested=rich(a11y_spec["how_tested"]), last_reviewed=a11y_spec["last_reviewed"],
    )
    ensure_accessibility_text(accessibility)
    if not about.show_in_menus:
        about.show_in_menus = True
        about.save_revision().publish()
    for page, spec in [(home, C.HOME), (about, C.ABOUT), (privacy, C.PRIVACY), (accessibility, C.ACCESSIBILITY)]:
        translate_all(page, spec)
    ensure_emergency_numbers()
    ensure_contact_settings()
    if with_users:
        return ensure_users(stdout, home)
    return []


def accessibility_fields(spec=C.ACCESSIBILITY):
    return {"intro": spec["intro"]["sv"], "last_reviewed": spec["last_reviewed"],
            **{name: rich(spec[name]) for name in ("compliance_text", "known_gaps", "report_barrier",
                                                   "supervisory_authority", "how_tested")}}


def ensure_accessibility_text(page):
    """A statement made by an earlier demo (one known defect, no alternative formats) gets the
    complete text, and so do its translations; a text an editor or translator has saved (a
    revision with a user) is theirs and left alone. Nothing is saved when the text is current."""
    wanted = accessibility_fields()
    if any(getattr(page, name) != value for name, value in wanted.items()):
        if page.revisions.exclude(user=None).exists():
            return
        for name, value in wanted.items():
            setattr(page, name, value)
        page.save_revision().publish()
    for lang in TARGET_LANGUAGES:
        locale = Locale.objects.filter(language_code=lang).first()
        target = page.get_translation_or_none(locale) if locale else None
        if target is None or target.revisions.exclude(user=None).exists():
            continue
        strings = collect_strings(C.ACCESSIBILITY, lang)
        current = {name: getattr(target.specific, name) for name in wanted}
        if current != {name: _translated(value, strings) for name, value in wanted.items()}:
            translate(page, lang, strings)


def _translated(value, strings):
    """The demo's field value in the translation's language (what `translate` makes of it)."""
    if not isinstance(value, str):
        return value
    for sv, text in strings.items():
        value = value.replace(sv, text)
    return value


def ensure_emergency_numbers():
    sv = Locale.get_default()
    for order, (label, number, description) in enumerate(C.EMERGENCY_NUMBERS):
        item = EmergencyNumber.objects.filter(locale=sv, number=number).first()
        if item is None:
            item = EmergencyNumber.objects.create(
                locale=sv, label=label["sv"], number=number, description=description["sv"], sort_order=order
            )
        translate_all(item, {"label": label, "description": description})


def ensure_contact_settings():
    for site in Site.objects.all():
        ContactSettings.objects.get_or_create(site=site, defaults=C.CONTACT)


DEMO_USERS = [
    # username, group, is_superuser
    ("redaktor", roles.EDITORS, False),
    ("moderator", roles.MODERATORS, False),
    ("samordnare", roles.COORDINATORS, False),
    ("fondforvaltare", roles.FUND_MANAGERS, False),
    ("admin", roles.ADMINISTRATORS, True),
    ("chef", roles.MANAGERS, False),
    ("granskare", roles.REVIEWERS, False),
]


def demo_password(username):
    return f"lotsa-{username}-demo"


def ensure_users(stdout, home):
    User = get_user_model()
    created = []
    for username, group_name, superuser in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, email=f"{username}@lotsa.example", password=demo_password(username),
                is_staff=superuser, is_superuser=superuser, first_name=username.capitalize(),
            )
            user.groups.add(Group.objects.get(name=group_name))
            from wagtail.users.models import UserProfile

            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "sv"
            profile.save()
        # Admin login goes through allauth (portal/urls.py), which wants a verified address.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        created.append((username, demo_password(username), group_name))
    ensure_district_editors(home)
    return created


def ensure_district_editors(home):
    """A district's editors edit only their district's pages: a group with page permissions on
    one subtree (here: the 'About the site' section stands in for a district section)."""
    group, created = Group.objects.get_or_create(name="Editors: About the site")
    if not created:
        return
    group.permissions.add(*Group.objects.get(name=roles.EDITORS).permissions.all())
    about = home.get_children().filter(slug=C.ABOUT["slug"]["sv"]).first()
    from django.contrib.auth.models import Permission

    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=about, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        )
