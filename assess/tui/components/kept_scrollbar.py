"""A vertical scrollbar that keeps its drawing per state, and the scroll view that has it (the base of the
panes and tables drawn on the line API).

Textual draws a scrollbar through Rich at every change of its proportions, about 1 ms a time: moving to
another norm changes the norm pane's height, so ``j`` paid that twice (a fifth of the key). A pane's
scrollbar takes only a few states (the heights of its norms), so each state's lines are kept and a state
seen before is drawn by a lookup. What is drawn is Textual's own drawing (``tests/test_tui_kept_scrollbar.py``).

Textual's ScrollView also asks its scrollbar for a repaint at every layout of the screen (it compares the
container size it is given with its own, which differ by the gutter), so each return to the audit from a
dialog or the summary counted as a repaint, and the dimmed audit below the next dialog was drawn again. A
repaint asked for while the scrollbar's state is the one last drawn is left out: it would draw the same.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, ClassVar, Self, cast

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from assess.tui.components.kept_styled_lines import KeptStyledLines
from assess.tui.components.laid_out_once import LaidOutOnce


class KeptScrollBar(LaidOutOnce, ScrollBar):
    LIMIT: ClassVar[int] = 64  # states kept per scrollbar

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._kept: OrderedDict[tuple[object, ...], list[Strip]] = OrderedDict()
        self._drawn: tuple[Region, tuple[object, ...]] | None = None  # the crop and state last drawn

    def _state(self, crop: Region) -> tuple[object, ...]:
        """Everything Textual's drawing of the scrollbar depends on (ScrollBar.render and the styles cache)."""
        parent = cast(Widget, self.parent)
        styles, app = parent.styles, self.app
        return (crop, self.size, self.vertical, self.thickness, self.window_size, self.window_virtual_size,
                self.position, bool(self.grabbed), self.mouse_over,
                styles.scrollbar_background, styles.scrollbar_color,
                styles.scrollbar_background_hover, styles.scrollbar_color_hover,
                styles.scrollbar_background_active, styles.scrollbar_color_active,
                parent.background_colors, self.background_colors, self.screen.styles.scrollbar_color.a == 0,
                tuple(self.get_line_filters()), app.ansi_theme, app.native_ansi_color, self.opacity)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        drawn = self._drawn
        if (drawn is not None and not regions and repaint and not layout and not recompose
                and isinstance(self.parent, Widget) and self.is_attached and self._state(drawn[0]) == drawn[1]):
            return self  # it would draw what it shows
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_lines(self, crop: Region) -> list[Strip]:
        if not isinstance(self.parent, Widget):  # its widget was removed, a frame already under way
            return [Strip.blank(crop.width)] * crop.height
        state = self._state(crop)
        self._drawn = (crop, state)
        kept = self._kept.get(state)
        if kept is not None:
            self._kept.move_to_end(state)
            return kept
        # Drawn from scratch for the state as it is now: Textual's caches may still hold a drawing of an
        # earlier state (a change made before the scrollbar was mounted does not clear them), which Textual
        # replaces at its next refresh, but which kept here would stand for this state for good.
        self._layout_cache.clear()  # the Rich renderable, made anew
        self._styles_cache.clear()
        self._dirty_regions.add(self.size.region)
        strips = self._kept[state] = super().render_lines(crop)
        if len(self._kept) > self.LIMIT:
            self._kept.popitem(last=False)
        return strips


class KeptScrollView(ScrollView):
    """A ScrollView whose vertical scrollbar is a :class:`KeptScrollBar`, and whose styled lines are kept per line
    of content (:class:`KeptStyledLines`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = KeptStyledLines()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # made as Textual's Widget.vertical_scrollbar makes its own
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = KeptScrollBar(vertical=True, name="vertical",
                                                             thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def resize_in_place(self, size: Size) -> None:
        """A new virtual size without a layout pass of the screen, for a view whose scrollbar is shown before and
        after: only the scrollbar's proportions change (and the scroll, kept within the new size)."""
        self.set_reactive(ScrollView.virtual_size, size)
        self.vertical_scrollbar.window_virtual_size = size.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)
