"""A modal screen whose dimmed view of the screen below costs a dictionary lookup per piece of text.

Textual draws the screen below a modal through Rich, blending the colours of every piece of text with the
modal's translucent background each time the modal is drawn: about a third of what opening the edit form
cost. Here the same blend is made once per style and kept, and the lines go to Textual as they are, without
Rich. What is drawn is the same, cell for cell (``tests/test_tui_dimmed.py`` compares every dialog with Textual's
own drawing, and the SVG snapshots are unchanged).

Over a screen that counts its repaints (:class:`CountsRepaints`, the audit), the dimmed drawing is kept as long
as the count, the size and the colours stand: a dialog opened again over an audit that did not change since
costs no drawing of the audit at all.
"""

from __future__ import annotations

from typing import TypeVar
from weakref import WeakKeyDictionary, ref

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import messages
from textual._context import visible_screen_stack  # which screen is below (as Textual's own Screen.render)
from textual.app import RenderResult
from textual.color import Color
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.renderables.blank import Blank
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from assess.tui.components.kept_background import KeptBackground
from assess.tui.components.laid_out_once import DrawnOnce

ResultT = TypeVar("ResultT")

_PLAIN = RichStyle()


class DimmedStyles:
    """Each style of the screen below, blended with ``color`` as Textual's BackgroundScreen does and put on the
    dialog's own style as Textual's Widget.post_render does, once per style."""

    LIMIT = 4096  # styles kept (a screen has a few hundred); past it the blends are made again

    def __init__(self, color: Color) -> None:
        self.color = color
        self._base: RichStyle | None = None
        self._dimmed: dict[RichStyle | None, RichStyle] = {}

    def __call__(self, style: RichStyle | None, base: RichStyle = _PLAIN) -> RichStyle:
        if base != self._base or len(self._dimmed) > self.LIMIT:
            self._base, self._dimmed = base, {}
        dimmed = self._dimmed.get(style)
        if dimmed is None:
            dimmed = self._dimmed[style] = base + self._blend(style)
        return dimmed

    def _blend(self, style: RichStyle | None) -> RichStyle:
        style = _PLAIN if style is None else style.clear_meta_and_links()
        color = self.color
        if color.a == 0:
            return style
        foreground = (Color.from_rich_color(style.color) + color).rich_color if style.color is not None else None
        background = (Color.from_rich_color(style.bgcolor) + color).rich_color if style.bgcolor is not None else None
        return style + RichStyle.from_color(foreground, background)


class CountsRepaints:
    """A screen that counts what its widgets ask for that may change its drawing: a repaint, a layout, a scroll.

    Textual asks for each with a message to the widget's screen (Update, Layout, UpdateScroll), also while a
    dialog is on top; a resize changes the size the drawing is kept for.
    """

    repaints = 0

    def on_update(self, _message: messages.Update) -> None:
        self.repaints += 1

    def on_layout(self, _message: messages.Layout) -> None:
        self.repaints += 1

    def on_update_scroll(self, _message: messages.UpdateScroll) -> None:
        self.repaints += 1


# screen below -> (what the drawing was made for, the dimmed lines)
_KEPT: WeakKeyDictionary[Screen[object], tuple[tuple[object, ...], list[Strip]]] = WeakKeyDictionary()


class DimmedScreen(Visual):
    """The screen below, dimmed, as lines (Textual's strips) straight from its compositor."""

    def __init__(self, below: Screen[object], styles: DimmedStyles) -> None:
        self.below = below
        self.styles = styles

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.lines(width, height, style)

    def lines(self, width: int, height: int | None, style: Style) -> list[Strip]:
        below = self.below
        size = Size(width, below.size.height if height is None else height)
        dim, base = self.styles, style.rich_style
        made_for = (below.repaints, size, below.size, dim.color, base) if isinstance(below, CountsRepaints) else None
        kept = _KEPT.get(below)
        if made_for is not None and kept is not None and kept[0] == made_for:
            return kept[1]
        strips = [Strip([Segment(segment.text, base + segment.style if segment.control else dim(segment.style, base))
                         for segment in line], line.cell_length)
                  for line in below._compositor.render_strips(size)]
        if len(strips) != size.height or any(strip.cell_length != width for strip in strips):
            # the screen below is not laid out at this size yet (the terminal was resized, and this screen is drawn
            # first): its lines as far as they go, the rest blank; it is drawn again once laid out (a repaint)
            blank = dim(RichStyle(bgcolor=below.background_colors[1].rich_color), base)
            strips = [strip.adjust_cell_length(width, blank) for strip in strips[:size.height]]
            strips += [Strip.blank(width, blank)] * (size.height - len(strips))
        if made_for is not None:
            _KEPT[below] = (made_for, strips)
        return strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.below.size.height


def _screen_below(take: bool = False) -> Screen[object] | None:
    """The screen drawn below the one being drawn, as Textual's own Screen.render finds it; ``take``: taken off
    the stack of screens being drawn, as Textual's does (the screen below, drawn in turn, finds the next one)."""
    try:
        stack = visible_screen_stack.get()
        return stack.pop() if take else stack[-1]
    except (LookupError, IndexError):
        return None


class DimmedModalScreen(KeptBackground, DrawnOnce, ModalScreen[ResultT]):
    """A ModalScreen (the base of every dialog here) that draws the screen below as Textual's does, cheaper; its
    background (that dimmed screen) is kept while the screen below counts no repaint."""

    _dimmed_styles: DimmedStyles | None = None  # kept from one drawing to the next, while the colour is the same

    def _background_drawn_from(self) -> tuple[object, ...] | None:
        below = _screen_below()
        if not isinstance(below, CountsRepaints) or below is self:
            return None
        return (ref(below), below.repaints, below.size)

    def _draw_background(self, crop: Region) -> list[Strip]:
        """The dimmed screen below as the lines of this screen, without Textual's styling of each line.

        With no border, padding, outline, tint, hatch, opacity or alignment on this screen, that styling gives
        back the dimmed lines as they are, copied into new lines; the line filters (true colour for ANSI
        colours, NO_COLOR) are applied as Textual applies them. Otherwise, Textual draws them.
        """
        styles, background = self.styles, self.styles.background
        below = _screen_below()
        if (below is None or below is self or background.a >= 1
                or styles.gutter or any(edge for edge, _ in styles.outline)
                or styles.tint.a or self.opacity != 1 or styles.text_opacity != 1
                or (styles.has_rule("hatch") and styles.hatch != "none")
                or styles.content_align != ("left", "top") or self.text_selection is not None):
            return super()._draw_background(crop)
        visual = self.render()  # takes the screen below off the stack of screens drawn, as Textual's does
        assert isinstance(visual, DimmedScreen)
        # the size this screen is laid out at, which the lines are cut to: after a resize, its size is the new
        # one a moment before its layout is
        width, height = self._compositor.size
        lines = visual.lines(width, height, self.visual_style)
        inner = self.background_colors[1]
        for line_filter in self.get_line_filters():
            lines = [line.apply_filter(line_filter, inner) for line in lines]
        lines = lines[crop.y:crop.bottom]
        if crop.column_span != (0, width):
            lines = [line.crop(*crop.column_span) for line in lines]
        return lines

    def render(self) -> RenderResult:  # type: ignore[override]  # Screen narrows it; a Widget may give a Visual
        # Textual's Screen.render, but for the screen below
        background = self.styles.background
        below = _screen_below(take=True)
        if below is not None and below is not self and background.a < 1:
            styles = self._dimmed_styles
            if styles is None or styles.color != background:
                styles = self._dimmed_styles = DimmedStyles(background)
            return DimmedScreen(below, styles)
        if background.is_transparent:
            return self.app.render()
        return Blank(background)
