"""Strips for the line-API panes, each line rendered once and kept while its Content object lives.

The norm pane and the section list keep the Content of their lines in caches (per norm, per section), so a
line that is shown again is the same object: its strip is looked up, not rendered again. A strip at row
``y`` carries ``y`` in its offsets (what text selection reads), as when the lines are rendered as one text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

if TYPE_CHECKING:
    from textual.widget import Widget

MAX_KEPT = 4000  # lines; past this the cache starts again (a few hundred norms' worth)


class LineStrips:
    def __init__(self, widget: Widget, pad: bool) -> None:
        self._widget = widget
        self._pad = pad
        # id(line) -> the line (kept alive) and its strip per row
        self._kept: dict[int, tuple[Content, dict[int, Strip]]] = {}
        self._made_for: tuple[int, object] | None = None  # width and style the kept strips were made for

    def strips(self, lines: Sequence[Content], width: int) -> list[Strip]:
        """A strip per line (each a line already, never wrapped again), at ``width``."""
        widget = self._widget
        style = widget.visual_style
        if self._made_for != (width, style) or len(self._kept) > MAX_KEPT:
            self._kept.clear()
            self._made_for = (width, style)
        kept = self._kept
        missing = list({id(line): line for line in lines if id(line) not in kept}.values())
        if missing:
            made = Visual.to_strips(widget, Content("\n").join(missing), width, None, style, pad=self._pad)
            if len(made) != len(missing):  # a line that is not one line: each on its own, its first row
                made = [Visual.to_strips(widget, line, width, 1, style, pad=self._pad)[0] for line in missing]
            for row, (line, made_strip) in enumerate(zip(missing, made, strict=True)):
                kept[id(line)] = (line, {row: made_strip})
        strips = []
        for y, line in enumerate(lines):
            rows = kept[id(line)][1]
            strip = rows.get(y)
            if strip is None:
                strip = rows[y] = at_row(next(iter(rows.values())), y)
            strips.append(strip)
        return strips


def at_row(strip: Strip, y: int) -> Strip:
    """``strip`` as rendered at row ``y``: the row in each segment's offset (what text selection reads);
    segments without one (the padding) stay as they are."""
    segments = []
    for segment in strip:
        text, style, control = segment
        meta = style.meta if style is not None and style._meta is not None else None
        if style is not None and meta and "offset" in meta:
            x, _row = meta["offset"]
            segment = Segment(text, style + RichStyle.from_meta({"offset": (x, y)}), control)
        segments.append(segment)
    return Strip(segments, strip.cell_length)
