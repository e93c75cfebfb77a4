"""Charts for reports, drawn with matplotlib as PNG data: URIs.

PNG, not SVG, because Word takes PNG; every chart's numbers are also in a
table or its text alternative, so nothing is shown by colour alone.
"""

from __future__ import annotations

import base64
import io

RAG_COLOURS = {"Red": "#c0392b", "Amber": "#e69b00", "Green": "#2e8b57"}
DEFAULT_COLOUR = "#1d3f6e"


def bar_chart(counts: list[tuple[str, int]], title: str) -> str:
    """A horizontal bar chart of (label, count) as a PNG data: URI."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    plt.rcParams["svg.hashsalt"] = "reportgen"
    labels = [label for label, _ in counts][::-1]
    values = [value for _, value in counts][::-1]
    figure = Figure(figsize=(6.0, 0.5 + 0.4 * max(len(labels), 1)), dpi=150)
    axes = figure.add_subplot()
    colours = [RAG_COLOURS.get(label, DEFAULT_COLOUR) for label in labels]
    bars = axes.barh(labels, values, color=colours)
    axes.bar_label(bars, labels=[str(v) for v in values], padding=3)
    axes.set_title(title, loc="left", fontsize=11)
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
