"""StreamField blocks for knowledge-bank reports. Every label is a text block so that
wagtail-localize can translate it; numbers are number blocks and stay the same in every language.
Key-figure tables are drawn server-side as an SVG chart, always with the numbers in a table."""
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, HeadingBlock, TextTableBlock
from reports import charts


class KeyFigureRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Row label"), max_length=250)
    values = blocks.ListBlock(
        blocks.DecimalBlock(label=_("Value"), required=False, decimal_places=2), label=_("Values"),
        help_text=_("One value per column, in the same order as the column headings."),
    )


class KeyFigureTableBlock(blocks.StructBlock):
    """Rows x columns of numbers (e.g. key figures per year): a chart plus the same numbers in a table."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=250)
    unit = blocks.CharBlock(label=_("Unit"), max_length=60, required=False, help_text=_("e.g. number, %, thousand SEK"))
    columns = blocks.ListBlock(blocks.CharBlock(label=_("Column heading"), max_length=60), label=_("Columns"))
    rows = blocks.ListBlock(KeyFigureRowBlock(), label=_("Rows"))
    chart = blocks.ChoiceBlock(
        label=_("Chart"), default="bar",
        choices=[("bar", _("Bars")), ("line", _("Line")), ("none", _("No chart, table only"))],
    )
    note = blocks.CharBlock(label=_("Note under the table"), max_length=400, required=False)

    class Meta:
        icon = "table"
        template = "reports/blocks/key_figures.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        columns = [str(c) for c in value.get("columns") or []]
        rows = []
        for row in value.get("rows") or []:
            numbers = list(row.get("values") or [])
            numbers = (numbers + [None] * len(columns))[: len(columns)]
            rows.append({"label": row.get("label") or "", "values": [n if n is None else Decimal(n) for n in numbers]})
        context["columns"] = columns
        context["table_rows"] = rows
        context["has_numbers"] = any(v is not None for r in rows for v in r["values"])
        if context["has_numbers"] and value.get("chart") != "none":
            context["svg"] = charts.render_chart(
                value.get("chart") or "bar", columns, rows, title=value.get("caption") or "", unit=value.get("unit") or ""
            )
        return context


class GoalBlock(blocks.StructBlock):
    goal = blocks.CharBlock(label=_("Goal"), max_length=400)
    assessment = blocks.ChoiceBlock(
        label=_("Assessment"),
        choices=[("achieved", _("Achieved")), ("partly", _("Partly achieved")), ("not_achieved", _("Not achieved"))],
    )
    analysis = blocks.RichTextBlock(label=_("Analysis"), features=["bold", "italic", "link", "ol", "ul"], required=False)

    class Meta:
        icon = "tick"
        template = "reports/blocks/goal.html"


class ReportBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    key_figures = KeyFigureTableBlock(label=_("Key-figure table"))
    table = TextTableBlock(label=_("Table"))
    goal = GoalBlock(label=_("Goal with assessment"))
