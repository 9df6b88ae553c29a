"""Who gets what (issue 8, item 6): every URL of the public site, the applicant area and the admin,
for anonymous visitors, a resident (logged in, no group), a project lead (owns an application)
and each Wagtail group's demo user. The expected status codes are the table below; each column is
one test, which lists every cell that differs. Every other URL pattern of the resolver has a line
in ROUTES below with the rule saying who may reach it; tests/test_url_inventory.py (the guard)
fails for a pattern that has neither and checks every ROUTES line for every role.

Codes: 200 shown · 302 sent elsewhere (anonymous: to the login page; Wagtail: back to the
dashboard with "Sorry, you do not have permission") · 403 refused · 404 not found (someone else's
application or booking: we do not even say it exists) · 405 method not allowed.

Personal data - form submissions (inbox), bookings, survey links and applications - is shown only
to the groups whose work needs it: Coordinators (submissions, bookings, survey links), Fund
managers (applications), Administrators (everything). Survey results are aggregates (no personal
data) and also open to Fund managers. Managers (the demo's `chef`) read the case log and its
statistics and the survey results, nothing else: no inbox, no applications, no pages, no writing.

Found by this matrix and fixed: a coordinator opening a submission's edit page got a 500
(forms/admin_views.py, SubmissionEditView.get used self.object before Wagtail set it).
"""
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

ROLES = ["anon", "resident", "lead", "Editors", "Moderators", "Coordinators", "Fund managers", "Managers",
         "Administrators"]

# url                                                  anon res lead edit mod coord fund mgr  admin
MATRIX = """
# --- public site (every sitemap URL is also checked below) -----------------------------------
/sv/                                                   200  200  200  200  200  200  200  200  200
/en/                                                   200  200  200  200  200  200  200  200  200
/ar/                                                   200  200  200  200  200  200  200  200  200
/sv/search/?q=stöd                                     200  200  200  200  200  200  200  200  200
{finder}?q=ekonomi                                     200  200  200  200  200  200  200  200  200
{finder}guide/                                         200  200  200  200  200  200  200  200  200
{contact_form}                                         200  200  200  200  200  200  200  200  200
{contact_form}step/2/                                  302  302  302  302  302  302  302  302  302
{contact_form}check/                                   302  302  302  302  302  302  302  302  302
{contact_form}confirm/?t=forged                        400  400  400  400  400  400  400  400  400
{school_form}                                          200  200  200  200  200  200  200  200  200
/sv/boka/                                              200  200  200  200  200  200  200  200  200
/sv/boka/{schedule}/                                   200  200  200  200  200  200  200  200  200
/sv/boka/hantera/{booking_token}/                      200  200  200  200  200  200  200  200  200
/sv/boka/hantera/forged-token/                         404  404  404  404  404  404  404  404  404
{survey}                                               200  200  200  200  200  200  200  200  200
{knowledge_bank}                                       200  200  200  200  200  200  200  200  200
{knowledge_bank}?q=barn                                200  200  200  200  200  200  200  200  200
{knowledge_bank}rss/                                   200  200  200  200  200  200  200  200  200
{knowledge_bank}atom/                                  200  200  200  200  200  200  200  200  200
{report}                                               200  200  200  200  200  200  200  200  200
/oai?verb=Identify                                     200  200  200  200  200  200  200  200  200
/oai?verb=ListRecords&metadataPrefix=oai_dc            200  200  200  200  200  200  200  200  200
/sv/open-data/hsds.json                                200  200  200  200  200  200  200  200  200
/sitemap.xml                                           200  200  200  200  200  200  200  200  200
/robots.txt                                            200  200  200  200  200  200  200  200  200
/favicon.ico                                           301  301  301  301  301  301  301  301  301
/sv/no-such-page/                                      404  404  404  404  404  404  404  404  404
/xx/                                                   404  404  404  404  404  404  404  404  404
# --- accounts ---------------------------------------------------------------------------------
/sv/accounts/login/                                    200  302  302  302  302  302  302  302  302
/sv/accounts/signup/                                   200  302  302  302  302  302  302  302  302
/sv/accounts/2fa/                                      302  200  200  200  200  200  200  200  200
/sv/accounts/email/                                    302  200  200  200  200  200  200  200  200
# every login-like page (issue 11): allauth's, and the framework's old doors that now send there
/sv/accounts/password/reset/                           200  200  200  200  200  200  200  200  200
/sv/accounts/reauthenticate/                           302  200  200  200  200  200  200  200  200
/sv/accounts/2fa/authenticate/                         302  302  302  302  302  302  302  302  302
/sv/accounts/login/code/confirm/                       302  302  302  302  302  302  302  302  302
/en/accounts/login/                                    200  302  302  302  302  302  302  302  302
/sv/accounts/login/code/                               200  302  302  302  302  302  302  302  302
/sv/accounts/password/change/                          302  200  200  200  200  200  200  200  200
/sv/accounts/logout/                                   302  200  200  200  200  200  200  200  200
/sv/accounts/2fa/totp/activate/                        302  302  302  302  302  302  302  302  302
/sv/_util/login/                                       302  302  302  302  302  302  302  302  302
/sv/_util/login/?next=/admin/inbox/                    302  302  302  302  302  302  302  302  302
/sv/_util/authenticate_with_password/1/1/              404  404  404  404  404  404  404  404  404
/admin/password_reset/                                 302  302  302  302  302  302  302  302  302
/admin/password_reset/done/                            302  302  302  302  302  302  302  302  302
/admin/account/change_password/                        302  302  302  302  302  302  302  302  302
/admin/logout/                                         302  302  302  302  302  302  302  302  302
/django-admin/password_change/                         302  302  302  302  302  302  302  302  302
/django-admin/password_change/done/                    302  302  302  302  302  302  302  302  302
/django-admin/logout/                                  302  302  302  302  302  302  302  302  302
/django-admin/mfa/authenticator/                       302  302  302  302  302  302  302  302  200
# --- applicant area -------------------------------------------------------------------------
/sv/funding/my/                                        302  200  200  200  200  200  200  200  200
/sv/funding/my/{lead_app}/                             302  404  200  404  404  404  404  404  404
/sv/funding/my/{lead_app}/pdf/                         302  404  200  404  404  404  404  404  404
/sv/funding/my/{lead_app}/attachments/{lead_att}/      302  404  200  404  404  404  404  404  404
# another project lead's final report (the demo's projektledare2 and their report)
/sv/funding/my/{final_app}/final-report/               302  404  404  404  404  404  404  404  404
/sv/funding/my/{final_app}/final-report/pdf/           302  404  404  404  404  404  404  404  404
/sv/funding/my/{final_app}/final-report/attachments/{final_att}/ 302 404 404 404 404 404 404 404 404
# another project lead's interim report (the demo's projektledare4, issue 13 item 7)
/sv/funding/my/{interim_app}/interim/{interim_report}/ 302 404 404 404 404 404 404 404 404
/sv/funding/my/{interim_app}/interim/{interim_report}/pdf/ 302 404 404 404 404 404 404 404 404
# attachments were public files under MEDIA_URL; now nothing is there (private storage, views above)
/media/funding/applications/{lead_app}/Tidsplan.pdf    404  404  404  404  404  404  404  404  404
/media/reports/final/{final_report}/Deltagarstatistik.pdf 404 404 404 404 404 404 404 404 404
/sv/funding/apply/{lead_app}/applicant/                302  404  302  404  404  404  404  404  404
/sv/funding/my/{resident_app}/                         302  200  404  404  404  404  404  404  404
/sv/funding/apply/{resident_app}/applicant/            302  200  404  404  404  404  404  404  404
/sv/funding/apply/{resident_app}/budget/               302  200  404  404  404  404  404  404  404
/sv/funding/my/{resident_app}/pdf/                     302  200  404  404  404  404  404  404  404
/sv/funding/start/{fund}/                              302  405  405  405  405  405  405  405  405
# the lead's organisation (prefills new applications) and "copy as a new application" (POST only;
# another lead's application is a 404 on POST, tests/test_funding_profile.py)
/sv/funding/my/organisation/                           302  200  200  200  200  200  200  200  200
/sv/funding/my/{lead_app}/copy/                        302  405  405  405  405  405  405  405  405
# the department head's signature (issue 13 item 2): the link needs no account, its token is the key;
# the lead's signature page (the demo lead's application is submitted: back to its page, 302);
# an application waiting for the signature is the lead's own business (signature_app: projektledare3's)
/sv/funding/sign/forged-token/                         404  404  404  404  404  404  404  404  404
/sv/funding/sign/forged-token/pdf/                     404  404  404  404  404  404  404  404  404
/sv/funding/my/{lead_app}/signature/                   302  404  302  404  404  404  404  404  404
/sv/funding/my/{signature_app}/signature/              302  404  404  404  404  404  404  404  404
/sv/funding/my/{signature_app}/                        302  404  404  404  404  404  404  404  404
# the message thread (issue 13 item 3): the lead's own, once submitted (a draft has none: 404)
/sv/funding/my/{lead_app}/messages/                    302  404  200  404  404  404  404  404  404
/sv/funding/my/{lead_app}/messages/{lead_msg}/attachment/ 302 404 200 404 404 404 404 404 404
/sv/funding/my/{resident_app}/messages/                302  404  404  404  404  404  404  404  404
/sv/funding/my/{lead_app}/messages/999999/attachment/  302  404  404  404  404  404  404  404  404
# the decision letter: the lead's own, once decided (the demo lead's application is not yet decided)
/sv/funding/my/{lead_app}/decision-letter/             302  404  404  404  404  404  404  404  404
/sv/funding/my/{final_app}/decision-letter/            302  404  404  404  404  404  404  404  404
# --- Wagtail admin --------------------------------------------------------------------------
/admin/                                                302  302  302  200  200  200  200  200  200
/admin/pages/                                          302  302  302  200  200  302  302  302  200
/admin/pages/{home}/                                   302  302  302  200  200  302  302  302  200
/admin/pages/{home}/edit/                              302  302  302  200  200  302  302  302  200
/admin/pages/{report}/edit/                            302  302  302  200  200  302  302  302  200
/admin/account/                                        302  302  302  200  200  200  200  200  200
/admin/images/                                         302  302  302  200  200  302  302  302  200
/admin/documents/                                      302  302  302  200  200  302  302  302  200
/admin/snippets/                                       302  302  302  200  200  200  302  200  200
/admin/snippets/home/place/                            302  302  302  200  200  302  302  302  200
/admin/snippets/home/emergencynumber/                  302  302  302  200  200  302  302  302  200
/admin/snippets/bookings/schedule/                     302  302  302  302  302  200  302  302  200
/admin/settings/home/contactsettings/{site}/           302  302  302  302  200  302  302  302  200
/admin/reports/unreviewed-services/                    302  302  302  200  200  200  200  200  200
/admin/reports/unreviewed-services/results/            302  302  302  200  200  200  200  200  200
# personal data: form submissions
/admin/inbox/                                          302  302  302  403  403  200  403  403  200
/admin/inbox/inspect/{submission}/                     302  302  302  403  403  200  403  403  200
/admin/inbox/edit/{submission}/                        302  302  302  403  403  200  403  403  200
/admin/inbox/?export=csv                               302  302  302  403  403  200  403  403  200
/admin/inbox/results/                                  302  302  302  403  403  200  403  403  200
# a school request not yet confirmed by e-mail is nobody's to read (issue 11): 404 on every URL
/admin/inbox/inspect/{unconfirmed}/                    302  302  302  404  404  404  404  404  404
/admin/inbox/edit/{unconfirmed}/                       302  302  302  403  403  404  403  403  404
/admin/inbox/history/{unconfirmed}/                    302  302  302  404  404  404  404  404  404
/admin/inbox/usage/{unconfirmed}/                      302  302  302  404  404  404  404  404  404
/admin/inbox/delete/{unconfirmed}/                     302  302  302  404  404  404  404  404  404
/admin/inbox-audit/                                    302  302  302  403  403  403  403  403  200
/admin/inbox-audit/results/                            302  302  302  403  403  403  403  403  200
# personal data: bookings
/admin/bookings/                                       302  302  302  302  302  200  302  302  200
/admin/bookings/export/                                302  302  302  302  302  200  302  302  200
# surveys: results are aggregates; one-time links are the coordinators' tool
/admin/surveys/results/                                302  302  302  302  302  200  200  200  200
/admin/surveys/results/export/                         302  302  302  302  302  200  200  200  200
/admin/surveys/links/                                  302  302  302  302  302  200  302  302  200
# personal data: funding applications
/admin/funding_applications/                           302  302  302  302  302  302  200  302  200
/admin/funding_applications/inspect/{lead_app}/        302  302  302  302  302  302  200  302  200
/admin/funding_applications/?export=csv                302  302  302  302  302  302  200  302  200
/admin/funding/summary/                                302  302  302  302  302  302  200  302  200
/admin/funding/extend-deadline/                        302  302  302  302  302  302  200  302  200
/admin/funding_applications/results/                   302  302  302  302  302  302  200  302  200
/admin/final_reports/                                  302  302  302  302  302  302  200  302  200
/admin/final_reports/results/                          302  302  302  302  302  302  200  302  200
# drafts are the applicant's own business: 404 (as an unknown id) on every admin URL, also for
# Fund managers and Administrators; a view the role may not use at all refuses first (302)
/admin/funding_applications/inspect/{resident_app}/    302  302  302  404  404  404  404  404  404
/admin/funding_applications/inspect/999999/            302  302  302  404  404  404  404  404  404
/admin/funding_applications/edit/{resident_app}/       302  302  302  302  302  302  302  302  404
/admin/funding_applications/history/{resident_app}/    302  302  302  404  404  404  404  404  404
/admin/funding_applications/inspect/{signature_app}/   302  302  302  404  404  404  404  404  404
/admin/funding/applications/{signature_app}/attachments/{lead_att}/ 302 302 302 302 302 302 404 302 404
/admin/funding_applications/?export=csv&q=Min+idé      302  302  302  302  302  302  200  302  200
/admin/final_reports/inspect/{draft_report}/           302  302  302  404  404  404  404  404  404
/admin/final_reports/edit/{draft_report}/              302  302  302  302  302  302  404  302  404
/admin/final_reports/inspect/999999/                   302  302  302  404  404  404  404  404  404
/admin/final-reports/{draft_report}/pdf/               302  302  302  302  302  302  404  302  404
# applications and final reports come from the public site; nobody adds them in the admin
/admin/funding_applications/new/                       302  302  302  302  302  302  302  302  302
/admin/final_reports/new/                              302  302  302  302  302  302  302  302  302
# interim reports: fund managers review submitted ones; a draft is 404 for everyone in the admin
/admin/interim_reports/                                302  302  302  302  302  302  200  302  200
/admin/interim_reports/results/                        302  302  302  302  302  302  200  302  200
/admin/interim_reports/inspect/{interim_report}/       302  302  302  302  302  302  200  302  200
/admin/interim-reports/{interim_report}/pdf/           302  302  302  302  302  302  200  302  200
/admin/interim_reports/inspect/{interim_draft}/        302  302  302  404  404  404  404  404  404
/admin/interim_reports/edit/{interim_draft}/           302  302  302  302  302  302  404  302  404
/admin/interim-reports/{interim_draft}/pdf/            302  302  302  302  302  302  404  302  404
/admin/interim_reports/new/                            302  302  302  302  302  302  302  302  302
/admin/funding/applications/{lead_app}/attachments/{lead_att}/ 302 302 302 302 302 302 200 302 200
/admin/funding/applications/{lead_app}/messages/       302  302  302  302  302  302  200  302  200
/admin/funding/applications/{lead_app}/messages/{lead_msg}/attachment/ 302 302 302 302 302 302 200 302 200
/admin/funding/applications/{resident_app}/messages/   302  302  302  302  302  302  404  302  404
/admin/final-reports/{final_report}/attachments/{final_att}/ 302 302 302 302 302 302 200 302 200
# assessment (funding/assessment): "My assessments" lists the user's own assignments (empty for
# these roles); an assessment opens only for its reviewer (the Reviewers role is tested with the
# demo user granskare in tests/test_funding_assessment.py); assigning is a fund manager's POST
/admin/assessments/                                    302  302  302  200  200  200  200  200  200
/admin/assessments/{assessment}/                       302  302  302  404  404  404  404  404  404
/admin/assessments/assign/{lead_app}/                  302  302  302  405  405  405  405  405  405
# the committee's decision (funding/committee): meetings, agenda PDF, marking ready - Fund managers
/admin/funding-committee/meetings/                     302  302  302  302  302  302  200  302  200
/admin/funding-committee/meetings/new/                 302  302  302  302  302  302  200  302  200
/admin/funding-committee/meetings/inspect/{meeting}/   302  302  302  302  302  302  200  302  200
/admin/funding-committee/meetings/edit/{meeting}/      302  302  302  302  302  302  200  302  200
/admin/funding-committee/meetings/{meeting}/agenda.pdf 302 302 302 302 302 302 200 302 200
/admin/funding-committee/ready/{committee_app}/        302  302  302  302  302  302  200  302  200
/admin/funding-committee/ready/{resident_app}/         302  302  302  302  302  302  404  302  404
/admin/attachment-downloads/                           302  302  302  302  302  302  302  302  200
# payments (issue 13 item 6): the plan of approved applications, the finance export, recording;
# an application not approved has no payments page (404); plan lines are never added or deleted
/admin/funding-payments/                               302  302  302  302  302  302  200  302  200
/admin/funding-payments/results/                       302  302  302  302  302  302  200  302  200
/admin/funding-payments/?export=csv                    302  302  302  302  302  302  200  302  200
/admin/funding-payments/?export=xlsx                   302  302  302  302  302  302  200  302  200
/admin/funding-payments/application/{paid_app}/        302  302  302  302  302  302  200  302  200
/admin/funding-payments/application/{lead_app}/        302  302  302  302  302  302  404  302  404
/admin/funding-payments/edit/{paid_line}/              302  302  302  302  302  302  200  302  200
/admin/funding-payments/new/                           302  302  302  302  302  302  302  302  302
/admin/funding-payments/delete/{paid_line}/            302  302  302  302  302  302  302  302  302
/admin/attachment-downloads/results/                   302  302  302  302  302  302  302  302  200
# users, groups, site settings
/admin/users/                                          302  302  302  302  302  302  302  302  200
/admin/groups/                                         302  302  302  302  302  302  302  302  200
/admin/sites/                                          302  302  302  302  302  302  302  302  200
/admin/locales/                                        302  302  302  302  302  302  302  302  200
/admin/redirects/                                      302  302  302  302  302  302  302  302  200
/admin/workflows/list/                                 302  302  302  302  302  302  302  302  200
/django-admin/                                         302  302  302  302  302  302  302  302  200
"""


# Every other URL pattern (Wagtail's, Django admin's, allauth's and ours with parameters), with
# the rule saying who may reach it; tests/test_url_inventory.py explains the rules, walks the
# whole resolver (a pattern with no row fails) and checks each line for every role.
# route                                                                              rule
ROUTES = r"""
# --- login-like doors: every login, password form and logout is allauth's (portal/urls.py) ------
/admin/login/                                                                                        gone
/django-admin/login/                                                                                 gone
/^admin/password_reset/                                                                              gone
/admin/account/change_password/                                                                      gone
/admin/logout/                                                                                       gone
/^django-admin/password_change/                                                                      gone
/django-admin/logout/                                                                                gone
/documents/authenticate_with_password/<int:restriction_id>/                                          gone
# --- Wagtail admin: the framework's own views --------------------------------------------------
# admin = any admin user; Wagtail's choosers, the admin API listings and the translation reports
# are open to every admin user (their contents are public pages, documents, images, places)
/admin/test404/                                                                                      admin
/admin/api/main/pages/                                                                               admin
/admin/api/main/pages/<int:pk>/                                                                      admin
/admin/api/main/pages/find/                                                                          admin
/admin/api/main/pages/<int:pk>/action/<str:action_name>/                                             admin
/admin/api/main/documents/                                                                           admin
/admin/api/main/documents/<int:pk>/                                                                  admin
/admin/api/main/documents/find/                                                                      admin
# Wagtail's admin API lists images to any admin user (the choosers use it); no personal data
/admin/api/main/images/                                                                              admin
/admin/api/main/images/<int:pk>/                                                                     admin:wagtailimages.change_image|wagtailimages.add_image
/admin/api/main/images/find/                                                                         admin:wagtailimages.change_image|wagtailimages.add_image
# Wagtail's deliberate 500 ("test the error page"): closed, no route may answer 5xx
/admin/failwhale/                                                                                    gone
/admin/pages/<int:parent_page_id>/results/                                                           admin:pages
/admin/bulk/<str:app_label>/<str:model_name>/<str:action>/                                           admin:pages
/admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/   admin:pages
/admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/ admin:pages
/admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/                      admin:pages
/admin/pages/create/<slug:app_label>/<slug:model_name>                                               admin:pages
/admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/              admin:pages
/admin/pages/<int:page_id>/usage/                                                                    admin:pages
/admin/pages/<int:page_id>/edit/preview/                                                             admin:pages
/admin/pages/<int:page_id>/view_draft/                                                               admin:pages
/admin/pages/<int:parent_page_id>/add_subpage/                                                       admin:pages
/admin/pages/<int:page_id>/delete/                                                                   admin:pages
/admin/pages/<int:page_id>/unpublish/                                                                admin:pages
/admin/pages/<int:page_id>/convert_alias/                                                            admin:pages
/admin/pages/search/                                                                                 admin:pages
/admin/pages/search/results/                                                                         admin:pages
/admin/pages/<int:page_to_move_id>/move/                                                             admin:pages
# Wagtail checked the page permission only on POST; portal/admin_guards.py checks it on GET too
/admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/                                admin:pages
/admin/pages/<int:page_to_move_id>/set_position/                                                     admin:pages
/admin/pages/<int:page_id>/copy/                                                                     admin:pages
/admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/                   admin:pages
/admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/      admin:pages
# Wagtail's modal only names the page and its workflow (no check of its own, no personal data)
/admin/pages/workflow/confirm_cancellation/<int:page_id>/                                            admin
/admin/pages/workflow/preview/<int:page_id>/<int:task_id>/                                           admin:pages
/admin/pages/<int:page_id>/privacy/                                                                  admin:pages
/admin/pages/<int:page_id>/lock/                                                                     admin:pages
/admin/pages/<int:page_id>/unlock/                                                                   admin:pages
/admin/pages/<int:page_id>/revisions/                                                                admin:pages
/admin/pages/<int:page_id>/revisions/<int:revision_id>/view/                                         admin:pages
/admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/                                       admin:pages
/admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/                                   admin:pages
/admin/pages/(\d+)/revisions/compare/(live|earliest|\d+)\.\.\.(live|latest|\d+)/$                    admin:pages
/admin/pages/<int:page_id>/workflow_history/                                                         admin:pages
/admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/                          admin:pages
/admin/pages/<int:page_id>/history/                                                                  admin:pages
/admin/pages/<int:page_id>/history/results/                                                          admin:pages
/admin/choose-page/                                                                                  admin
/admin/choose-page/<int:parent_page_id>/                                                             admin
/admin/choose-page/search/                                                                           admin
/admin/choose-page/chosen-multiple/                                                                  admin
/admin/choose-external-link/                                                                         admin
/admin/choose-email-link/                                                                            admin
/admin/choose-phone-link/                                                                            admin
/admin/choose-anchor-link/                                                                           admin
/admin/tag-autocomplete/                                                                             admin
/admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/                                           admin
/admin/collections/                                                                                  admin:wagtailcore.view_collection|wagtailcore.change_collection
/admin/collections/add/                                                                              admin:wagtailcore.view_collection|wagtailcore.change_collection
/admin/collections/<int:pk>/                                                                         admin:wagtailcore.view_collection|wagtailcore.change_collection
/admin/collections/<int:pk>/delete/                                                                  admin:wagtailcore.view_collection|wagtailcore.change_collection
/admin/collections/<int:collection_id>/privacy/                                                      admin:wagtailcore.view_collection|wagtailcore.change_collection
/admin/workflows/list/results/                                                                       admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/add/                                                                                admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/enable/<int:pk>/                                                                    admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/disable/<int:pk>/                                                                   admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/edit/<int:pk>/                                                                      admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/usage/<int:pk>/                                                                     admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/usage/<int:pk>/results/                                                             admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/remove/<int:page_pk>/                                                               admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/                                             admin:wagtailcore.change_workflow|wagtailcore.add_workflow
/admin/workflows/tasks/add/<str:app_label>/<str:model_name>/                                         admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/select_type/                                                                  admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/index/                                                                        admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/index/results/                                                                admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/edit/<int:pk>/                                                                admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/disable/<int:pk>/                                                             admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/tasks/enable/<int:pk>/                                                              admin:wagtailcore.change_task|wagtailcore.add_task
/admin/workflows/task_chooser/                                                                       admin
/admin/workflows/task_chooser/results/                                                               admin
/admin/workflows/task_chooser/create/                                                                admin
/admin/workflows/task_chooser/<int:task_id>/                                                         admin
/admin/reports/locked/                                                                               admin:pages.lock
/admin/reports/locked/results/                                                                       admin:pages.lock
/admin/reports/workflow/                                                                             admin:pages
/admin/reports/workflow/results/                                                                     admin:pages
/admin/reports/workflow_tasks/                                                                       admin:pages
/admin/reports/workflow_tasks/results/                                                               admin:pages
# Wagtail filters the log to the models the user has a permission for (LogEntryQuerySet.viewable_by_user)
/admin/reports/site-history/                                                                         admin
/admin/reports/site-history/results/                                                                 admin
/admin/reports/aging-pages/                                                                          admin:pages
/admin/reports/aging-pages/results/                                                                  admin:pages
/admin/reports/page-types-usage/                                                                     admin:pages
/admin/reports/page-types-usage/results/                                                             admin:pages
/admin/dismissibles/                                                                                 admin
/admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/      admin
/admin/editing-sessions/release/<int:session_id>/                                                    admin
/admin/block-preview/                                                                                admin
/admin/localize/jsi18n/                                                                              admin
/admin/localize/submit/page/<int:page_id>/                                                           admin:wagtail_localize.submit_translation
/admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/                          admin:wagtail_localize.submit_translation
/admin/localize/update/<int:translation_source_id>/                                                  admin:pages
/admin/localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/                 admin:pages
/admin/localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/          admin:pages
/admin/localize/translate/<int:translation_id>/pofile/download/                                      admin:pages
/admin/localize/translate/<int:translation_id>/pofile/upload/                                        admin:pages
/admin/localize/translate/<int:translation_id>/machine_translate/                                    admin:pages
/admin/localize/translate/<int:translation_id>/preview/                                              admin:pages
/admin/localize/translate/<int:translation_id>/preview/<str:mode>/                                   admin:pages
/admin/localize/translate/<int:translation_id>/disable/                                              admin:pages
/admin/localize/page/<int:page_id>/convert_to_alias/                                                 admin:pages
/admin/localize/reports/translations/                                                                admin
/admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/                                     admin
/admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/                            admin
/admin/localize/reports/translations/results/                                                        admin
/admin/forms/                                                                                        admin:pages
/admin/forms/results/                                                                                admin:pages
# Wagtail's own form-submission lists would be personal data: the inbox's readers only
/admin/forms/submissions/<int:page_id>/                                                              admin:forms.view_submission
/admin/forms/submissions/<int:page_id>/results/                                                      admin:forms.view_submission
/admin/forms/submissions/<int:page_id>/delete/                                                       admin:forms.view_submission
/admin/redirects/results/                                                                            admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/redirects/add/                                                                                admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/redirects/<int:redirect_id>/                                                                  admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/redirects/<int:redirect_id>/delete/                                                           admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/redirects/import/                                                                             admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/redirects/import/process/                                                                     admin:wagtailredirects.view_redirect|wagtailredirects.change_redirect
/admin/settings/<slug:app_name>/<slug:model_name>/                                                   admin:home.change_contactsettings
/admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/                                  admin:home.change_contactsettings
/admin/translation/submit/page/<int:page_id>/                                                        admin:simple_translation.submit_translation
/admin/translation/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/                       admin:simple_translation.submit_translation
/admin/embeds/chooser/                                                                               admin
/admin/embeds/chooser/upload/                                                                        admin
/admin/documents/results/                                                                            admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/add/                                                                                admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/edit/<int:document_id>/                                                             admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/delete/<int:document_id>/                                                           admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/multiple/add/                                                                       admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/multiple/<int:doc_id>/                                                              admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/                      admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/multiple/<int:doc_id>/delete/                                                       admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/multiple/delete_upload/<int:uploaded_file_id>/                                      admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/documents/usage/<int:document_id>/                                                            admin:wagtaildocs.change_document|wagtaildocs.add_document
/admin/images/results/                                                                               admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/<int:image_id>/                                                                        admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/<int:image_id>/delete/                                                                 admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/<int:image_id>/generate_url/                                                           admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/<int:image_id>/generate_url/output/                                                    admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/<int:image_id>/preview/<str:filter_spec>/                                              admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/add/                                                                                   admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/usage/<int:image_id>/                                                                  admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/multiple/add/                                                                          admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/multiple/<int:image_id>/                                                               admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/                            admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/multiple/<int:image_id>/delete/                                                        admin:wagtailimages.change_image|wagtailimages.add_image
/admin/images/multiple/delete_upload/<int:uploaded_file_id>/                                         admin:wagtailimages.change_image|wagtailimages.add_image
# --- the case log (forms/cases): Coordinators register, Managers read ---------------------------
/admin/case-statistics/                                                                              admin:cases.view_statistics
/admin/case-statistics/export/                                                                       admin:cases.view_statistics
/admin/case-statistics/report/                                                                       admin:cases.make_report
/admin/cases/                                                                                        admin:cases.view_case|cases.change_case
/admin/cases/results/                                                                                admin:cases.view_case|cases.change_case
/admin/cases/new/                                                                                    admin:cases.add_case
/admin/cases/edit/<int:pk>/                                                                          admin:cases.change_case
/admin/cases/delete/<int:pk>/                                                                        admin:cases.delete_case
/admin/cases/history/<int:pk>/                                                                       admin:cases.view_case|cases.change_case
/admin/cases/history-results/<int:pk>/                                                               admin:cases.view_case|cases.change_case
/admin/cases/usage/<int:pk>/                                                                         admin:cases.view_case|cases.change_case
/admin/cases-key-figures/                                                                            admin:cases.view_schoolconcernmonth|cases.change_schoolconcernmonth
/admin/cases-key-figures/results/                                                                    admin:cases.view_schoolconcernmonth|cases.change_schoolconcernmonth
/admin/cases-key-figures/new/                                                                        admin:cases.add_schoolconcernmonth
/admin/cases-key-figures/edit/<int:pk>/                                                              admin:cases.change_schoolconcernmonth
/admin/cases-key-figures/delete/<int:pk>/                                                            admin:cases.delete_schoolconcernmonth
/admin/cases-key-figures/history/<int:pk>/                                                           admin:cases.view_schoolconcernmonth|cases.change_schoolconcernmonth
/admin/cases-key-figures/history-results/<int:pk>/                                                   admin:cases.view_schoolconcernmonth|cases.change_schoolconcernmonth
/admin/cases-key-figures/usage/<int:pk>/                                                             admin:cases.view_schoolconcernmonth|cases.change_schoolconcernmonth
/admin/cases-benefit/                                                                                admin:cases.view_benefitinputs|cases.change_benefitinputs
/admin/cases-benefit/results/                                                                        admin:cases.view_benefitinputs|cases.change_benefitinputs
/admin/cases-benefit/new/                                                                            admin:cases.add_benefitinputs
/admin/cases-benefit/edit/<int:pk>/                                                                  admin:cases.change_benefitinputs
/admin/cases-benefit/delete/<int:pk>/                                                                admin:cases.delete_benefitinputs
/admin/cases-benefit/history/<int:pk>/                                                               admin:cases.view_benefitinputs|cases.change_benefitinputs
/admin/cases-benefit/history-results/<int:pk>/                                                       admin:cases.view_benefitinputs|cases.change_benefitinputs
/admin/cases-benefit/usage/<int:pk>/                                                                 admin:cases.view_benefitinputs|cases.change_benefitinputs
/admin/snippets/cases/problemcategory/                                                               admin:cases.view_problemcategory|cases.change_problemcategory
/admin/snippets/cases/problemcategory/results/                                                       admin:cases.view_problemcategory|cases.change_problemcategory
/admin/snippets/cases/problemcategory/add/                                                           admin:cases.add_problemcategory
/admin/snippets/cases/problemcategory/edit/<int:pk>/                                                 admin:cases.change_problemcategory
/admin/snippets/cases/problemcategory/delete/<int:pk>/                                               admin:cases.delete_problemcategory
/admin/snippets/cases/problemcategory/usage/<int:pk>/                                                admin:cases.view_problemcategory|cases.change_problemcategory
/admin/snippets/cases/problemcategory/history/<int:pk>/                                              admin:cases.view_problemcategory|cases.change_problemcategory
/admin/snippets/cases/problemcategory/history-results/<int:pk>/                                      admin:cases.view_problemcategory|cases.change_problemcategory
/admin/snippets/cases/problemcategory/copy/<int:pk>/                                                 admin:cases.add_problemcategory
/admin/snippets/choose/cases/problemcategory/                                                        admin
/admin/snippets/choose/cases/problemcategory/results/                                                admin
/admin/snippets/choose/cases/problemcategory/chosen-multiple/                                        admin
/admin/snippets/choose/cases/problemcategory/chosen/<str:pk>/                                        admin
/admin/snippets/choose/cases/problemcategory/create/                                                 admin:cases.add_problemcategory
/admin/snippets/home/emergencynumber/results/                                                        admin:home.view_emergencynumber|home.change_emergencynumber
/admin/snippets/home/emergencynumber/add/                                                            admin:home.add_emergencynumber
/admin/snippets/home/emergencynumber/edit/<int:pk>/                                                  admin:home.change_emergencynumber
/admin/snippets/home/emergencynumber/delete/<int:pk>/                                                admin:home.delete_emergencynumber
/admin/snippets/home/emergencynumber/usage/<int:pk>/                                                 admin:home.view_emergencynumber|home.change_emergencynumber
/admin/snippets/home/emergencynumber/history/<int:pk>/                                               admin:home.view_emergencynumber|home.change_emergencynumber
/admin/snippets/home/emergencynumber/history-results/<int:pk>/                                       admin:home.view_emergencynumber|home.change_emergencynumber
/admin/snippets/home/emergencynumber/copy/<int:pk>/                                                  admin:home.add_emergencynumber
/admin/snippets/choose/home/emergencynumber/                                                         admin
/admin/snippets/choose/home/emergencynumber/results/                                                 admin
/admin/snippets/choose/home/emergencynumber/chosen/<str:pk>/                                         admin
/admin/snippets/choose/home/emergencynumber/chosen-multiple/                                         admin
/admin/snippets/choose/home/emergencynumber/create/                                                  admin:home.add_emergencynumber
/admin/snippets/home/place/results/                                                                  admin:home.view_place|home.change_place
/admin/snippets/home/place/add/                                                                      admin:home.add_place
/admin/snippets/home/place/edit/<int:pk>/                                                            admin:home.change_place
/admin/snippets/home/place/delete/<int:pk>/                                                          admin:home.delete_place
/admin/snippets/home/place/usage/<int:pk>/                                                           admin:home.view_place|home.change_place
/admin/snippets/home/place/history/<int:pk>/                                                         admin:home.view_place|home.change_place
/admin/snippets/home/place/history-results/<int:pk>/                                                 admin:home.view_place|home.change_place
/admin/snippets/home/place/copy/<int:pk>/                                                            admin:home.add_place
/admin/snippets/choose/home/place/                                                                   admin
/admin/snippets/choose/home/place/results/                                                           admin
/admin/snippets/choose/home/place/chosen/<str:pk>/                                                   admin
/admin/snippets/choose/home/place/chosen-multiple/                                                   admin
/admin/snippets/choose/home/place/create/                                                            admin:home.add_place
/admin/snippets/bookings/schedule/results/                                                           admin:bookings.view_schedule|bookings.change_schedule
/admin/snippets/bookings/schedule/add/                                                               admin:bookings.add_schedule
/admin/snippets/bookings/schedule/edit/<int:pk>/                                                     admin:bookings.change_schedule
/admin/snippets/bookings/schedule/delete/<int:pk>/                                                   admin:bookings.delete_schedule
/admin/snippets/bookings/schedule/usage/<int:pk>/                                                    admin:bookings.view_schedule|bookings.change_schedule
/admin/snippets/bookings/schedule/history/<int:pk>/                                                  admin:bookings.view_schedule|bookings.change_schedule
/admin/snippets/bookings/schedule/history-results/<int:pk>/                                          admin:bookings.view_schedule|bookings.change_schedule
/admin/snippets/bookings/schedule/copy/<int:pk>/                                                     admin:bookings.add_schedule
/admin/snippets/choose/bookings/schedule/                                                            admin
/admin/snippets/choose/bookings/schedule/results/                                                    admin
/admin/snippets/choose/bookings/schedule/chosen/<str:pk>/                                            admin
/admin/snippets/choose/bookings/schedule/chosen-multiple/                                            admin
/admin/snippets/choose/bookings/schedule/create/                                                     admin:bookings.add_schedule
/admin/snippets/home/topic/                                                                          admin:home.view_topic|home.change_topic
/admin/snippets/home/topic/results/                                                                  admin:home.view_topic|home.change_topic
/admin/snippets/home/topic/add/                                                                      admin:home.add_topic
/admin/snippets/home/topic/edit/<int:pk>/                                                            admin:home.change_topic
/admin/snippets/home/topic/delete/<int:pk>/                                                          admin:home.delete_topic
/admin/snippets/home/topic/usage/<int:pk>/                                                           admin:home.view_topic|home.change_topic
/admin/snippets/home/topic/history/<int:pk>/                                                         admin:home.view_topic|home.change_topic
/admin/snippets/home/topic/history-results/<int:pk>/                                                 admin:home.view_topic|home.change_topic
/admin/snippets/home/topic/copy/<int:pk>/                                                            admin:home.add_topic
/admin/snippets/choose/home/topic/                                                                   admin
/admin/snippets/choose/home/topic/results/                                                           admin
/admin/snippets/choose/home/topic/chosen/<str:pk>/                                                   admin
/admin/snippets/choose/home/topic/chosen-multiple/                                                   admin
/admin/snippets/choose/home/topic/create/                                                            admin:home.add_topic
/admin/snippets/home/area/                                                                           admin:home.view_area|home.change_area
/admin/snippets/home/area/results/                                                                   admin:home.view_area|home.change_area
/admin/snippets/home/area/add/                                                                       admin:home.add_area
/admin/snippets/home/area/edit/<int:pk>/                                                             admin:home.change_area
/admin/snippets/home/area/delete/<int:pk>/                                                           admin:home.delete_area
/admin/snippets/home/area/usage/<int:pk>/                                                            admin:home.view_area|home.change_area
/admin/snippets/home/area/history/<int:pk>/                                                          admin:home.view_area|home.change_area
/admin/snippets/home/area/history-results/<int:pk>/                                                  admin:home.view_area|home.change_area
/admin/snippets/home/area/copy/<int:pk>/                                                             admin:home.add_area
/admin/snippets/choose/home/area/                                                                    admin
/admin/snippets/choose/home/area/results/                                                            admin
/admin/snippets/choose/home/area/chosen/<str:pk>/                                                    admin
/admin/snippets/choose/home/area/chosen-multiple/                                                    admin
/admin/snippets/choose/home/area/create/                                                             admin:home.add_area
# --- our viewsets: Wagtail's generic views (new/edit/delete/history/usage) ask the model's permissions
/admin/inbox/new/                                                                                    admin:forms.add_submission
/admin/inbox/delete/<int:pk>/                                                                        admin:forms.delete_submission
/admin/inbox/history/<int:pk>/                                                                       admin:forms.view_submission|forms.change_submission
/admin/inbox/history-results/<int:pk>/                                                               admin:forms.view_submission|forms.change_submission
/admin/inbox/usage/<int:pk>/                                                                         admin:forms.view_submission|forms.change_submission
/admin/inbox-audit/new/                                                                              admin:forms.add_auditevent
/admin/inbox-audit/edit/<int:pk>/                                                                    admin:forms.change_auditevent
/admin/inbox-audit/delete/<int:pk>/                                                                  admin:forms.delete_auditevent
/admin/inbox-audit/history/<int:pk>/                                                                 admin:forms.view_auditevent|forms.change_auditevent
/admin/inbox-audit/history-results/<int:pk>/                                                         admin:forms.view_auditevent|forms.change_auditevent
/admin/inbox-audit/usage/<int:pk>/                                                                   admin:forms.view_auditevent|forms.change_auditevent
/admin/funding_applications/delete/<int:pk>/                                                         admin:funding.delete_application
/admin/funding_applications/history-results/<int:pk>/                                                admin:funding.view_application|funding.change_application
/admin/funding_applications/usage/<int:pk>/                                                          admin:funding.view_application|funding.change_application
/admin/attachment-downloads/new/                                                                     admin:funding.add_attachmentdownload
/admin/attachment-downloads/edit/<int:pk>/                                                           admin:funding.change_attachmentdownload
/admin/attachment-downloads/delete/<int:pk>/                                                         admin:funding.delete_attachmentdownload
/admin/attachment-downloads/history/<int:pk>/                                                        admin:funding.view_attachmentdownload|funding.change_attachmentdownload
/admin/attachment-downloads/history-results/<int:pk>/                                                admin:funding.view_attachmentdownload|funding.change_attachmentdownload
/admin/attachment-downloads/usage/<int:pk>/                                                          admin:funding.view_attachmentdownload|funding.change_attachmentdownload
/admin/interim_reports/delete/<int:pk>/                                                              admin:funding_interim.delete_interimreport
/admin/interim_reports/history/<int:pk>/                                                             admin:funding_interim.view_interimreport|funding_interim.change_interimreport
/admin/interim_reports/history-results/<int:pk>/                                                     admin:funding_interim.view_interimreport|funding_interim.change_interimreport
/admin/interim_reports/usage/<int:pk>/                                                               admin:funding_interim.view_interimreport|funding_interim.change_interimreport
/admin/funding-committee/meetings/results/                                                           admin:funding_committee.view_decisionmeeting|funding_committee.change_decisionmeeting
/admin/funding-committee/meetings/delete/<int:pk>/                                                   admin:funding_committee.delete_decisionmeeting
/admin/funding-committee/meetings/history/<int:pk>/                                                  admin:funding_committee.view_decisionmeeting|funding_committee.change_decisionmeeting
/admin/funding-committee/meetings/history-results/<int:pk>/                                          admin:funding_committee.view_decisionmeeting|funding_committee.change_decisionmeeting
/admin/funding-committee/meetings/usage/<int:pk>/                                                    admin:funding_committee.view_decisionmeeting|funding_committee.change_decisionmeeting
/admin/final_reports/delete/<int:pk>/                                                                admin:reports.delete_finalreport
/admin/final_reports/history/<int:pk>/                                                               admin:reports.view_finalreport|reports.change_finalreport
/admin/final_reports/history-results/<int:pk>/                                                       admin:reports.view_finalreport|reports.change_finalreport
/admin/final_reports/usage/<int:pk>/                                                                 admin:reports.view_finalreport|reports.change_finalreport
/admin/funding-payments/history/<int:pk>/                                                            admin:funding_payments.view_plannedpayment|funding_payments.change_plannedpayment
/admin/funding-payments/history-results/<int:pk>/                                                    admin:funding_payments.view_plannedpayment|funding_payments.change_plannedpayment
/admin/funding-payments/usage/<int:pk>/                                                              admin:funding_payments.view_plannedpayment|funding_payments.change_plannedpayment
/admin/locales/results/                                                                              admin:wagtailcore.view_locale|wagtailcore.change_locale
/admin/locales/new/                                                                                  admin:wagtailcore.add_locale
/admin/locales/edit/<int:pk>/                                                                        admin:wagtailcore.change_locale
/admin/locales/delete/<int:pk>/                                                                      admin:wagtailcore.delete_locale
/admin/locales/history/<int:pk>/                                                                     admin:wagtailcore.view_locale|wagtailcore.change_locale
/admin/locales/history-results/<int:pk>/                                                             admin:wagtailcore.view_locale|wagtailcore.change_locale
/admin/locales/usage/<int:pk>/                                                                       admin:wagtailcore.view_locale|wagtailcore.change_locale
/admin/locales/copy/<int:pk>/                                                                        admin:wagtailcore.add_locale
/admin/sites/results/                                                                                admin:wagtailcore.view_site|wagtailcore.change_site
/admin/sites/new/                                                                                    admin:wagtailcore.add_site
/admin/sites/edit/<int:pk>/                                                                          admin:wagtailcore.change_site
/admin/sites/delete/<int:pk>/                                                                        admin:wagtailcore.delete_site
/admin/sites/history/<int:pk>/                                                                       admin:wagtailcore.view_site|wagtailcore.change_site
/admin/sites/history-results/<int:pk>/                                                               admin:wagtailcore.view_site|wagtailcore.change_site
/admin/sites/usage/<int:pk>/                                                                         admin:wagtailcore.view_site|wagtailcore.change_site
/admin/sites/copy/<int:pk>/                                                                          admin:wagtailcore.add_site
/admin/users/results/                                                                                admin:auth.view_user|auth.change_user
/admin/users/new/                                                                                    admin:auth.add_user
/admin/users/edit/<int:pk>/                                                                          admin:auth.change_user
/admin/users/delete/<int:pk>/                                                                        admin:auth.delete_user
/admin/users/history/<int:pk>/                                                                       admin:auth.view_user|auth.change_user
/admin/users/history-results/<int:pk>/                                                               admin:auth.view_user|auth.change_user
/admin/users/usage/<int:pk>/                                                                         admin:auth.view_user|auth.change_user
/admin/users/copy/<int:pk>/                                                                          admin:auth.add_user
/admin/groups/results/                                                                               admin:auth.view_group|auth.change_group
/admin/groups/new/                                                                                   admin:auth.add_group
/admin/groups/edit/<int:pk>/                                                                         admin:auth.change_group
/admin/groups/delete/<int:pk>/                                                                       admin:auth.delete_group
/admin/groups/history/<int:pk>/                                                                      admin:auth.view_group|auth.change_group
/admin/groups/history-results/<int:pk>/                                                              admin:auth.view_group|auth.change_group
/admin/groups/usage/<int:pk>/                                                                        admin:auth.view_group|auth.change_group
/admin/documents/chooser/                                                                            admin
/admin/documents/chooser/results/                                                                    admin
/admin/documents/chooser/chosen/<str:pk>/                                                            admin
/admin/documents/chooser/chosen-multiple/                                                            admin
/admin/documents/chooser/create/                                                                     admin
/admin/images/chooser/                                                                               admin
/admin/images/chooser/results/                                                                       admin
/admin/images/chooser/chosen/<str:pk>/                                                               admin
/admin/images/chooser/chosen-multiple/                                                               admin
/admin/images/chooser/create/                                                                        admin
/admin/images/chooser/<int:image_id>/select_format/                                                  admin
/admin/bookings/<int:pk>/cancel/                                                                     admin:bookings.change_booking
/admin/sprite/                                                                                       public
/admin/password_reset/                                                                               gone
/admin/password_reset/done/                                                                          gone
/admin/password_reset/confirm/<uidb64>/<token>/                                                      gone
/admin/password_reset/complete/                                                                      gone
/admin/jsi18n/                                                                                       public
/admin/.*/$                                                                                          admin
/django-admin/password_change/                                                                       gone
/django-admin/password_change/done/                                                                  gone
# --- Django admin: Administrators (superusers) only -------------------------------------------
/django-admin/autocomplete/                                                                          superuser
/django-admin/jsi18n/                                                                                superuser
/django-admin/r/<path:content_type_id>/<path:object_id>/                                             superuser
/django-admin/mfa/authenticator/                                                                     superuser
/django-admin/mfa/authenticator/add/                                                                 superuser
/django-admin/mfa/authenticator/<path:object_id>/history/                                            superuser
/django-admin/mfa/authenticator/<path:object_id>/delete/                                             superuser
/django-admin/mfa/authenticator/<path:object_id>/change/                                             superuser
/django-admin/mfa/authenticator/<path:object_id>/                                                    superuser
/django-admin/wagtaildocs/document/                                                                  superuser
/django-admin/wagtaildocs/document/add/                                                              superuser
/django-admin/wagtaildocs/document/<path:object_id>/history/                                         superuser
/django-admin/wagtaildocs/document/<path:object_id>/delete/                                          superuser
/django-admin/wagtaildocs/document/<path:object_id>/change/                                          superuser
/django-admin/wagtaildocs/document/<path:object_id>/                                                 superuser
/django-admin/wagtailimages/image/                                                                   superuser
/django-admin/wagtailimages/image/add/                                                               superuser
/django-admin/wagtailimages/image/<path:object_id>/history/                                          superuser
/django-admin/wagtailimages/image/<path:object_id>/delete/                                           superuser
/django-admin/wagtailimages/image/<path:object_id>/change/                                           superuser
/django-admin/wagtailimages/image/<path:object_id>/                                                  superuser
/django-admin/taggit/tag/merge-tags/                                                                 superuser
/django-admin/taggit/tag/                                                                            superuser
/django-admin/taggit/tag/add/                                                                        superuser
/django-admin/taggit/tag/<path:object_id>/history/                                                   superuser
/django-admin/taggit/tag/<path:object_id>/delete/                                                    superuser
/django-admin/taggit/tag/<path:object_id>/change/                                                    superuser
/django-admin/taggit/tag/<path:object_id>/                                                           superuser
/django-admin/django_tasks_database/dbtaskresult/                                                    superuser
/django-admin/django_tasks_database/dbtaskresult/add/                                                superuser
/django-admin/django_tasks_database/dbtaskresult/<path:object_id>/history/                           superuser
/django-admin/django_tasks_database/dbtaskresult/<path:object_id>/delete/                            superuser
/django-admin/django_tasks_database/dbtaskresult/<path:object_id>/change/                            superuser
/django-admin/django_tasks_database/dbtaskresult/<path:object_id>/                                   superuser
/django-admin/account/emailaddress/                                                                  superuser
/django-admin/account/emailaddress/add/                                                              superuser
/django-admin/account/emailaddress/<path:object_id>/history/                                         superuser
/django-admin/account/emailaddress/<path:object_id>/delete/                                          superuser
/django-admin/account/emailaddress/<path:object_id>/change/                                          superuser
/django-admin/account/emailaddress/<path:object_id>/                                                 superuser
/django-admin/auth/group/                                                                            superuser
/django-admin/auth/group/add/                                                                        superuser
/django-admin/auth/group/<path:object_id>/history/                                                   superuser
/django-admin/auth/group/<path:object_id>/delete/                                                    superuser
/django-admin/auth/group/<path:object_id>/change/                                                    superuser
/django-admin/auth/group/<path:object_id>/                                                           superuser
/django-admin/auth/user/<id>/password/                                                               superuser
/django-admin/auth/user/                                                                             superuser
/django-admin/auth/user/add/                                                                         superuser
/django-admin/auth/user/<path:object_id>/history/                                                    superuser
/django-admin/auth/user/<path:object_id>/delete/                                                     superuser
/django-admin/auth/user/<path:object_id>/change/                                                     superuser
/django-admin/auth/user/<path:object_id>/                                                            superuser
/django-admin/(?P<app_label>...)/$                                                                   superuser
/django-admin/(?P<url>.*)$                                                                           superuser
# --- public site and files -----------------------------------------------------------------------
# documents: served by Wagtail, private collections are checked by Wagtail (shared passwords off)
/documents/(\d+)/(.*)$                                                                               public
# --- allauth (login-like): logged in or not, never a 500 -----------------------------------------
/<lang>/accounts/logout/                                                                             account
/<lang>/accounts/inactive/                                                                           account
/<lang>/accounts/reauthenticate/code/                                                                account
/<lang>/accounts/reauthenticate/code/confirm/                                                        account
/<lang>/accounts/confirm-email/                                                                      account
/<lang>/accounts/password/change/                                                                    account
/<lang>/accounts/password/set/                                                                       account
/<lang>/accounts/confirm-email/(?P<key>[-:\w]+)/$                                                    account
/<lang>/accounts/password/reset/key/done/                                                            account
/<lang>/accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$                           account
/<lang>/accounts/password/reset/done/                                                                account
/<lang>/accounts/login/code/                                                                         account
/<lang>/accounts/2fa/reauthenticate/                                                                 account
/<lang>/accounts/2fa/totp/activate/                                                                  account
/<lang>/accounts/2fa/totp/deactivate/                                                                account
/<lang>/accounts/2fa/recovery-codes/                                                                 account
/<lang>/accounts/2fa/recovery-codes/generate/                                                        account
/<lang>/accounts/2fa/recovery-codes/download/                                                        account
/<lang>/boka/hantera/<str:token>/avboka/                                                             public
/<lang>/funding/my/<int:pk>/final-report/<str:step>/                                                 applicant
/<lang>/funding/my/<int:pk>/interim/<int:report>/<str:step>/                                         applicant
/<lang>/_util/login/                                                                                 gone
/<lang>/_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/                         gone
/<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/               gone
# --- DEBUG only (portal/urls.py): static files are public (WhiteNoise serves them in production);
# MEDIA_ROOT is not served in production (private files are not under MEDIA_ROOT, see MATRIX /media/)
/^static/(?P<path>.*)$                                                                               public
/^media/(?P<path>.*)$                                                                                debug-only
"""

# (route, role) cells that break their rule in the product today, with who is fixing them. The
# checks xfail while they are listed here and fail once the fix lands (remove the line then).
PENDING = {
}


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
    from forms.cases.models import BenefitInputs, Case, SchoolConcernMonth
    from forms.bookings.models import Booking, Schedule
    from forms.models import FormPage, Submission
    from forms.surveys.models import SurveyPage
    from funding.committee.models import DecisionMeeting
    from funding.models import Application, FundProgrammePage
    from funding.threads.models import Message
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
    paid_app = Application.objects.get(user__username="projektledare-vallingby")  # funding/payments/demo.py
    from funding.interim.models import InterimReport

    interim = InterimReport.objects.filter(application__user__username="projektledare4")
    sv = lambda model: model.objects.live().filter(locale__language_code="sv").first()  # noqa: E731
    values = {
        "finder": sv(FindSupportPage).url, "contact_form": contact.url,
        "school_form": FormPage.objects.get(locale__language_code="sv", slug="boka-mote").url,
        "schedule": schedule.pk, "booking_token": services.make_token(booking),
        "survey": sv(SurveyPage).url, "knowledge_bank": sv(KnowledgeBankIndexPage).url, "report": sv(ReportPage).url,
        "lead_app": Application.objects.filter(user=lead).first().pk, "resident_app": resident_app.pk,
        "signature_app": Application.objects.get(user__username="projektledare3", status="signature").pk,
        "assessment": Application.objects.filter(user=lead).first().assessments.first().pk,  # granskare's or granskare2's
        "final_app": final_report.application_id,
        "interim_app": interim.first().application_id, "interim_report": interim.get(status="submitted").pk,
        "interim_draft": interim.filter(status="draft").first().pk,
        "draft_report": FinalReport.objects.create(application=resident_app).pk,  # a draft, as resident_app
        "final_report": final_report.pk, "final_att": final_report.attachments.first().pk,
        "lead_att": Application.objects.filter(user=lead).first().attachments.first().pk,
        "paid_app": paid_app.pk, "paid_line": paid_app.payment_plan.first().pk,
        "lead_msg": Message.objects.filter(application__user=lead).exclude(file="").first().pk,
        "fund": fund.pk, "site": Site.objects.get(is_default_site=True).pk, "home": HomePage.objects.get(locale__language_code="sv").pk, "submission": submission.pk,
        "meeting": DecisionMeeting.objects.order_by("pk").first().pk,
        "committee_app": Application.objects.get(user__username="projektledare-namnd").pk,
        "unconfirmed": Submission.objects.create(reference="SKO-MATRIX", form_page=FormPage.objects.get(
            locale__language_code="sv", slug="boka-mote"), language="sv", data={"skola": "Västra"}).pk,
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


def test_every_sitemap_url_is_public(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(urls) > 20
    failing = [(u, s) for u in urls if (s := client.get(u).status_code) != 200]
    assert not failing, failing
