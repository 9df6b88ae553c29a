"""Roles: moderation workflow for Editors, section-limited editors, a Swedish admin, and
translating a page with wagtail-localize in the admin."""
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def edit_post_data(page, **changes):
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}}
    data.update(changes)
    return nested_form_data(data)


def about_page():
    return StandardPage.objects.get(locale__language_code="sv", slug="om-webbplatsen")


def test_groups_exist_with_admin_access():
    for name in ["Editors", "Moderators", "Coordinators", "Fund managers", "Managers", "Administrators"]:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_editor_cannot_publish_but_submits_to_moderation(client_as):
    client = client_as("Editors")
    page = about_page()
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    client.post(url, edit_post_data(page, intro="Ny ingress", **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert page.intro != "Ny ingress", "an editor's publish must not go live"
    response = client.post(url, edit_post_data(page, intro="Ny ingress", **{"action-submit": "submit"}))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "Granskning av moderator"
    assert page.has_unpublished_changes and page.intro != "Ny ingress"


def test_moderator_approves_and_the_change_goes_live(client_as, demo_users):
    page = about_page()
    editor = demo_users["Editors"]
    page.intro = "Granskad ingress"
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client = client_as("Moderators")
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live_revision_id == revision.id
    assert page.intro == "Granskad ingress"


def test_section_editors_edit_only_their_section(client, demo_users):
    user = demo_users["Editors"]
    user.groups.set([Group.objects.get(name="Editors: About the site")])
    client.force_login(user)
    about = about_page()
    home = HomePage.objects.get(locale__language_code="sv")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[about.id])).status_code == 200
    privacy = about.get_children().get(slug="personuppgifter")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[privacy.id])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.id]))
    assert response.status_code in (302, 403)


def test_admin_speaks_swedish_to_swedish_users(client_as):
    response = client_as("Editors").get("/admin/", HTTP_ACCEPT_LANGUAGE="sv")
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv"' in text
    assert "Sidor" in text


@pytest.mark.parametrize("group,status", [("Coordinators", 200), ("Fund managers", 200), ("Editors", 200),
                                          ("Managers", 200)])
def test_every_role_reaches_the_admin(client_as, group, status):
    assert client_as(group).get("/admin/").status_code == status


def test_anonymous_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")  # the one login page, with rate limit and two-factor step
    assert response.status_code == 302 and "/accounts/login/?next=/admin/" in response["Location"]


def test_communicator_translates_syncs_and_publishes_with_wagtail_localize(client_as, demo_users,
                                                                          django_capture_on_commit_callbacks):
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    editor = demo_users["Editors"]
    home = HomePage.objects.get(locale__language_code="sv")
    page = home.add_child(instance=StandardPage(title="Öppen förskola", slug="oppen-forskola", intro="Kom och lek."))
    page.save_revision().publish()
    en = Locale.objects.get(language_code="en")

    # 1. The editor asks for an English translation in the admin.
    client = client_as("Editors")
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [en.id]})
    assert response.status_code == 302
    english = page.get_translation(en)
    assert not english.live  # a draft until it is translated and published

    # 2. The editor translates the strings in the editor (what the translation editor saves).
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=en)
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        text = {"Öppen förskola": "Open pre-school", "Kom och lek.": "Come and play.",
                "oppen-forskola": "open-pre-school"}.get(segment.string.data, segment.string.data)
        StringTranslation.objects.create(translation_of=segment.string, locale=en, context=segment.context, data=text,
                                         last_translated_by=editor)
    translation.save_target(user=editor, publish=False)
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().title == "Open pre-school"

    # 3. A moderator publishes the English page.
    moderator = demo_users["Moderators"]
    english.get_latest_revision().publish(user=moderator)
    assert client.get("/en/open-pre-school/").status_code == 200
    assert "Come and play." in client.get("/en/open-pre-school/").content.decode()

    # 4. The Swedish page changes; the editor syncs the translation in the admin.
    page.intro = "Kom och lek med ditt barn."
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.id])
    assert client.get(sync_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url, {"publish_translations": ""})
    assert response.status_code == 302
    segment_texts = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert "Kom och lek med ditt barn." in segment_texts  # the new text is now waiting for a translator
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().title == "Open pre-school"  # earlier work is kept


def test_managers_read_the_case_log_and_nothing_else(client_as, demo_users):
    """Managers (the demo's chef / lotsa-chef-demo): the statistics and the cases, read-only."""
    from forms.cases.models import Case

    assert demo_users["Managers"].username == "chef" and demo_users["Managers"].check_password("lotsa-chef-demo")
    client = client_as("Managers")
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/case-statistics/" in dashboard and "/admin/cases/" in dashboard  # the Case log menu
    assert "/admin/cases/new/" not in dashboard  # no "Register a case"
    assert "/admin/inbox/" not in dashboard and "/admin/funding_applications/" not in dashboard
    statistics = client.get("/admin/case-statistics/?from=2022-08-01&to=2023-08-24")
    assert statistics.status_code == 200 and "Registrera ett ärende" not in statistics.content.decode()
    cases = client.get("/admin/cases/").content.decode()
    assert "Telefon" in cases and "/admin/cases/new/" not in cases and "/admin/cases/edit/" not in cases
    case = Case.objects.exclude(channel="sms").first()
    assert client.get(f"/admin/cases/edit/{case.pk}/").status_code == 403
    assert client.post(f"/admin/cases/edit/{case.pk}/", {"channel": "sms"}).status_code == 403
    case.refresh_from_db()
    assert case.channel != "sms"
    assert client.post("/admin/cases-benefit/new/", {"period_start": "2024-01-01"}).status_code == 302
    from forms.cases.models import BenefitInputs
    assert not BenefitInputs.objects.filter(period_start="2024-01-01").exists()
    for url in ["/admin/inbox/", "/admin/bookings/", "/admin/surveys/links/", "/admin/funding_applications/",
                "/admin/pages/", "/admin/users/"]:
        assert client.get(url).status_code in (302, 403), url
    assert client.get("/admin/surveys/results/").status_code == 200  # aggregates only
