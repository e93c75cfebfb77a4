"""Charts for reports, drawn with matplotlib as PNG data: URIs.

PNG, not SVG, because Word takes PNG. Every bar is labelled with its
category and its number, so nothing is shown by colour alone; every bar's
colour has at least 3:1 contrast against the white page (WCAG 1.4.11). The
chart has no title of its own: its figure caption names it, once. It is drawn
at the size it is printed (CHART_CM wide), so its type is the table size.
"""

from __future__ import annotations

import base64
import io

RAG_COLOURS = {"Red": "#c0392b", "Amber": "#c27400", "Green": "#2e8b57"}  # 5.4, 3.6, 4.3:1
DEFAULT_COLOUR = "#1d3f6e"
CHART_CM = 15.0  # the printed width: the data-width-cm of the chart macro's <img>
FONT_PT = 10.0


def bar_chart(counts: list[tuple[str, int]], title: str = "") -> str:
    """A horizontal bar chart of (label, count) as a PNG data: URI; title is the
    caption's business and is not drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # no pyplot: no GUI, faster
    from matplotlib.figure import Figure

    labels = [label for label, _ in counts][::-1]
    values = [value for _, value in counts][::-1]
    inches = CHART_CM / 2.54
    figure = Figure(figsize=(inches, 0.3 + 0.3 * max(len(labels), 1)), dpi=200)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    colours = [RAG_COLOURS.get(label, DEFAULT_COLOUR) for label in labels]
    # "$5 savings" is a status, not TeX maths: an escaped $ is drawn as it is.
    bars = axes.barh([label.replace("$", r"\$") for label in labels], values, color=colours)
    axes.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=FONT_PT,
                   color="#111111")
    axes.tick_params(axis="y", labelsize=FONT_PT, labelcolor="#111111", length=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_visible(False)
    axes.set_xlim(0, max(values, default=1) * 1.15 + 0.5)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def describe(counts: list[tuple[str, int]], title: str) -> str:
    """The chart's text alternative: every bar's label and number."""
    return f"{title}: " + "; ".join(f"{label} {value}" for label, value in counts) + "."
