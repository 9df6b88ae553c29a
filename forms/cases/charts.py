"""Geometry of the statistics' horizontal bar charts (drawn by the template as SVG, no
JavaScript). Each bar has its label above it and its number beside it, so the chart reads
without colour and without the table; a withheld figure is drawn as a dash."""
WIDTH = 640
ROW = 40


def bars(rows):
    largest = max([r.n for r in rows if r.shown] or [1]) or 1
    usable = WIDTH - 80
    out = []
    for i, r in enumerate(rows):
        y = 8 + i * ROW
        w = round(usable * r.n / largest, 1) if r.shown else 0
        out.append({"label": r.label, "n": r.n, "shown": r.shown, "ty": y + 12, "by": y + 18, "w": w,
                    "nx": round(w + 6, 1)})
    return {"bars": out, "width": WIDTH, "height": 8 + len(rows) * ROW + 4}
