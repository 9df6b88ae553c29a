"""Demo knowledge bank: the index page and one report per source document, in Swedish with
English and Arabic translations (wagtail-localize). Idempotent: existing pages are left alone."""
import io
import json
import uuid

from django.core.files.base import ContentFile
from wagtail.models import Locale

from home.demo import translate_all
from home.models import HomePage
from reports import demo_content as C
from reports.models import KnowledgeBankIndexPage, RelatedReport, ReportPage, ReportTopic


def sv(value):
    return value["sv"] if isinstance(value, dict) and "sv" in value else value


def localize(value, lang="sv"):
    """Swedish (or `lang`) text of a nested demo value."""
    if isinstance(value, dict) and "sv" in value and "en" in value:
        return value[lang]
    if isinstance(value, dict):
        return {k: localize(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [localize(v, lang) for v in value]
    return value


def _items(values):
    """A ListBlock's raw value in Wagtail's current format: each item with a stable id, so that
    wagtail-localize finds the same segments when it translates (plain lists get new ids on every
    load)."""
    return [{"type": "item", "value": v, "id": str(uuid.uuid4())} for v in values]


def raw_body(items):
    blocks = []
    for kind, value in items:
        value = localize(value)
        if kind == "paragraph":
            value = f"<p>{value}</p>"
        elif kind == "goal" and value.get("analysis"):
            value = {**value, "analysis": f"<p>{value['analysis']}</p>"}
        elif kind == "heading":
            value = {"text": value, "level": "h2"}
        elif kind == "key_figures":
            value = {**value, "unit": value.get("unit") or "", "note": value.get("note") or "",
                     "columns": _items(value["columns"]),
                     "rows": _items([{"label": r["label"], "values": _items([str(v) for v in r["values"]])}
                                     for r in value["rows"]])}
        elif kind == "table":
            value = {**value, "header": _items(value["header"]), "rows": _items([_items(r) for r in value["rows"]])}
        blocks.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
    return json.dumps(blocks)


def make_pdf(lines):
    """A small real PDF with a text layer (xhtml2pdf), standing in for an uploaded report."""
    from xhtml2pdf import pisa

    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    out = io.BytesIO()
    pisa.CreatePDF(html, dest=out, encoding="utf-8")
    return out.getvalue()


def ensure_pdf_document(key, lines):
    from wagtail.documents import get_document_model

    Document = get_document_model()
    title = f"{key}.pdf"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(title, ContentFile(make_pdf(lines)), save=False)
        document.save()
    return document


def ensure_index(stdout):
    svl = Locale.objects.get(language_code="sv")
    home = HomePage.objects.filter(locale=svl).first()
    if home is None:
        return None
    index = KnowledgeBankIndexPage.objects.filter(locale=svl).first()
    if index is None:
        index = KnowledgeBankIndexPage(title=sv(C.INDEX["title"]), slug=sv(C.INDEX["slug"]),
                                       intro=sv(C.INDEX["intro"]), show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("  knowledge bank created")
    translate_all(index, C.INDEX)
    return index


def ensure_report(index, spec):
    page = index.get_children().filter(slug=sv(spec["slug"])).first()
    if page is not None:
        return page.specific
    start, end = spec["period"]
    page = ReportPage(
        title=sv(spec["title"]), slug=sv(spec["slug"]), summary=sv(spec["summary"]),
        organisation=sv(spec["organisation"]), administration=sv(spec["administration"]) or "",
        fund=sv(spec["fund"]) or "", project=sv(spec["project"]) or "", authors=spec["authors"],
        period_start=start, period_end=end, publication_date=spec["published"], report_type=spec["type"],
        language="sv", report_number=spec["number"], body=raw_body(spec["body"]),
    )
    if spec.get("pdf"):
        page.document = ensure_pdf_document(spec["key"], C.PDF_TEXT)
    for topic in spec["topics"]:
        page.topics.add(ReportTopic(topic=topic))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(stdout, with_users=False):
    index = ensure_index(stdout)
    if index is None:
        return []
    pages = {spec["key"]: ensure_report(index, spec) for spec in C.REPORTS}
    for key, related in C.RELATED.items():
        page = pages[key]
        if page.related.exists():
            continue
        for other in related:
            page.related.add(RelatedReport(report=pages[other]))
        page.save_revision().publish()
    for spec in C.REPORTS:
        translate_all(pages[spec["key"]], spec)
    return ensure_final_report(stdout) if with_users else []


# --- The demo project's final report ---------------------------------------------------------
# A second project lead runs the LUM project "Modell för tidigt socialt stöd" as an approved project
# (the first demo lead's application stays submitted, for the fund managers' demo). Its final report
# is a draft with every section filled in, ready for the lead to check and submit; the benefit
# realisation reproduces the source: 800 000 kr / 164 cases ≈ 4 800 kr per case, 15 200 kr saved
# per avoided investigation at 20 000 kr, 7 avoided -> 106 400 kr.
FINAL_REPORT_LEAD = "projektledare2"


def final_report_content():
    return {
        "summary": ("Modellen för tidigt socialt stöd är införd i hela stadsdelen. Fler barn och unga får stöd "
                    "tidigt, utan utredning, och färre utredningar behöver göras om."),
        "what_was_done": ("Processtöd följde piloten in i linjeverksamheten. Alla handläggare utbildades i "
                          "förhandsbedömningar och samtal med familjer.\n\nSkolan och socialtjänsten höll "
                          "gemensamma ärendedragningar varje månad, och nya rutiner följdes upp varje halvår."),
        "goals": [
            {"goal": "Barn och unga får rätt stöd i rätt tid och på rätt nivå.", "assessment": "achieved",
             "analysis": "73,3 procent av invånarna fick rätt stöd; målet var 70 procent."},
            {"goal": "Tydliga arbetssätt och mindre oro under förändringen.", "assessment": "partly",
             "analysis": "Rutinerna är tydliga, men personalomsättningen var hög under 2021."},
            {"goal": "Färre upprepade utredningar och bättre samverkan med skolan.", "assessment": "achieved",
             "analysis": "Hälften av skolans 14 ärenden kunde lösas utan utredning."},
            {"goal": "Lärdomar som andra stadsdelar kan använda.", "assessment": "partly",
             "analysis": "Två stadsdelar har börjat använda modellen; resten väntar på utvärderingen."},
        ],
        "effect_targets": [
            {"label": "Andel invånare som fått rätt stöd", "target": "70", "outcome": "73.3", "unit": "%"},
            {"label": "Andel som tyckte att kontakten var enkel och bra", "target": "90", "outcome": "93.3",
             "unit": "%"},
        ],
        "key_figures": [
            {"caption": "Ärenden hos samordnarna", "unit": "antal", "columns": ["2020", "2021", "2022"],
             "rows": [{"label": "Ärenden", "values": ["164", "212", "268"]},
                      {"label": "Avslutade efter en eller två kontakter", "values": ["118", "151", "192"]}]},
        ],
        "economic_outcome": {
            "personnel|2020": {"outcome": 1_450_000, "explanation": ""},
            "personnel|2021": {"outcome": 1_300_000,
                               "explanation": "En tjänst var vakant i fyra månader under 2021."},
            "personnel|2022": {"outcome": 1_450_000, "explanation": ""},
            "other|2020": {"outcome": 48_000, "explanation": ""},
            "other|2021": {"outcome": 50_000, "explanation": ""},
            "other|2022": {"outcome": 52_000, "explanation": ""},
        },
        "benefit": {"service_cost": 800_000, "cases": 164, "alternative_cost": 20_000, "avoided": 7,
                    "alternative": "utredning av ett barn"},
        "lessons": ("Processtöd behövs så länge nya rutiner sätts; utbildning ensam räcker inte. Gemensamma "
                    "ärendedragningar med skolan gav mest."),
        "next_steps": ("Modellen ingår i linjeverksamheten från 2023 och följs upp i verksamhetsplanen. "
                       "Avdelningschefen ansvarar."),
    }


def ensure_final_report(stdout):
    import datetime

    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from funding import demo as funding_demo
    from funding import workflow
    from funding.budget import Budget
    from funding.models import Application, FundProgrammePage
    from reports.final_reports import REMINDERS
    from reports.models import FinalReport, FinalReportReminder

    lum = FundProgrammePage.objects.filter(slug=next(f for f in funding_demo.FUNDS if f["key"] == "lum")["slug"]["sv"],
                                           locale=Locale.get_default()).first()
    if lum is None:
        return []
    User = get_user_model()
    password = f"lotsa-{FINAL_REPORT_LEAD}-demo"
    user = User.objects.filter(username=FINAL_REPORT_LEAD).first()
    if user is None:
        user = User.objects.create_user(username=FINAL_REPORT_LEAD, email=f"{FINAL_REPORT_LEAD}@lotsa.example",
                                        password=password, first_name="Projektledare")
        EmailAddress.objects.get_or_create(user=user, email=user.email,
                                           defaults={"verified": True, "primary": True})
    app = Application.objects.filter(user=user).first()
    if app is None:
        budget = Budget.from_dict(funding_demo.DEMO_BUDGET)
        now = timezone.now()
        app = Application.objects.create(
            user=user, fund=lum, language="sv", title=funding_demo.DEMO_ANSWERS["project"]["title"],
            organisation=funding_demo.DEMO_ANSWERS["applicant"]["organisation"],
            data={"wizard": funding_demo.wizard_data(funding_demo.DEMO_ANSWERS, funding_demo.DEMO_BUDGET)},
            budget=budget.to_dict(), requested_total=budget.requested_total, cost_total=budget.cost_total,
            project_start=datetime.date(2020, 1, 1), project_end=datetime.date(2022, 12, 31),
            status=workflow.APPROVED, submitted_at=now, decided_at=now,
        )
        app.set_granted(app.requested_per_year())
        app.report_due = lum.report_due_date(app.project_end)
        app.save()
        # The due date is past: the reminders went out long ago (the job must not send them now).
        for kind, _offset in REMINDERS:
            FinalReportReminder.objects.get_or_create(application=app, kind=kind, due=app.report_due)
    if not FinalReport.objects.filter(application=app).exists():
        FinalReport.objects.create(application=app, **final_report_content())
    funding_demo.ensure_attachment(FinalReport.objects.filter(application=app).first(), "Deltagarstatistik.pdf",
                                   ["Deltagarstatistik 2020–2022", "Barn och unga som fick stöd tidigt: 164.",
                                    "Ärenden lösta utan utredning: 7 av 14."])
    return [(FINAL_REPORT_LEAD, password, "(project lead with a final report, /sv/funding/my/)")]
