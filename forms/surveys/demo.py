"""Demo surveys: the residents' check-out survey (sv, en, ar) and the school-staff survey (sv),
with a few hundred answers spread over the last twelve months. Idempotent."""
import random
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Locale

from forms.surveys.models import Rating, Response, SurveyPage
from home.localize import translate
from home.models import HomePage


def t(sv, en, ar):
    return {"sv": sv, "en": en, "ar": ar}


RESIDENT = {
    "slug": t("utcheckning", "check-out", "check-out-ar"),
    "title": t("Utcheckning: vad tyckte du?", "Check-out: what did you think?", "استبيان الخروج: ما رأيك؟"),
    "intro": t("Tre korta frågor om din kontakt med Råd- och stöd. Det tar en minut.",
               "Three short questions about your contact with Advice & Support. It takes a minute.",
               "ثلاثة أسئلة قصيرة عن تواصلك مع خدمة النصح والدعم. يستغرق ذلك دقيقة واحدة."),
    "questions": [
        t("Hur lätt var det för dig att komma i kontakt med samordnarna?",
          "How easy was it for you to get in contact with the coordinators?",
          "ما مدى سهولة التواصل مع المنسقين بالنسبة لك؟"),
        t("Hur upplevde du kontakten med samordnarna?",
          "How did you experience the contact with the coordinators?",
          "كيف كانت تجربتك في التواصل مع المنسقين؟"),
        t("Fick du tillgång till rätt stöd med hjälp av samordnarna?",
          "Did you get access to the right support with the coordinators' help?",
          "هل حصلت على الدعم المناسب بمساعدة المنسقين؟"),
    ],
    "free_text_label": t("Vill du berätta något mer?", "Is there anything else you want to tell us?",
                         "هل هناك أي شيء آخر تود إخبارنا به؟"),
    "thank_you_text": t("Tack! Dina svar hjälper oss att bli bättre.", "Thank you! Your answers help us improve.",
                        "شكراً لك! إجاباتك تساعدنا على التحسن."),
    # share of (green, yellow) per question; the rest is red. Close to the source's 93 % and 73 %.
    "profile": [(0.93, 0.05), (0.93, 0.05), (0.73, 0.17)],
    "per_month": (18, 34),
}

SCHOOL = {
    "slug": "utcheckning-skolpersonal",
    "title": "Utcheckning för skolpersonal",
    "intro": "Fyra frågor om ert samarbete med Råd- och stöd kring en elev. Svaren är anonyma.",
    "questions": [
        "Hur lätt var det att komma i kontakt med samordnarna?",
        "Hur upplevde du kontakten med samordnarna?",
        "Fick familjen tillräckligt stöd?",
        "Har din oro för eleven minskat?",
    ],
    "free_text_label": "Har du mer feedback till oss? Skriv här, eller mejla vår funktionsbrevlåda.",
    "thank_you_text": "Tack för att du svarade!",
    "profile": [(0.85, 0.1), (0.9, 0.08), (0.7, 0.2), (0.62, 0.25)],
    "per_month": (2, 9),
}


def _questions(texts, lang):
    return [("question", {"text": q[lang] if isinstance(q, dict) else q, "help_text": "", "target": 70}) for q in texts]


def ensure_page(home, spec, require_link=False):
    sv = lambda v: v["sv"] if isinstance(v, dict) else v  # noqa: E731
    page = SurveyPage.objects.filter(locale=home.locale, slug=sv(spec["slug"])).first()
    if page:
        return page
    page = SurveyPage(title=sv(spec["title"]), slug=sv(spec["slug"]), intro=sv(spec["intro"]),
                      questions=_questions(spec["questions"], "sv"), free_text_label=sv(spec["free_text_label"]),
                      thank_you_text=sv(spec["thank_you_text"]), require_link=require_link, show_in_menus=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_page(page, spec):
    for lang in ("en", "ar"):
        locale = Locale.objects.filter(language_code=lang).first()
        if locale is None or page.has_translation(locale):
            continue
        strings = {}
        for key in ("slug", "title", "intro", "free_text_label", "thank_you_text"):
            strings[spec[key]["sv"]] = spec[key][lang]
        for q in spec["questions"]:
            strings[q["sv"]] = q[lang]
        translate(page, lang, strings)


def _pick(rng, green, yellow):
    x = rng.random()
    return "green" if x < green else ("yellow" if x < green + yellow else "red")


def add_answers(page, spec, seed, languages):
    if Response.objects.filter(survey=page).exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    ids = [block_id for block_id, _v in page.question_list()]
    month = date(today.year - 1, today.month, 1)
    ratings, count = [], 0
    while month <= today:
        next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        days = (min(next_month, today + timedelta(days=1)) - month).days
        for _i in range(rng.randint(*spec["per_month"])):
            response = Response.objects.create(
                survey=page, answered_on=month + timedelta(days=rng.randrange(days)),
                language=rng.choice(languages))
            count += 1
            for block_id, (green, yellow) in zip(ids, spec["profile"]):
                ratings.append(Rating(response=response, question_id=block_id, colour=_pick(rng, green, yellow)))
        month = next_month
    Rating.objects.bulk_create(ratings)
    return count


def load(stdout, with_users=False):
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return []
    resident = ensure_page(home, RESIDENT)
    translate_page(resident, RESIDENT)
    school = ensure_page(home, SCHOOL, require_link=True)
    add_answers(resident, RESIDENT, seed=5, languages=["sv"] * 7 + ["ar"] * 2 + ["en"])
    add_answers(school, SCHOOL, seed=6, languages=["sv"])
    return []
