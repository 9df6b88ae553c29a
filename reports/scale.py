"""Many realistic knowledge-bank reports, fast: ``make_reports(10_000)`` for ``manage.py
load_scale`` and ``bench/reports_search.py``.

Reports go to the Swedish knowledge bank (and a share to the English and Arabic ones), each
written in its bank's language from a vocabulary of inflected words, with varied years,
organisations, districts, report types, one to three topics and funds. Pages are inserted in
bulk (``home.scale.bulk_add_children``: tree paths computed, multi-row INSERTs, no revisions or
per-page signals), then indexed in bulk per batch: the knowledge bank's search rows
(``reports.search_index``) and Wagtail's own index.
"""
import datetime
import json
import random
import time
import uuid

SURNAMES = ["Andersson", "Berg", "Haddad", "Karlsson", "Lindqvist", "Nilsson", "Smith", "Yousef", "Ali", "Ek"]

WORDS = {
    "sv": (
        "utredning utredningar utredningen utredningarna stöd stödet stödinsatser barn barnen barnens "
        "familj familjer familjen familjernas skola skolan skolor skolornas samverkan samverkansrutin "
        "insats insatser insatsen behov behoven kostnad kostnader kostnaden ekonomi ekonomiskt "
        "uppföljning uppföljningen mål målen resultat resultaten förebyggande tidigt socialtjänst "
        "socialtjänsten invånare invånarna samordnare samordnaren föräldraskap föräldrar föräldrarna "
        "psykisk ohälsa boende arbete fritid fritidsgård förskola förskolan orosanmälan orosanmälningar "
        "placering placeringar familjehem familjehemmet väntetid väntetider beslut beslutet ansökan "
        "projekt projektet fond fonden rapport rapporten analys analysen metod metoden lotsning "
        "rådgivning drop-in fältassistenter ungdomar ungdomarna äldre våld missbruk beroende nätverk "
        "effekthemtagning effektmål nyckeltal stadsdel stadsdelen förvaltning nämnden utvärdering "
        "utvärderingen enkät enkäten intervjuer deltagare deltagarna målgrupp målgruppen tillgänglighet "
        "digitala tjänster bemötande kontakt kontakter telefon sms besök besöken samtal samtalen "
        "hemlöshet skuldsättning arbetslöshet integration språk tolk nyanlända grupp grupper"
    ).split(),
    "en": (
        "investigation investigations support supporting supported children child family families school "
        "schools collaboration collaborating service services need needs cost costs costing economy "
        "follow-up goal goals result results preventive prevention early social services resident "
        "residents coordinator coordinators parenting parents mental health housing work leisure "
        "preschool concern reports placement placements foster home homes waiting time decision "
        "decisions application project projects fund funding report analysis analysing method methods "
        "counselling drop-in field workers young people elderly violence addiction network networks "
        "benefit realisation target targets key figures district administration committee evaluation "
        "evaluating survey surveys interviews participants participating target group accessibility "
        "digital contact contacts phone visits visiting conversations homelessness debt unemployment "
        "integration language interpreter newcomers group groups running learning lessons"
    ).split(),
    "ar": (
        "تحقيق تحقيقات الدعم دعم الأطفال للأطفال طفل الأسرة الأسر أسرة المدرسة المدارس التعاون "
        "الخدمات خدمة الحاجة الاحتياجات التكلفة التكاليف الاقتصاد المتابعة الهدف الأهداف النتائج "
        "الوقاية المبكر الخدمات الاجتماعية السكان المنسق المنسقون الوالدية الآباء الصحة النفسية السكن "
        "العمل الترفيه الروضة القلق التقارير الإيداع الأسر الحاضنة الانتظار القرار القرارات الطلب "
        "المشروع المشاريع الصندوق التقرير التحليل الطريقة الإرشاد الشباب كبار العنف الإدمان الشبكة "
        "التقييم الاستبيان المقابلات المشاركون الفئة المستهدفة الرقمية الاتصال الهاتف الزيارات المحادثات "
        "التشرد الديون البطالة الاندماج اللغة المترجم القادمون الجدد المجموعة المجموعات المنطقة اللجنة"
    ).split(),
}
TITLES = {
    "sv": ["Slutrapport", "Delrapport", "Utvärdering av", "Årsrapport", "Plan för", "Uppföljning av", "Analys av"],
    "en": ["Final report", "Interim report", "Evaluation of", "Annual report", "Plan for", "Follow-up of", "Analysis of"],
    "ar": ["التقرير النهائي", "تقرير مرحلي", "تقييم", "التقرير السنوي", "خطة", "متابعة", "تحليل"],
}
ORGANISATIONS = {
    "sv": ["Socialförvaltningen", "Stadsdel Norr", "Stadsdel Söder", "Stadsdel Väster", "Skol- och fritidsförvaltningen",
           "Arbetsmarknadsförvaltningen", "Vård- och omsorgsförvaltningen", "Kulturförvaltningen", "Regionen",
           "Föreningen Stöd i vardagen", "Hässelby-Vällingby stadsdelsförvaltning, Stockholms stad"],
    "en": ["Social Services Administration", "North District", "South District", "West District",
           "School and Leisure Administration", "Labour Market Administration", "Region", "Everyday Support Association"],
    "ar": ["إدارة الخدمات الاجتماعية", "المنطقة الشمالية", "المنطقة الجنوبية", "المنطقة الغربية", "إدارة المدارس",
           "إدارة سوق العمل", "جمعية الدعم اليومي"],
}
FUNDS = {
    "sv": ["", "", "", "Sociala investeringsfonden", "Lokala utvecklingsmedel (LUM)", "Innovationscheck"],
    "en": ["", "", "", "Social investment fund", "Local development funds (LUM)", "Innovation check"],
    "ar": ["", "", "", "صندوق الاستثمار الاجتماعي", "أموال التنمية المحلية", "شيك الابتكار"],
}
# Besides `count` reports in the Swedish knowledge bank, this share of `count` again in English
# and in Arabic (in their own knowledge banks, so each language is searched with its own rules).
OTHER_LANGUAGES = {"en": 0.125, "ar": 0.125}
SLUGS = {"sv": "rapport", "en": "report", "ar": "taqrir"}


def _sentence(rng, words, n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[:1].upper() + text[1:] + "."


def _paragraphs(rng, words, count, length):
    return "".join(f"<p>{' '.join(_sentence(rng, words, rng.randint(8, 16)) for _ in range(length))}</p>"
                   for _ in range(count))


def make_reports(count, batch=500, *, rng=None, stdout=None, other_languages=None, wagtail_index=True):
    """Add ``count`` live reports to the Swedish knowledge bank, plus ``other_languages`` shares
    (default 1/8 of ``count`` each in English and Arabic) to those languages' knowledge banks.
    Returns the number of Swedish reports added (what ``load_scale`` counts).

    Slugs start with ``skala-rapport-`` (Swedish), ``skala-report-`` and ``skala-taqrir-``; titles
    read "<type> <n>: <words>". Needs the demo's knowledge banks (``load_demo``)."""
    from home.scale import SCALE_PREFIX, bulk_add_children
    from wagtail.search.backends import get_search_backend

    from reports import search_index
    from reports.models import KnowledgeBankIndexPage, ReportPage, ReportTopic, ReportType, Topic

    rng = rng or random.Random(9)
    shares = {"sv": count}
    for code, share in (OTHER_LANGUAGES if other_languages is None else other_languages).items():
        if int(count * share) > 0:
            shares[code] = int(count * share)
    started = time.perf_counter()
    made = 0
    for code, wanted in shares.items():
        index = KnowledgeBankIndexPage.objects.get(locale__language_code=code)
        words, titles, orgs, funds = WORDS[code], TITLES[code], ORGANISATIONS[code], FUNDS[code]
        prefix = f"{SCALE_PREFIX}-{SLUGS[code]}-"
        first = ReportPage.objects.filter(slug__startswith=prefix).count()
        for start in range(0, wanted, batch):
            pages = []
            for n in range(first + start + 1, first + min(start + batch, wanted) + 1):
                year = rng.randint(2008, 2025)
                date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
                body = [{"type": "paragraph", "id": str(uuid.uuid4()),
                         "value": _paragraphs(rng, words, rng.randint(2, 5), rng.randint(3, 6))}]
                pages.append(ReportPage(
                    title=f"{rng.choice(titles)} {n}: {_sentence(rng, words, rng.randint(3, 7))[:-1].lower()}",
                    slug=f"{prefix}{n}", translation_key=uuid.uuid4(), locale_id=index.locale_id,
                    summary=" ".join(_sentence(rng, words, rng.randint(10, 20)) for _ in range(rng.randint(2, 4))),
                    authors="; ".join(f"{rng.choice('ABCDEFGHIKLMNS')}. {rng.choice(SURNAMES)}"
                                      for _ in range(rng.randint(1, 3))),
                    organisation=rng.choice(orgs), administration=rng.choice(["", *orgs[:4]]),
                    fund=rng.choice(funds), project=rng.choice(["", _sentence(rng, words, 3)[:-1]]),
                    period_start=date.replace(year=year - 1), period_end=date,
                    publication_date=date, report_type=rng.choice(ReportType.values), language=code,
                    report_number=f"{year}:{n}", body=json.dumps(body),
                ))
            saved = bulk_add_children(index, pages, batch=batch)
            ReportTopic.objects.bulk_create([
                ReportTopic(page_id=page.pk, topic=topic, sort_order=i)
                for page in saved for i, topic in enumerate(rng.sample(Topic.values, rng.randint(1, 3)))
            ])
            ids = [page.pk for page in saved]
            if wagtail_index:  # Wagtail's own index (admin search)
                get_search_backend().add_bulk(ReportPage, list(ReportPage.objects.filter(pk__in=ids)))
            search_index.sync_pages(ids)  # bulk_create sent no save signals (reports/search_rows.py)
            if code == "sv":
                made += len(saved)
            if stdout:
                stdout.write(f"  reports ({code}): {start + len(saved)} ({time.perf_counter() - started:.0f} s)")
    from portal.page_cache import purge

    purge()  # no publish signal was sent: drop cached searches and listings
    return made
