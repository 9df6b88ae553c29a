"""Geometry of the statistics' horizontal bar charts (drawn by the template as SVG, no
JavaScript). Each bar has its label above it and its number beside it, so the chart reads
without colour and without the table; a withheld figure is drawn as a dash.

Right to left (Arabic) the chart is mirrored like the table beside it, as the knowledge bank's
charts are (reports/charts.py): bars grow from the right edge, labels and numbers are anchored
there. Only positions move; the SVG stays direction="ltr" so that the anchors mean the same in
every browser, and the labels are Unicode-isolated (portal.bidi.isolate_text) so that a number
inside an Arabic label keeps its order."""
from django.utils.translation import get_language_bidi, gettext as _

from portal.bidi import isolate_text

WIDTH = 640
ROW = 40
GAP = 6


def bars(rows, rtl=None):
    rtl = get_language_bidi() if rtl is None else rtl
    largest = max([r.n for r in rows if r.shown] or [1]) or 1
    usable = WIDTH - 80
    out = []
    withheld = isolate_text("– " + _("not shown"))  # the dash before the words, in either direction
    for i, r in enumerate(rows):
        y = 8 + i * ROW
        w = round(usable * r.n / largest, 1) if r.shown else 0
        if rtl:
            bar = {"bx": round(WIDTH - w, 1), "lx": WIDTH, "nx": round(WIDTH - w - GAP, 1), "anchor": "end"}
        else:
            bar = {"bx": 0, "lx": 0, "nx": round(w + GAP, 1), "anchor": "start"}
        bar.update({"label": isolate_text(str(r.label)), "n": r.n, "shown": r.shown, "withheld": withheld,
                    "ty": y + 12, "by": y + 18, "w": w})
        out.append(bar)
    return {"bars": out, "width": WIDTH, "height": 8 + len(rows) * ROW + 4, "rtl": rtl}
