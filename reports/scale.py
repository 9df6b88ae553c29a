"""Scale data for `manage.py load_scale`: many knowledge-bank reports, inserted in bulk and
indexed for the knowledge-bank search in batches."""
import datetime
import random

from wagtail.search.backends import get_search_backend

from reports.models import KnowledgeBankIndexPage, ReportPage, ReportTopic, ReportType, Topic

WORDS = (
    "utredning utredningar utredningen stöd stödet barn barnen familj familjer skola skolan samverkan "
    "insats insatser behov kostnad kostnader ekonomi uppföljning mål resultat förebyggande tidigt "
    "socialtjänst invånare samordnare föräldraskap psykisk ohälsa boende arbete fritid förskola "
    "orosanmälan placering familjehem väntetid beslut ansökan projekt fond rapport analys metod"
).split()
ORGANISATIONS = ["Socialförvaltningen", "Stadsdel Norr", "Stadsdel Söder", "Arbetsmarknadsförvaltningen"]
FUNDS = ["", "", "Sociala investeringsfonden", "Lokala utvecklingsmedel (LUM)", "Innovationscheck"]


def _sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_reports(count, batch=500, *, rng=None, stdout=None):
    """Add `count` live Swedish reports to the Swedish knowledge bank (search rows included).
    Returns the number added."""
    from home.scale import SCALE_PREFIX, bulk_add_children

    rng = rng or random.Random(9)
    index = KnowledgeBankIndexPage.objects.get(locale__language_code="sv")
    first = ReportPage.objects.filter(slug__startswith=f"{SCALE_PREFIX}-rapport-").count()
    made = 0
    for start in range(0, count, batch):
        pages = []
        for n in range(first + start, first + min(start + batch, count)):
            title = f"Rapport {n + 1}: " + _sentence(rng, 4)
            year = rng.randint(2010, 2025)
            pages.append(ReportPage(
                title=title, slug=f"{SCALE_PREFIX}-rapport-{n + 1}", summary=_sentence(rng, 50),
                organisation=rng.choice(ORGANISATIONS), fund=rng.choice(FUNDS),
                publication_date=datetime.date(year, rng.randint(1, 12), 15), report_type=rng.choice(ReportType.values),
                language="sv", body=[("paragraph", "<p>" + " ".join(_sentence(rng, 12) for _ in range(15)) + "</p>")],
            ))
        saved = bulk_add_children(index, pages, batch=batch)
        ReportTopic.objects.bulk_create([ReportTopic(page_id=p.pk, topic=t, sort_order=i)
                                         for p in saved for i, t in enumerate(rng.sample(Topic.values, 2))])
        get_search_backend().add_bulk(ReportPage, list(ReportPage.objects.filter(pk__in=[p.pk for p in saved])))
        made += len(saved)
        if stdout and made % 2000 < batch:
            stdout.write(f"  reports: {made}")
    return made
