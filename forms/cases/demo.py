"""Demo content that reproduces the source (000, section 4c): the 268 cases closed from
2022-08-01 to 2023-08-24 with the source's distributions, the school's reports of concern for
January-June 2023, the half-year's cost (800 000 kr, 164 cases, 14 from a school) and the
check-out survey's answers from March 2023 (93.3 % and 73.3 % satisfied). Deterministic (no
randomness): every field takes its values from a list with the source's counts, walked with a
different stride, so the combinations vary. Idempotent: nothing is added once the demo cases exist.

Where the source gives no figure, the demo chooses (and the README says so): 9 cases with the
channel not registered (268 - 259 named); 8 further categories for the 116 cases outside the five
named; ages 19-65: 170, 66+: 20; outcome "region or external organisation" for the remaining 90;
of the 51 applications not at SOF, 20 at AMF and 31 at VOF; 3-5 contacts: 58, more: 18; more
than three hours: 32; the 14 school cases all in January-June 2023."""
from datetime import date, timedelta

from wagtail.models import Locale

from forms.cases.models import (Administration, AgeGroup, BenefitInputs, Case, Channel, Contacts, Outcome,
                                ProblemCategory, SchoolConcernMonth, TimeSpent)

FIRST, LAST = date(2022, 8, 1), date(2023, 8, 24)
HALF_YEAR = (date(2023, 1, 1), date(2023, 6, 30))
TOTAL = 268


def t(sv, en, ar):
    return {"sv": sv, "en": en, "ar": ar}


CATEGORIES = [  # (names, cases)
    (t("Ekonomi", "Economy", "الاقتصاد"), 48),
    (t("Psykisk ohälsa", "Mental ill-health", "الصحة النفسية"), 41),
    (t("Familjerelationer", "Family relations", "العلاقات الأسرية"), 36),
    (t("Eget beteende", "Own behaviour", "السلوك الشخصي"), 14),
    (t("Föräldraskap", "Parenting", "التربية الوالدية"), 13),
    (t("Boende", "Housing", "السكن"), 22),
    (t("Äldre och omsorg", "Old age and care", "كبار السن والرعاية"), 20),
    (t("Skolfrånvaro", "School absence", "الغياب عن المدرسة"), 16),
    (t("Arbete och sysselsättning", "Work and occupation", "العمل والتشغيل"), 15),
    (t("Våld i nära relationer", "Violence in close relationships", "العنف في العلاقات القريبة"), 12),
    (t("Övrigt", "Other", "أخرى"), 12),
    (t("Missbruk", "Substance misuse", "الإدمان"), 10),
    (t("Ensamhet", "Loneliness", "الوحدة"), 9),
]
CHANNELS = [(Channel.PHONE, 111), (Channel.OFFICIAL, 56), (Channel.MAILBOX, 42), (Channel.DROP_IN, 28),
            (Channel.SMS, 3), (Channel.OTHER, 19), (Channel.UNKNOWN, 9)]
OUTCOMES = [(Outcome.ADVICE, 68), (Outcome.SERVICE, 56), (Outcome.APPLICATION, 54), (Outcome.EXTERNAL, 90)]
APPLICATION_AT = [(Administration.SOF, 3), (Administration.AMF, 20), (Administration.VOF, 31)]
SERVICE_AT = [(Administration.SOF, 40), (Administration.AMF, 10), (Administration.VOF, 6)]
AGES = [(AgeGroup.CHILD, 40), (AgeGroup.TEEN, 38), (AgeGroup.ADULT, 170), (AgeGroup.SENIOR, 20)]
CONTACTS = [(Contacts.FEW, 192), (Contacts.SOME, 58), (Contacts.MANY, 18)]
TIMES = [(TimeSpent.SHORT, 155), (TimeSpent.MEDIUM, 81), (TimeSpent.LONG, 32)]
RETURNING = [(True, 21), (False, TOTAL - 21)]
DROP_IN_PLACES = ["stadsbiblioteket", "traffpunkt-norrby", "traffpunkt-oster", "traffpunkt-vaster"]

# The school's reports of concern, January-June 2023 (the source's table)
CONCERNS = [(1, 38, 25, 23), (2, 49, 34, 19), (3, 50, 51, 23), (4, 52, 27, 10), (5, 55, 43, 24), (6, 22, 13, 5)]

# check-out answers per month from March 2023: (answers, satisfied on questions 1-2, on question 3)
SURVEY = [(3, 6, 6, 5), (4, 6, 6, 5), (5, 6, 6, 4), (6, 6, 5, 4), (7, 6, 5, 4)]


def spread(pairs):
    out = []
    for value, n in pairs:
        out += [value] * n
    return out


def walk(values, stride, offset=0):
    """values[i * stride + offset] for i = 0..len-1: every value once (the stride is coprime to 268)."""
    n = len(values)
    return [values[(i * stride + offset) % n] for i in range(n)]


def closed_dates():
    """268 closing days: 164 in January-June 2023 (the half-year of the calculation), 70 in
    August-December 2022, 34 from July to 24 August 2023."""
    def days(first, last, n):
        span = (last - first).days + 1
        return [first + timedelta(days=(j * span) // n) for j in range(n)]
    return (days(FIRST, date(2022, 12, 31), 70) + days(*HALF_YEAR, 164) + days(date(2023, 7, 1), LAST, 34))


def ensure_categories(sv):
    from home.demo import translate_all

    categories = []
    for order, (names, _n) in enumerate(CATEGORIES):
        category = ProblemCategory.objects.filter(locale=sv, name=names["sv"]).first()
        if category is None:
            category = ProblemCategory.objects.create(locale=sv, name=names["sv"], sort_order=order)
        translate_all(category, {"name": names})
        categories.append(category)
    return categories


def ensure_cases(sv, categories):
    if Case.objects.filter(closed_on__range=(FIRST, LAST)).exists():
        return 0
    from home.models import Place, ServicePage

    places = [p for p in (Place.objects.filter(locale=sv, slug=s).first() for s in DROP_IN_PLACES) if p]
    services = list(ServicePage.objects.live().filter(locale=sv).order_by("pk")[:12])
    closed = closed_dates()
    channels = walk(spread(CHANNELS), 3)
    category = walk(spread([(c, n) for c, (_names, n) in zip(categories, CATEGORIES)]), 5, 1)
    outcomes = walk(spread(OUTCOMES), 7, 2)
    ages = walk(spread(AGES), 9, 3)
    contacts = walk(spread(CONTACTS), 11, 4)
    times = walk(spread(TIMES), 13, 5)
    returning = walk(spread(RETURNING), 15, 6)
    application_at, service_at = spread(APPLICATION_AT), spread(SERVICE_AT)
    school = set(range(70, 70 + 164, 164 // 14)[:14])  # 14 of the half-year's cases
    cases = []
    for i in range(TOTAL):
        outcome = outcomes[i]
        administration = ""
        if outcome == Outcome.APPLICATION:
            administration = application_at.pop()
        elif outcome == Outcome.SERVICE:
            administration = service_at.pop()
        cases.append(Case(
            channel=channels[i], opened_on=max(FIRST, closed[i] - timedelta(days=(i * 7) % 24)), closed_on=closed[i],
            drop_in_place=places[i % len(places)] if channels[i] == Channel.DROP_IN and places else None,
            returning=returning[i], age_group=ages[i], category=category[i], from_school=i in school,
            outcome=outcome, administration=administration,
            referred_service=services[i % len(services)] if outcome == Outcome.SERVICE and services else None,
            contacts=contacts[i], time_spent=times[i], follow_up_offered=True))
    Case.objects.bulk_create(cases)
    return len(cases)


def ensure_key_figures():
    for month, no, yes, linked in CONCERNS:
        SchoolConcernMonth.objects.get_or_create(month=date(2023, month, 1), defaults={
            "not_investigated": no, "investigated": yes, "linked": linked})
    BenefitInputs.objects.get_or_create(period_start=HALF_YEAR[0], period_end=HALF_YEAR[1], defaults={
        "service_cost": 800000, "investigation_cost": 20000, "investigation_share": "0.5", "round_to": 100})


def ensure_survey_answers():
    """The source's check-out answers (the app was sent out from 1 March 2023)."""
    from forms.cases.survey_summary import resident_survey
    from forms.surveys.models import Rating, Response

    survey = resident_survey()
    if survey is None or Response.objects.filter(survey=survey, answered_on__range=(date(2023, 3, 1), LAST)).exists():
        return
    ids = [block_id for block_id, _v in survey.question_list()][:3]
    ratings = []
    for month, answers, easy, right in SURVEY:
        for k in range(answers):
            response = Response.objects.create(survey=survey, answered_on=date(2023, month, 1 + 4 * k), language="sv")
            for q, block_id in enumerate(ids):
                green = easy if q < 2 else right
                colour = "green" if k < green else ("yellow" if k < answers - (q == 2) else "red")
                ratings.append(Rating(response=response, question_id=block_id, colour=colour))
    Rating.objects.bulk_create(ratings)


def load(stdout, with_users=False):
    sv = Locale.get_default()
    categories = ensure_categories(sv)
    ensure_cases(sv, categories)
    ensure_key_figures()
    ensure_survey_answers()
    return []
