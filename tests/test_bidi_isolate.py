"""Issue 15, item 7: numbers, phones, references, dates and periods keep their order in Arabic
text — one `isolate` filter for pages, plain-text e-mails and PDFs (portal/bidi.py)."""
import subprocess

import pytest
from django.template import Context, Template

from portal.bidi import FSI, LRI, PDI, marks_for_pdf

pytestmark = pytest.mark.django_db


def render(source, autoescape=True, **context):
    return Template("{% load i18n lotsa_bidi %}" + source).render(Context(context, autoescape=autoescape))


def test_a_value_without_letters_is_isolated_left_to_right():
    assert render("{{ v|isolate }}", v="070-111 22 33") == '<bdi dir="ltr">070-111 22 33</bdi>'
    assert render("{{ v|isolate }}", v="2026-00005") == '<bdi dir="ltr">2026-00005</bdi>'
    # A name keeps the direction of its letters, and is escaped without its bidi controls.
    assert render("{{ v|isolate }}", v="أمينة\u202e<b>") == "<bdi>أمينة&lt;b&gt;</bdi>"
    # A number inside an Arabic text is isolated too ("0–12 سنة", not "12–0 سنة"); a reference
    # with letters stays one piece, and so do the digits of a word.
    assert render("{{ v|isolate }}", v="0–12 سنة") == '<bdi><bdi dir="ltr">0–12</bdi> سنة</bdi>'
    assert render("{{ v|isolate }}", v="KON-P82M73") == "<bdi>KON-P82M73</bdi>"
    assert render('{{ v|isolate:"numbers" }}', v="رمز P82 و 12") == 'رمز P82 و <bdi dir="ltr">12</bdi>'


def test_numbers_in_a_hint_or_an_error_example():
    out = render('{{ v|isolate:"numbers" }}', v="مثلاً 5050-1055، أو 1 450 000 & 66+")
    assert out == ('مثلاً <bdi dir="ltr">5050-1055</bdi>، أو <bdi dir="ltr">1 450 000</bdi> &amp; '
                   '<bdi dir="ltr">66+</bdi>')
    # Markup already safe ({% translate … as hint %}, a joined list): tags and entities left whole.
    out = render('{% translate "it\'s 12" as hint %}{{ hint|isolate:"numbers" }}')
    assert out == 'it\'s <bdi dir="ltr">12</bdi>'
    out = render('{{ v|join:", "|isolate:"numbers" }}', v=["<b>&", "4–6"])
    assert out == '&lt;b&gt;&amp;, <bdi dir="ltr">4–6</bdi>'


def test_plain_text_gets_unicode_isolates():
    # A reference stays one piece (no marks inside it to paste along with it).
    assert render("{{ v|isolate }}", autoescape=False, v="KON-2026-0001") == f"{FSI}KON-2026-0001{PDI}"
    assert render("{{ v|isolate }}", autoescape=False, v="أمينة 12") == f"{FSI}أمينة {LRI}12{PDI}{PDI}"
    assert render("{{ v|isolate }}", autoescape=False, v="2026-00005") == f"{LRI}2026-00005{PDI}"


def test_receipt_email_isolates_the_reference():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        body = render_to_string("forms/email/receipt.txt", {"reference": "KON-2026-0001", "form_title": "A & B"})
    assert f"{FSI}KON-2026-0001{PDI}" in body and "<bdi" not in body and "A & B" in body


def test_pdf_gets_unicode_isolates_for_bdi():
    html = '<p>X <bdi dir="ltr">2026-00005</bdi> <bdi>Anna <bdi dir="ltr">12</bdi></bdi></p>'
    assert marks_for_pdf(html) == f"<p>X {LRI}2026-00005{PDI} {FSI}Anna {LRI}12{PDI}{PDI}</p>"


def _words(pdf_bytes, tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_arabic_application_pdf_prints_reference_period_and_giro_in_order(tmp_path):
    from funding.models import Application
    from funding.pdf import render_application

    app = Application.objects.get(user__username="projektledare")
    text = _words(render_application(app, language="ar"), tmp_path)
    reversed_ref = "-".join(reversed(app.reference.split("-")))
    assert app.reference in text and reversed_ref not in text
    start, end = app.project_start.isoformat(), app.project_end.isoformat()
    assert start in text and end in text and "-".join(reversed(start.split("-"))) not in text
    giro = app.answers("applicant").get("giro_number")
    if giro:
        assert giro in text


def test_arabic_final_report_pdf_prints_the_reference_in_order(tmp_path):
    from reports.final_pdf import render_final_report
    from reports.models import FinalReport

    report = FinalReport.objects.select_related("application").get(application__user__username="projektledare2")
    text = _words(render_final_report(report, language="ar"), tmp_path)
    ref = report.application.reference
    assert ref in text and "-".join(reversed(ref.split("-"))) not in text


def test_arabic_chart_runs_right_to_left_like_its_table():
    import re as regex

    from django.utils import translation

    from reports.charts import render_chart

    def label_x(svg, text):
        return float(regex.search(rf'<text x="([\d.]+)"[^>]*>{text}</text>', svg).group(1))

    rows = [{"label": "A", "values": [1, 2, 3]}]
    with translation.override("sv"):
        svg = render_chart("bar", ["2020", "2021", "2022"], rows)
        assert label_x(svg, "2020") < label_x(svg, "2022")
    with translation.override("ar"):
        svg = render_chart("bar", ["2020", "2021", "2022"], rows)
        assert label_x(svg, "2020") > label_x(svg, "2022")


def test_option_labels_get_unicode_isolates_since_an_option_holds_no_bdi(client):
    """An <option> holds text only: "كبار السن 66+" with the number in LRI … PDI, so the plus
    stays after the number ("66+", not "+66") in the Arabic finder's age groups."""
    import re as regex

    text = client.get("/ar/find-support-ar/").content.decode()
    option = regex.search(r'<option value="66\+">([^<]*)</option>', text).group(1)
    assert option == f"{FSI}كبار السن {LRI}66+{PDI}{PDI}"
    assert "<bdi" not in regex.search(r'<select id="f-who".*?</select>', text, regex.S).group(0)
    assert render('{{ v|isolate:"marks" }}', v="<b> 12") == f"{FSI}&lt;b&gt; 12{PDI}"
