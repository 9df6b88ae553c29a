"""Who gets what (issue 8, item 6): every URL of the public site, the applicant area and the admin,
for anonymous visitors, a resident (logged in, no group), a project lead (owns an application)
and each Wagtail group's demo user. The expected status codes are the table below; each column is
one test, which lists every cell that differs.

Codes: 200 shown · 302 sent elsewhere (anonymous: to the login page; Wagtail: back to the
dashboard with "Sorry, you do not have permission") · 403 refused · 404 not found (someone else's
application or booking: we do not even say it exists) · 405 method not allowed.

Personal data - form submissions (inbox), bookings, survey links and applications - is shown only
to the groups whose work needs it: Coordinators (submissions, bookings, survey links), Fund
managers (applications), Administrators (everything). Survey results are aggregates (no personal
data) and also open to Fund managers.

Found by this matrix and fixed: a coordinator opening a submission's edit page got a 500
(forms/admin_views.py, SubmissionEditView.get used self.object before Wagtail set it).
"""
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

ROLES = ["anon", "resident", "lead", "Editors", "Moderators", "Coordinators", "Fund managers", "Administrators"]

# url                                                  anon res lead edit mod coord fund admin
MATRIX = """
# --- public site (every sitemap URL is also checked below) -----------------------------------
/sv/                                                   200  200  200  200  200  200  200  200
/en/                                                   200  200  200  200  200  200  200  200
/ar/                                                   200  200  200  200  200  200  200  200
/sv/search/?q=stöd                                     200  200  200  200  200  200  200  200
{finder}?q=ekonomi                                     200  200  200  200  200  200  200  200
{finder}guide/                                         200  200  200  200  200  200  200  200
{contact_form}                                         200  200  200  200  200  200  200  200
{contact_form}step/2/                                  302  302  302  302  302  302  302  302
{contact_form}check/                                   302  302  302  302  302  302  302  302
{contact_form}confirm/?t=forged                        400  400  400  400  400  400  400  400
{school_form}                                          200  200  200  200  200  200  200  200
/sv/boka/                                              200  200  200  200  200  200  200  200
/sv/boka/{schedule}/                                   200  200  200  200  200  200  200  200
/sv/boka/hantera/{booking_token}/                      200  200  200  200  200  200  200  200
/sv/boka/hantera/forged-token/                         404  404  404  404  404  404  404  404
{survey}                                               200  200  200  200  200  200  200  200
{knowledge_bank}                                       200  200  200  200  200  200  200  200
{knowledge_bank}?q=barn                                200  200  200  200  200  200  200  200
{knowledge_bank}rss/                                   200  200  200  200  200  200  200  200
{knowledge_bank}atom/                                  200  200  200  200  200  200  200  200
{report}                                               200  200  200  200  200  200  200  200
/oai?verb=Identify                                     200  200  200  200  200  200  200  200
/oai?verb=ListRecords&metadataPrefix=oai_dc            200  200  200  200  200  200  200  200
/sv/open-data/hsds.json                                200  200  200  200  200  200  200  200
/sitemap.xml                                           200  200  200  200  200  200  200  200
/robots.txt                                            200  200  200  200  200  200  200  200
/sv/no-such-page/                                      404  404  404  404  404  404  404  404
/xx/                                                   404  404  404  404  404  404  404  404
# --- accounts ---------------------------------------------------------------------------------
/sv/accounts/login/                                    200  302  302  302  302  302  302  302
/sv/accounts/signup/                                   200  302  302  302  302  302  302  302
/sv/accounts/2fa/                                      302  200  200  200  200  200  200  200
/sv/accounts/email/                                    302  200  200  200  200  200  200  200
# --- applicant area -------------------------------------------------------------------------
/sv/funding/my/                                        302  200  200  200  200  200  200  200
/sv/funding/my/{lead_app}/                             302  404  200  404  404  404  404  404
/sv/funding/my/{lead_app}/pdf/                         302  404  200  404  404  404  404  404
/sv/funding/my/{lead_app}/attachments/{lead_att}/      302  404  200  404  404  404  404  404
# another project lead's final report (the demo's projektledare2 and their report)
/sv/funding/my/{final_app}/final-report/               302  404  404  404  404  404  404  404
/sv/funding/my/{final_app}/final-report/pdf/           302  404  404  404  404  404  404  404
/sv/funding/my/{final_app}/final-report/attachments/{final_att}/ 302 404 404 404 404 404 404 404
# attachments were public files under MEDIA_URL; now nothing is there (private storage, views above)
/media/funding/applications/{lead_app}/Tidsplan.pdf    404  404  404  404  404  404  404  404
/media/reports/final/{final_report}/Deltagarstatistik.pdf 404 404 404 404 404 404 404 404
/sv/funding/apply/{lead_app}/applicant/                302  404  302  404  404  404  404  404
/sv/funding/my/{resident_app}/                         302  200  404  404  404  404  404  404
/sv/funding/apply/{resident_app}/applicant/            302  200  404  404  404  404  404  404
/sv/funding/apply/{resident_app}/budget/               302  200  404  404  404  404  404  404
/sv/funding/my/{resident_app}/pdf/                     302  200  404  404  404  404  404  404
/sv/funding/start/{fund}/                              302  405  405  405  405  405  405  405
# --- Wagtail admin --------------------------------------------------------------------------
/admin/                                                302  302  302  200  200  200  200  200
/admin/pages/                                          302  302  302  200  200  302  302  200
/admin/pages/{home}/                                   302  302  302  200  200  302  302  200
/admin/pages/{home}/edit/                              302  302  302  200  200  302  302  200
/admin/pages/{report}/edit/                            302  302  302  200  200  302  302  200
/admin/account/                                        302  302  302  200  200  200  200  200
/admin/images/                                         302  302  302  200  200  302  302  200
/admin/documents/                                      302  302  302  200  200  302  302  200
/admin/snippets/                                       302  302  302  200  200  302  302  200
/admin/snippets/home/place/                            302  302  302  200  200  302  302  200
/admin/snippets/home/emergencynumber/                  302  302  302  200  200  302  302  200
/admin/snippets/bookings/schedule/                     302  302  302  302  302  200  302  200
/admin/settings/home/contactsettings/{site}/           302  302  302  302  200  302  302  200
/admin/reports/unreviewed-services/                    302  302  302  200  200  200  200  200
/admin/reports/unreviewed-services/results/            302  302  302  200  200  200  200  200
# personal data: form submissions
/admin/inbox/                                          302  302  302  403  403  200  403  200
/admin/inbox/inspect/{submission}/                     302  302  302  403  403  200  403  200
/admin/inbox/edit/{submission}/                        302  302  302  403  403  200  403  200
/admin/inbox/?export=csv                               302  302  302  403  403  200  403  200
/admin/inbox/results/                                  302  302  302  403  403  200  403  200
/admin/inbox-audit/                                    302  302  302  403  403  403  403  200
/admin/inbox-audit/results/                            302  302  302  403  403  403  403  200
# personal data: bookings
/admin/bookings/                                       302  302  302  302  302  200  302  200
/admin/bookings/export/                                302  302  302  302  302  200  302  200
# surveys: results are aggregates; one-time links are the coordinators' tool
/admin/surveys/results/                                302  302  302  302  302  200  200  200
/admin/surveys/results/export/                         302  302  302  302  302  200  200  200
/admin/surveys/links/                                  302  302  302  302  302  200  302  200
# personal data: funding applications
/admin/funding_applications/                           302  302  302  302  302  302  200  200
/admin/funding_applications/inspect/{lead_app}/        302  302  302  302  302  302  200  200
/admin/funding_applications/?export=csv                302  302  302  302  302  302  200  200
/admin/funding/summary/                                302  302  302  302  302  302  200  200
/admin/funding_applications/results/                   302  302  302  302  302  302  200  200
/admin/final_reports/                                  302  302  302  302  302  302  200  200
/admin/final_reports/results/                          302  302  302  302  302  302  200  200
/admin/funding/applications/{lead_app}/attachments/{lead_att}/ 302 302 302 302 302 302 200 200
/admin/final-reports/{final_report}/attachments/{final_att}/    302 302 302 302 302 302 200 200
/admin/attachment-downloads/                           302  302  302  302  302  302  302  200
/admin/attachment-downloads/results/                   302  302  302  302  302  302  302  200
# users, groups, site settings
/admin/users/                                          302  302  302  302  302  302  302  200
/admin/groups/                                         302  302  302  302  302  302  302  200
/admin/sites/                                          302  302  302  302  302  302  302  200
/admin/locales/                                        302  302  302  302  302  302  302  200
/admin/redirects/                                      302  302  302  302  302  302  302  200
/admin/workflows/list/                                 302  302  302  302  302  302  302  200
/django-admin/                                         302  302  302  302  302  302  302  200
"""


def parse_matrix():
    rows = []
    for line in MATRIX.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        url, *codes = line.split()
        assert len(codes) == len(ROLES), line
        rows.append((url, dict(zip(ROLES, map(int, codes)))))
    return rows


@pytest.fixture
def places(django_user_model, demo_users):
    """The objects the URLs point at, and a user for each column."""
    from allauth.account.models import EmailAddress
    from wagtail.models import Site

    from forms.bookings import services
    from forms.bookings.models import Booking, Schedule
    from forms.models import FormPage, Submission
    from forms.surveys.models import SurveyPage
    from funding.models import Application, FundProgrammePage
    from home.models import FindSupportPage, HomePage
    from reports.models import FinalReport, KnowledgeBankIndexPage, ReportPage

    resident = django_user_model.objects.create_user("invanare", "invanare@example.org", "a-long-password-123")
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    lead = django_user_model.objects.get(username="projektledare")
    fund = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    resident_app = Application.objects.create(user=resident, fund=fund, language="sv", title="Min idé")
    contact = FormPage.objects.get(locale__language_code="sv", slug="kontakta-rad-och-stod")
    submission = Submission.objects.create(reference="KON-MATRIX", form_page=contact, language="sv",
                                           data={"fornamn": "Amira"}, confirmed_at=timezone.now())
    schedule = Schedule.objects.filter(active=True).first()
    slot = services.bookable_slots(schedule)[0]
    booking = Booking.objects.create(slot=slot, seat=1, first_name="Amina", email="amina@example.se", language="sv")
    final_report = FinalReport.objects.exclude(application__user=lead).first()
    # submitted, so that fund managers see it (and its attachment) in the admin
    FinalReport.objects.filter(pk=final_report.pk).update(status=FinalReport.Status.SUBMITTED)
    sv = lambda model: model.objects.live().filter(locale__language_code="sv").first()  # noqa: E731
    values = {
        "finder": sv(FindSupportPage).url, "contact_form": contact.url,
        "school_form": FormPage.objects.get(locale__language_code="sv", slug="boka-mote").url,
        "schedule": schedule.pk, "booking_token": services.make_token(booking),
        "survey": sv(SurveyPage).url, "knowledge_bank": sv(KnowledgeBankIndexPage).url, "report": sv(ReportPage).url,
        "lead_app": Application.objects.filter(user=lead).first().pk, "resident_app": resident_app.pk,
        "final_app": final_report.application_id,
        "final_report": final_report.pk, "final_att": final_report.attachments.first().pk,
        "lead_att": Application.objects.filter(user=lead).first().attachments.first().pk,
        "fund": fund.pk, "site": Site.objects.get(is_default_site=True).pk, "home": HomePage.objects.get(locale__language_code="sv").pk, "submission": submission.pk,
    }
    users = {"anon": None, "resident": resident, "lead": lead, **demo_users}
    # {report} is a page URL on the public site and a page id in the admin
    return values, users, ReportPage.objects.live().filter(locale__language_code="sv").first().pk


def fill(url, values, report_id):
    if url.startswith("/admin/"):
        url = url.replace("{report}", str(report_id))
    return url.format(**values)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, places, role):
    values, users, report_id = places
    if users[role] is not None:
        client.force_login(users[role])
    wrong = []
    for url, expected in parse_matrix():
        full = fill(url, values, report_id)
        status = client.get(full).status_code
        if status != expected[role]:
            wrong.append(f"{url:55} expected {expected[role]}, got {status}   ({full})")
    assert not wrong, f"{role}: {len(wrong)} cells differ from the matrix:\n" + "\n".join(wrong)


def test_every_admin_view_of_ours_is_in_the_matrix():
    """A new admin view (register_admin_urls, a viewset) must get its row above."""
    from django.urls import URLResolver, get_resolver

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                view = getattr(p.callback, "view_class", p.callback)
                yield "/" + prefix + str(p.pattern), view.__module__

    ours = {"forms", "funding", "home", "reports", "portal"}
    in_matrix = {url.split("?")[0] for url, _codes in parse_matrix()}
    missing = [route for route, module in walk(get_resolver().url_patterns)
               if route.startswith("/admin/") and "<" not in route and module.split(".")[0] in ours
               and route not in in_matrix]
    assert not missing, f"admin views without a row in MATRIX: {missing}"


def test_every_sitemap_url_is_public(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(urls) > 20
    failing = [(u, s) for u in urls if (s := client.get(u).status_code) != 200]
    assert not failing, failing
