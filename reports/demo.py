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
    return []
