"""Widgets that take their new size from one layout pass, and screens drawn once when a layout and a full
repaint fall in the same update.

After laying a screen out, Textual sets each widget's virtual size as a reactive that asks for a layout of the
whole screen again, although the pass that measured it has just placed everything (Textual's own partial pass
sets it without one). So the edit form opened on a norm whose text takes other lines was laid out twice.
:class:`LaidOutOnce` widgets take the virtual size as that partial pass does; a scrolling one still asks for a
layout when it has to show or hide a scrollbar (that is a reactive of its own).

A screen opened again with a layout pending (its text took other lines, it was relabelled) was drawn twice in
the same update: the layout draws what it moved, then the repaint of the opened screen draws all of it.
:class:`DrawnOnce` leaves out the first drawing when the second follows in the same update.

A widget repainted just before the whole screen is drawn (the summary's table, refilled as it opens) tells the
screen a moment later, and Textual draws its rows again in a frame of their own, although the whole drawing has
just shown them. :class:`DrawnOnce` drops what such a widget asked to repaint as the whole screen is drawn; a
repaint asked for after that is drawn in the next frame, as ever.
"""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size

from assess.tui.components.mixin_bases import ScreenMixin, WidgetMixin


class LaidOutOnce(WidgetMixin):
    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OnceVertical(LaidOutOnce, Vertical):
    pass


class OnceVerticalScroll(LaidOutOnce, VerticalScroll):
    pass


class DrawnOnce(ScreenMixin):
    _whole_drawing_follows = False  # set for the one layout of an update that ends in a full repaint
    _drawing_left_out = False

    def _on_timer_update(self) -> None:
        # the conditions under which Screen._on_timer_update lays out and then repaints the whole screen
        self._whole_drawing_follows = (self._layout_required and self._repaint_required and self.is_current
                                       and not self.app._batch_count)
        try:
            super()._on_timer_update()
        finally:
            self._whole_drawing_follows = False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        if not self._whole_drawing_follows:
            super()._refresh_layout(size, scroll)
            return
        self._whole_drawing_follows = False
        self._drawing_left_out = True
        try:
            super()._refresh_layout(size, scroll)
        finally:
            self._drawing_left_out = False

    def _compositor_refresh(self) -> None:
        if self._drawing_left_out:
            return
        compositor = self._compositor
        if self is self.app.screen and compositor.size.region in compositor._dirty_regions:  # a whole drawing
            for widget in compositor.visible_widgets:
                widget._repaint_regions.clear()
        super()._compositor_refresh()
