"""Server-side SVG charts for key-figure tables: no JavaScript, no inline styles (the public CSP
forbids them), colours with at least 3:1 contrast on white, and a text alternative. The same
numbers are always printed in a table next to the chart, so the chart is a picture of the table."""
import math
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import get_language_bidi, gettext as _

from portal.punctuation import join_list

PALETTE = ["#1d5f8a", "#a3420f", "#2e6b30", "#6a1b9a", "#7a5c00"]
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 24, 48


def fmt(value):
    if value is None:
        return "–"
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 1
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def nice_max(value):
    if value <= 0:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * exponent >= value:
            return step * exponent
    return 10 * exponent


def render_chart(kind, columns, rows, title="", unit=""):
    """An <svg> string for rows [{label, values}] over `columns` (e.g. years)."""
    numbers = [float(v) for row in rows for v in row["values"] if v is not None]
    if not columns or not numbers:
        return ""
    top = nice_max(max(max(numbers), 0))
    bottom = min(min(numbers), 0)
    span = top - bottom or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value):
        return TOP + plot_h * (top - float(value)) / span

    band = plot_w / len(columns)
    # Right to left (Arabic) the chart is mirrored like the table under it: the first column on
    # the right, the value axis on the right. Only positions move; the text is not mirrored.
    rtl = get_language_bidi()

    def X(x, width=0):
        return WIDTH - x - width if rtl else x

    end, start = ("start", "end") if rtl else ("end", "start")
    parts = []
    # Grid lines and y-axis labels.
    for i in range(5):
        value = bottom + span * i / 4
        yy = y(value)
        parts.append(f'<line x1="{X(LEFT)}" y1="{yy:.1f}" x2="{X(WIDTH - RIGHT)}" y2="{yy:.1f}" stroke="#767676" stroke-width="0.5"/>')
        parts.append(f'<text x="{X(LEFT - 6)}" y="{yy + 4:.1f}" text-anchor="{end}" font-size="12" fill="#333">{escape(fmt(Decimal(str(round(value, 1)))))}</text>')
    # Column labels.
    for i, column in enumerate(columns):
        cx = X(LEFT + band * (i + 0.5))
        parts.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12" fill="#333">{escape(column)}</text>')
    series = len(rows)
    show_values = len(columns) * series <= 18
    if kind == "line":
        for s, row in enumerate(rows):
            colour = PALETTE[s % len(PALETTE)]
            points = [(X(LEFT + band * (i + 0.5)), y(v)) for i, v in enumerate(row["values"]) if v is not None]
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
            for (px, py), v in zip(points, [v for v in row["values"] if v is not None]):
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
                if show_values:
                    parts.append(f'<text x="{px:.1f}" y="{py - 8:.1f}" text-anchor="middle" font-size="11" fill="#1a1a1a">{escape(fmt(v))}</text>')
    else:
        inner = band * 0.8
        bar_w = inner / series
        zero = y(0)
        for s, row in enumerate(rows):
            colour = PALETTE[s % len(PALETTE)]
            for i, v in enumerate(row["values"]):
                if v is None:
                    continue
                x = X(LEFT + band * i + band * 0.1 + bar_w * s, max(bar_w - 2, 1))
                yy = y(v)
                h = abs(zero - yy)
                parts.append(f'<rect x="{x:.1f}" y="{min(yy, zero):.1f}" width="{max(bar_w - 2, 1):.1f}" height="{max(h, 0.5):.1f}" fill="{colour}"/>')
                if show_values:
                    parts.append(f'<text x="{x + bar_w / 2 - 1:.1f}" y="{min(yy, zero) - 4:.1f}" text-anchor="middle" font-size="11" fill="#1a1a1a">{escape(fmt(v))}</text>')
    parts.append(f'<line x1="{X(LEFT)}" y1="{y(0):.1f}" x2="{X(WIDTH - RIGHT)}" y2="{y(0):.1f}" stroke="#1a1a1a" stroke-width="1"/>')
    # Legend (only when there is more than one series).
    legend = []
    if series > 1:
        for s, row in enumerate(rows):
            lx = LEFT + (s % 3) * 190
            ly = HEIGHT - 14 + 0 * s
            if s >= 3:
                continue
            legend.append(f'<rect x="{X(lx, 10)}" y="{ly - 9}" width="10" height="10" fill="{PALETTE[s % len(PALETTE)]}"/>')
            legend.append(f'<text x="{X(lx + 14)}" y="{ly}" text-anchor="{start}" font-size="11" fill="#1a1a1a">{escape(row["label"][:28])}</text>')
    description = _("Chart of the table below: %(rows)s over %(first)s–%(last)s.") % {
        "rows": join_list(row["label"] for row in rows), "first": columns[0], "last": columns[-1],
    }
    unit_text = f" ({unit})" if unit else ""
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title + unit_text)}. {escape(description)}" '
        f'xmlns="http://www.w3.org/2000/svg" focusable="false" direction="ltr">'
        f"<title>{escape(title + unit_text)}</title><desc>{escape(description)}</desc>"
        + "".join(parts) + "".join(legend) + "</svg>"
    )
