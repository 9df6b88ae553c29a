"""Geometry for the server-drawn SVG charts (the template draws them; no JavaScript)."""
from forms.surveys.models import SYMBOLS, Colour

COLOURS = {Colour.GREEN: "#1b6e2a", Colour.YELLOW: "#8a6100", Colour.RED: "#a4161a"}
WIDTH = 640


def stacked_bar(cell, target):
    """Segments of one 100 % bar for a period, and where the target line goes."""
    x = 40.0
    usable = WIDTH - 80
    segments = []
    if cell.shown:
        for colour in (Colour.GREEN, Colour.YELLOW, Colour.RED):
            share = cell.share(colour.value)
            w = usable * share / 100
            segments.append({"x": round(x, 1), "w": round(w, 1), "fill": COLOURS[colour], "share": share,
                             "label": f"{SYMBOLS[colour]} {share:g} %", "show_label": w >= 60,
                             "tx": round(x + w / 2, 1)})
            x += w
    return {"segments": segments, "target_x": round(40 + usable * target / 100, 1), "width": WIDTH}


def month_bars(months, target):
    """One bar per period (month, quarter or year): the share of green, a gap with a dash where
    the figure is withheld and 0 where nobody answered."""
    top, height = 20, 160
    n = max(len(months), 1)
    slot = (WIDTH - 60) / n
    bars = []
    for i, cell in enumerate(months):
        x = 50 + i * slot
        share = cell.green_share
        h = 0 if share is None else height * share / 100
        bars.append({"x": round(x + slot * 0.15, 1), "w": round(slot * 0.7, 1), "y": round(top + height - h, 1),
                     "h": round(h, 1), "share": share, "label": cell.short or cell.label, "cx": round(x + slot / 2, 1),
                     "shown": cell.shown, "empty": cell.n == 0})
    return {"bars": bars, "target_y": round(top + height - height * target / 100, 1), "base_y": top + height,
            "top": top, "width": WIDTH, "height": top + height + 40, "mid_y": top + height / 2}
