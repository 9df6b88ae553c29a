"""The knowledge-bank page drafted when a final report is approved (issue 13, item 10): every
public section with its tables and charts, and the topics of the fund and the application
instead of a fixed "Tidigt stöd"."""
import pytest
from django.urls import reverse

from funding.models import Application, FundProgrammePage
from reports import final_reports as fr
from reports.models import FinalReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    report = FinalReport.objects.get(application__user__username="projektledare2")
    FinalReport.objects.filter(pk=report.pk).update(status=FinalReport.Status.SUBMITTED)
    report.refresh_from_db()
    return report


def set_project_topics(app, topics):
    data = dict(app.data)
    data["wizard"]["step_data"]["project"]["project-topics"] = topics
    Application.objects.filter(pk=app.pk).update(data=data)
    app.refresh_from_db()


def test_page_carries_every_public_section_and_the_fund_and_application_topics(report, client):
    app = report.application
    FundProgrammePage.objects.filter(pk=app.fund_id).update(topics=["children", "collaboration"])
    set_project_topics(app, ["school", "children"])
    report.application = Application.objects.select_related("fund").get(pk=app.pk)
    page = fr.approve(report)
    assert [t.topic for t in page.topics.all()] == ["children", "collaboration", "school"]

    types = [block.block_type for block in page.body]
    assert types.count("table") == 3 and types.count("key_figures") == 2
    captions = [str(block.value["caption"]) for block in page.body if block.block_type in ("table", "key_figures")]
    assert captions == ["Effektmål", "Ärenden hos samordnarna", "Budget och utfall per år", "Ekonomisk redovisning (kr)",
                        "Nyttorealisering"]
    # the moderator can publish the draft as it is
    page.body.stream_block.clean(page.body)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for expected in ["Andel invånare som fått rätt stöd", "73,3", "En tjänst var vakant i fyra månader",
                     "4\u00a0800 kr", "15\u00a0200 kr", "106\u00a0400 kr", "utredning av ett barn",
                     "Modellen ingår i linjeverksamheten från 2023", "<svg"]:
        assert expected in html, expected


def test_no_topic_is_made_up(report):
    FundProgrammePage.objects.filter(pk=report.application.fund_id).update(topics=[])
    set_project_topics(report.application, [])
    report.application = Application.objects.select_related("fund").get(pk=report.application_id)
    page = fr.approve(report)
    assert not page.topics.exists()


def test_the_application_chooses_its_topics(client):
    from tests.factories import ApplicantFactory
    from tests.test_funding_wizard import APPLICANT, PROJECT, post_step, start

    lead = ApplicantFactory(username="kim")
    client.force_login(lead)
    app = start(client, FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel"))
    post_step(client, app, "applicant", APPLICANT)
    html = client.get(reverse("funding:apply", args=[app.pk, "project"])).content.decode()
    assert 'name="project-topics"' in html and "Tidigt stöd" in html
    r = client.post(reverse("funding:apply", args=[app.pk, "project"]), {
        **{f"project-{k}": v for k, v in PROJECT.items()}, "project-topics": ["early-support", "school"],
        f"application_{app.pk}-current_step": "project"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert fr.page_topics(app) == ["early-support", "school"]
