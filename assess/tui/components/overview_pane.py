"""The summary's overview on the line API: its lines drawn once and kept while they read the same, its height
that of its lines (no measuring by rendering), scrolled by itself where the screen is low."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip

from assess.tui.components.kept_scrollbar import KeptScrollView
from assess.tui.components.line_strips import LineStrips
from assess.tui.css import stylesheet

MAX_LINES_KEPT = 400  # distinct lines remembered (a few per change of score); past this it starts again


class OverviewPane(KeptScrollView, can_focus=False):
    DEFAULT_CSS = stylesheet(__file__)

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Content] = []
        self._strips: list[Strip] = []
        # the lines (this list object), the width and the style (another theme: other colours)
        self._built_for: tuple[list[Content], int, object] | None = None
        # a line that reads the same (text and styles) as one shown before is that Content object, so its
        # strip is looked up (LineStrips keeps strips per object)
        self._same: dict[tuple[object, ...], Content] = {}
        self._line_strips = LineStrips(self, pad=False)

    def show(self, lines: Sequence[Content]) -> None:
        """Show ``lines`` (one line each, cut at the width with "…"), then a blank line."""
        if len(self._same) > MAX_LINES_KEPT:
            self._same.clear()
        kept = [self._same.setdefault((line.plain, *line.spans), line) for line in [*lines, Content("")]]
        if len(kept) == len(self._lines) and all(a is b for a, b in zip(kept, self._lines, strict=True)):
            return
        self._lines = kept
        if len(kept) != self.virtual_size.height:
            self.virtual_size = Size(self.virtual_size.width, len(kept))  # another height: a layout pass
        self._rebuild()

    def render(self) -> Content:
        """Every line as one text (what the tests read)."""
        return Content("\n").join(self._lines)

    def on_resize(self) -> None:
        self._rebuild()

    def _rebuild(self, painting: bool = False) -> None:
        width = self.scrollable_content_region.width
        # by identity: Content compares its text only, and a line may change its style alone
        style = self.visual_style
        if width <= 0 or (self._built_for is not None and self._built_for[0] is self._lines
                          and self._built_for[1:] == (width, style)):
            return
        self._built_for = (self._lines, width, style)
        old = self._strips
        self._strips = self._line_strips.strips(self._lines, width)
        if self.virtual_size.width != width:
            self.set_reactive(OverviewPane.virtual_size, Size(width, len(self._lines)))
        if painting:
            return
        if len(old) != len(self._strips):
            self.refresh()
            return
        for y, (was, strip) in enumerate(zip(old, self._strips, strict=True)):
            if was is not strip:
                self.refresh_line(y)

    def render_line(self, y: int) -> Strip:
        self._rebuild(painting=True)
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return Strip([])
