"""Citation metadata of a report, in one place for the page's meta tags (Dublin Core, Highwire
`citation_*`), its schema.org JSON-LD, the suggested citation and OAI-PMH's oai_dc records."""
import json

from django.utils.translation import gettext as _

PUBLISHER = "Lotsa"


def absolute(request, url):
    if not url:
        return ""
    if url.startswith("http"):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def stable_url(page, request=None):
    return absolute(request, page.get_url(request))


def pdf_url(page, request=None):
    return absolute(request, page.document.url) if page.document_id and page.document else ""


def creators(page):
    return page.author_list or [page.organisation]


def publisher(page):
    return page.administration or page.organisation or PUBLISHER


def dublin_core(page, request=None):
    """oai_dc / DC.* elements: a list of (element, value)."""
    items = [("title", page.title)]
    items += [("creator", name) for name in creators(page)]
    items += [("subject", str(label)) for label in page.topic_labels()]
    items.append(("description", page.summary))
    items.append(("publisher", publisher(page)))
    if page.author_list and page.organisation:
        items.append(("contributor", page.organisation))
    items.append(("date", page.publication_date.isoformat()))
    items.append(("type", "Text"))
    items.append(("type", str(page.get_report_type_display())))
    items.append(("format", "text/html"))
    if page.document_id:
        items.append(("format", "application/pdf"))
    items.append(("identifier", stable_url(page, request)))
    if page.report_number:
        items.append(("identifier", page.report_number))
    items.append(("language", page.language))
    if page.period_start or page.period_end:
        items.append(("coverage", "/".join(d.isoformat() if d else "" for d in (page.period_start, page.period_end))))
    if page.project:
        items.append(("relation", page.project))
    return items


def highwire(page, request=None):
    """Google Scholar's Highwire Press tags."""
    tags = [("citation_title", page.title)]
    tags += [("citation_author", name) for name in creators(page)]
    tags.append(("citation_publication_date", page.publication_date.strftime("%Y/%m/%d")))
    tags.append(("citation_technical_report_institution", publisher(page)))
    if page.report_number:
        tags.append(("citation_technical_report_number", page.report_number))
    tags.append(("citation_language", page.language))
    tags.append(("citation_abstract_html_url", stable_url(page, request)))
    if page.document_id:
        tags.append(("citation_pdf_url", pdf_url(page, request)))
    tags += [("citation_keywords", str(label)) for label in page.topic_labels()]
    return tags


def json_ld(page, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": page.title,
        "headline": page.title,
        "abstract": page.summary,
        "url": stable_url(page, request),
        "datePublished": page.publication_date.isoformat(),
        "inLanguage": page.language,
        "author": [{"@type": "Person", "name": n} for n in page.author_list]
        or [{"@type": "Organization", "name": page.organisation}],
        "publisher": {"@type": "Organization", "name": publisher(page)},
        "keywords": ", ".join(str(label) for label in page.topic_labels()),
    }
    if page.report_number:
        data["reportNumber"] = page.report_number
    if page.period_start or page.period_end:
        data["temporalCoverage"] = "/".join(d.isoformat() if d else ".." for d in (page.period_start, page.period_end))
    if page.document_id:
        data["encoding"] = {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": pdf_url(page, request)}
    if page.fund:
        data["funder"] = {"@type": "Organization", "name": page.fund}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Safe inside <script type="application/ld+json">: no "</script>" or "<!--" can close it.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def suggested_citation(page, request=None):
    """Author(s) (year). Title. Publisher. Available: URL"""
    names = "; ".join(creators(page))
    parts = [f"{names} ({page.publication_date.year}). {page.title}."]
    if page.report_number:
        parts.append(f"{page.report_number}.")
    parts.append(f"{publisher(page)}.")
    parts.append(_("Available at: %(url)s") % {"url": stable_url(page, request)})
    return " ".join(parts)
