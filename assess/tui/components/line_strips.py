"""Strips for the line-API panes, each line rendered once and kept while its Content object lives.

The norm pane and the section list keep the Content of their lines in caches (per norm, per section), so a
line that is shown again is the same object: its strip is looked up, not rendered again. A strip at row
``y`` carries ``y`` in its offsets (what text selection reads), as when the lines are rendered as one text.

A line is made as Textual's ``Visual.to_strips`` makes it, without the passes that have nothing to do for a
line that is one line already (splitting, expanding tabs, folding, aligning; a line too long is cut as
Textual cuts it where the widget says so): 40% less time, and every segment the same
(``tests/test_tui_line_strips.py`` compares them for every line of every norm). A line those passes would
change otherwise (a tab, a line too long to fold, a selection on the pane, another alignment) is made by
Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
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
            for row, (line, made_strip) in enumerate(zip(missing, self._make(missing, width, style), strict=True)):
                kept[id(line)] = (line, {row: made_strip})
        strips = []
        for y, line in enumerate(lines):
            rows = kept[id(line)][1]
            strip = rows.get(y)
            if strip is None:
                strip = rows[y] = at_row(next(iter(rows.values())), y)
            strips.append(strip)
        return strips

    def _make(self, lines: list[Content], width: int, style: Style) -> list[Strip]:
        """A strip per line, line ``i`` rendered at row ``i``."""
        widget = self._widget
        if not _plain_layout(widget):
            made = Visual.to_strips(widget, Content("\n").join(lines), width, None, style, pad=self._pad)
            if len(made) == len(lines):
                return made
            # a line that is not one line: each at its row below blank ones (what a selection there shows is that
            # row's), its first row; slow, and only with a selection on a pane narrower than its lines
            return [Visual.to_strips(widget, Content("\n").join([*[Content("")] * row, line]), width, None, style,
                                     pad=self._pad)[row] for row, line in enumerate(lines)]
        link_style = widget.link_style if widget.auto_links and not widget.screen._selecting else None
        pad_style = (style + Style(reverse=False)).rich_style if self._pad else None
        get_style = widget._get_style
        overflow = widget.styles.get_rule("text_overflow", "fold")
        strips = []
        for row, line in enumerate(lines):
            if line.cell_length > width and overflow != "fold" and "\t" not in line.plain:
                line = line.truncate(width, ellipsis=overflow == "ellipsis")  # as Textual cuts a line
            if "\t" in line.plain or "\n" in line.plain or line.cell_length > width:
                strip = at_row(Visual.to_strips(widget, line, width, 1, style, pad=self._pad)[0], row)
            else:
                strip = one_line(line, row, style, get_style, link_style, width if self._pad else 0, pad_style)
            strips.append(strip)
        return strips


def _plain_layout(widget: Widget) -> bool:
    """Whether Textual's passes over a line of ``widget`` would leave it as it is (see the module's text)."""
    rules = widget.styles.get_rule
    return (widget.text_selection is None and not widget.is_container
            and rules("text_align", "left") in ("left", "start") and rules("text_wrap", "wrap") == "nowrap"
            and rules("line_pad", 0) == 0 and widget.styles.content_align == ("left", "top"))


def one_line(line: Content, y: int, style: Style, get_style: Callable[[str | Style], Style],
             link_style: RichStyle | None, pad_to: int = 0, pad_style: RichStyle | None = None) -> Strip:
    """``line`` (one line, no tab) as ``Visual.to_strips`` renders it at row ``y``, padded with ``pad_style`` to
    ``pad_to`` cells (0: not padded); one Strip made (each costs Textual a few caches), not one per pass."""
    segments = []
    x = 0
    for text, text_style in line.render(style, end="", parse_style=get_style):
        rich_style = (style + text_style).rich_style_with_offset(x, y)
        if link_style is not None and rich_style._meta is not None and "@click" in rich_style.meta:
            rich_style = rich_style + link_style
        segments.append(Segment(text, rich_style))
        x += len(text)
    cell_length = line.cell_length
    if cell_length < pad_to:
        segments.append(Segment(" " * (pad_to - cell_length), pad_style))
        cell_length = pad_to
    return Strip(segments, cell_length)


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
