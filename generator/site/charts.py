"""Bar charts as inline SVG, drawn at build time: no chart library, no JavaScript.

Each chart is one image for assistive technology (``role="img"`` with a ``<title>`` and a
``<desc>`` that reads every value), with text labels and values written on the bars'
rows, dark text on white (WCAG AA at any zoom).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..messages import site as msg

WIDTH = 320  # viewBox units; the SVG scales to its container (≈ 1 unit per CSS px on phones)
ROW = 46
LABEL_SIZE = 15
BAR_HEIGHT = 14
TEXT = "#1a1a1a"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    color: str = "#1b5e20"


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], unit: str = msg.CHART_UNIT) -> Markup:
    """A horizontal bar chart: one row per bar, label above, bar and value below."""
    height = ROW * len(bars) + 8
    top = max((b.value for b in bars), default=0) or 1
    value_room = 48
    scale = (WIDTH - value_room) / top
    desc = "; ".join(f"{b.label}: {b.value} {unit}" for b in bars)
    rows = []
    for i, b in enumerate(bars):
        y = i * ROW + 4
        length = max(b.value * scale, 2 if b.value else 0)
        rows.append(
            f'<text x="0" y="{y + LABEL_SIZE}" font-size="{LABEL_SIZE}" fill="{TEXT}">'
            f"{escape(b.label)}</text>"
            f'<rect x="0" y="{y + LABEL_SIZE + 6}" width="{length:.1f}" height="{BAR_HEIGHT}" rx="2"'
            f' fill="{escape(b.color)}"/>'
            f'<text x="{length + 6:.1f}" y="{y + LABEL_SIZE + 6 + BAR_HEIGHT - 2}" font-size="{LABEL_SIZE}"'
            f' font-weight="700" fill="{TEXT}">{b.value}</text>'
        )
    svg = (
        f'<svg class="dh-chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" width="100%"'
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg"'
        f' font-family="inherit">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{''.join(rows)}</svg>"
    )
    return Markup(svg)
