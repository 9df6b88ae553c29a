"""Who may do what: the one place that maps Lotsa's groups to Django permissions.

Groups are created by the data migration `home/migrations/0002_roles.py`; the permissions below
are (re)applied after every `migrate`, because apps added later bring their own permissions.
Page permissions (which part of the tree a group may edit) are GroupPagePermissions, set by
Wagtail's initial data for Editors/Moderators and by `load_demo` for district editors.
"""
import logging

logger = logging.getLogger("lotsa")

EDITORS = "Editors"
MODERATORS = "Moderators"
COORDINATORS = "Coordinators"
FUND_MANAGERS = "Fund managers"
ADMINISTRATORS = "Administrators"
MANAGERS = "Managers"  # read-only: the case statistics (created by forms/cases/migrations/0002)
# admin access only: what they see is their assignments (funding/assessment, migrations/0002)
REVIEWERS = "Reviewers"
ALL_GROUPS = [EDITORS, MODERATORS, COORDINATORS, FUND_MANAGERS, ADMINISTRATORS, MANAGERS, REVIEWERS]
# Groups whose work shows personal data (submissions, bookings, applications, users): their
# members, and superusers, must use two-factor authentication when LOTSA_REQUIRE_MFA is on
# (portal/mfa.py).
PERSONAL_DATA_GROUPS = [COORDINATORS, FUND_MANAGERS, ADMINISTRATORS]

_CONTENT = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    "wagtail_localize.submit_translation",
    "home.add_emergencynumber", "home.change_emergencynumber", "home.view_emergencynumber",
    # the service catalogue's snippets: places with their hours, topics, areas
    "home.add_place", "home.change_place", "home.view_place", "home.add_topic", "home.change_topic",
    "home.view_topic", "home.add_area", "home.change_area", "home.view_area",
]

# Apps append their own rows here (e.g. forms: view_submission for COORDINATORS).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: list(_CONTENT),
    MODERATORS: _CONTENT + ["home.delete_emergencynumber", "home.change_contactsettings",
                            "home.delete_place", "home.delete_topic", "home.delete_area"],
    COORDINATORS: ["wagtailadmin.access_admin",
                   # forms: the coordinators' inbox (submissions, notes)
                   "forms.view_submission", "forms.change_submission",
                   "forms.add_submissionnote", "forms.change_submissionnote", "forms.view_submissionnote",
                   # bookings: bookable times, the day/week list, cancel; surveys: results, one-time links
                   "bookings.add_schedule", "bookings.change_schedule", "bookings.delete_schedule",
                   "bookings.view_schedule", "bookings.view_booking", "bookings.change_booking",
                   "surveys.view_results", "surveys.add_invitation",
                   "surveys.view_response",  # the free-text comments
                   # cases: the case log, its statistics, key figures and the benefit calculation
                   "cases.add_case", "cases.change_case", "cases.view_case", "cases.delete_case",
                   "cases.view_statistics", "cases.make_report",
                   "cases.add_problemcategory", "cases.change_problemcategory", "cases.view_problemcategory",
                   "cases.add_schoolconcernmonth", "cases.change_schoolconcernmonth",
                   "cases.view_schoolconcernmonth", "cases.delete_schoolconcernmonth",
                   "cases.add_benefitinputs", "cases.change_benefitinputs", "cases.view_benefitinputs",
                   "cases.delete_benefitinputs"],
    FUND_MANAGERS: ["wagtailadmin.access_admin",
                    # funding: read applications, move them through funding/workflow.py, export
                    "funding.view_application", "funding.review_application",
                    # reports: review final reports (approve / return with comments)
                    "reports.view_finalreport", "reports.change_finalreport",
                    # payments: the plan (its dates), recording payments, the finance export
                    "funding_payments.view_plannedpayment", "funding_payments.change_plannedpayment",
                    "funding_payments.add_payment", "funding_payments.view_payment",
                    # funding.committee: decision meetings (agenda, decisions recorded from them)
                    "funding_committee.view_decisionmeeting", "funding_committee.add_decisionmeeting",
                    "funding_committee.change_decisionmeeting", "funding_committee.delete_decisionmeeting",
                    "surveys.view_results"],  # surveys: aggregates only
    ADMINISTRATORS: ["*"],  # every permission there is
    # read-only: the case log and its statistics, the survey results (aggregates, no personal data)
    MANAGERS: ["wagtailadmin.access_admin", "cases.view_case", "cases.view_statistics", "cases.view_problemcategory",
               "cases.view_schoolconcernmonth", "cases.view_benefitinputs", "surveys.view_results"],
    # no permission but the admin: Assessment.objects.visible_to() gives them their assignments
    REVIEWERS: ["wagtailadmin.access_admin"],
}


def sync_roles(app_config=None, **kwargs):
    """Give every group at least the permissions declared above (never removes any).
    Runs once per migrate, after the last app's permissions exist."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    if app_config is not None and app_config is not list(apps.get_app_configs())[-1]:
        return

    for name, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        if perms == ["*"]:
            group.permissions.add(*Permission.objects.all())
            continue
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if perm is None:
                logger.warning("Role %s: permission %s does not exist", name, dotted)
                continue
            wanted.append(perm)
        group.permissions.add(*wanted)
