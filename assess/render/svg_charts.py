"""Static inline SVG charts for the HTML documents: a radar of the principles, bars, a histogram.

Each function takes numbers already computed (scores from a Scorecard, counts from the portfolio) and
only places them: the geometry is drawing, not scoring. Every text is escaped here; the result is
markup ready to put inside an HTML page, with a ``<title>`` and ``aria-label`` as its text alternative
(the pages put a table of the same numbers beside each chart).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from html import escape

STATUS_FILL = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828", None: "#9e9e9e"}
CURRENT, PREVIOUS, GRID, INK = "#1a4f8b", "#8e3b8e", "#c8c8c8", "#222222"


def _svg(width: int, height: int, title: str, desc: str, body: list[str], css_class: str) -> str:
    t, d = escape(title), escape(desc)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{t}"><title>{t}</title><desc>{d}</desc>' + "".join(body) + "</svg>")


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _polygon(values: Sequence[float | None], cx: float, cy: float, radius: float) -> str:
    points = (_point(cx, cy, radius * (v or 0) / 100, i, len(values)) for i, v in enumerate(values))
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


RADAR = (420, 210.0, 200.0, 140.0)  # the drawing's size, its centre and the radius of 100


@lru_cache(maxsize=16)
def _radar_grid(labels: tuple[str, ...]) -> str:
    """The rings and the axes with their labels: the same on every page of a language (made once)."""
    _size, cx, cy, radius = RADAR
    count = len(labels)
    body: list[str] = []
    for ring in (25, 50, 75, 100):
        pts = _polygon([ring] * count, cx, cy, radius)
        body.append(f'<polygon points="{pts}" fill="none" stroke="{GRID}" stroke-width="1"/>')
        body.append(f'<text x="{cx + 3:.1f}" y="{cy - radius * ring / 100 - 2:.1f}" font-size="10" '
                    f'fill="#555">{ring}</text>')
    for i, label in enumerate(labels):
        x, y = _point(cx, cy, radius, i, count)
        body.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        lx, ly = _point(cx, cy, radius + 24, i, count)
        anchor = "middle" if abs(lx - cx) < 10 else "start" if lx > cx else "end"
        body.append(f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" font-size="13" '
                    f'fill="{INK}">{escape(label)}</text>')
    return "".join(body)


def radar(labels: Sequence[str], values: Sequence[float | None], title: str, desc: str,
          previous: Sequence[float | None] | None = None, legend: tuple[str, str] = ("", "")) -> str:
    """A radar chart, 0 to 100 on every axis; ``previous`` drawn dashed over it. No score sits at the centre."""
    size, cx, cy, radius = RADAR
    count = len(labels)
    body = [_radar_grid(tuple(labels))]
    if previous is not None:
        body.append(f'<polygon points="{_polygon(previous, cx, cy, radius)}" fill="none" stroke="{PREVIOUS}" '
                    'stroke-width="2" stroke-dasharray="6 4"/>')
    body.append(f'<polygon points="{_polygon(values, cx, cy, radius)}" fill="{CURRENT}" fill-opacity="0.25" '
                f'stroke="{CURRENT}" stroke-width="2.5"/>')
    for i, value in enumerate(values):
        if value is not None:
            x, y = _point(cx, cy, radius * value / 100, i, count)
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{CURRENT}"/>')
    height = size
    if previous is not None:
        height += 10
        now, before = (escape(x) for x in legend)
        body.append(f'<line x1="20" y1="{size - 8}" x2="50" y2="{size - 8}" stroke="{CURRENT}" stroke-width="3"/>'
                    f'<text x="56" y="{size - 4}" font-size="12" fill="{INK}">{now}</text>'
                    f'<line x1="220" y1="{size - 8}" x2="250" y2="{size - 8}" stroke="{PREVIOUS}" stroke-width="2" '
                    f'stroke-dasharray="6 4"/><text x="256" y="{size - 4}" font-size="12" fill="{INK}">{before}</text>')
    return _svg(size, height, title, desc, body, "chart radar")


def bar(score: float | None, status: str | None, label: str) -> str:
    """One horizontal bar, 0 to 100, filled in the status colour; ``label`` is its text alternative."""
    width = 0.0 if score is None else 2 * score
    fill = STATUS_FILL.get(status, STATUS_FILL[None])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="bar" viewBox="0 0 200 14" role="img" '
            f'aria-label="{escape(label)}" preserveAspectRatio="none"><title>{escape(label)}</title>'
            f'<rect x="0" y="0" width="200" height="14" fill="#eeeeee"/>'
            f'<rect x="0" y="0" width="{width:.1f}" height="14" fill="{fill}"/></svg>')


def histogram(bands: Sequence[tuple[str, int]], title: str, desc: str) -> str:
    """Vertical bars, one per (label, count), the count written above each bar."""
    count = max(len(bands), 1)
    slot, top, chart_h = 52, 24, 160
    width = 40 + slot * count
    highest = max((n for _, n in bands), default=0) or 1
    body = [f'<line x1="30" y1="{top + chart_h}" x2="{width - 5}" y2="{top + chart_h}" stroke="{INK}"/>']
    for i, (label, n) in enumerate(bands):
        h = chart_h * n / highest
        x = 36 + slot * i
        body.append(f'<rect x="{x}" y="{top + chart_h - h:.1f}" width="{slot - 10}" height="{h:.1f}" '
                    f'fill="{CURRENT}"/>')
        body.append(f'<text x="{x + (slot - 10) / 2:.1f}" y="{top + chart_h - h - 5:.1f}" text-anchor="middle" '
                    f'font-size="12" fill="{INK}">{n}</text>')
        body.append(f'<text x="{x + (slot - 10) / 2:.1f}" y="{top + chart_h + 16}" text-anchor="middle" '
                    f'font-size="10" fill="{INK}">{escape(label)}</text>')
    return _svg(width, top + chart_h + 26, title, desc, body, "chart histogram")
