"""A modal screen whose dimmed view of the screen below costs a dictionary lookup per piece of text.

Textual draws the screen below a modal through Rich, blending the colours of every piece of text with the
modal's translucent background each time the modal is drawn: about a third of what opening the edit form
cost. Here the same blend is made once per style and kept, and the lines go to Textual as they are, without
Rich. What is drawn is the same, cell for cell (``tests/test_tui_dimmed.py`` compares every dialog with Textual's
own drawing, and the SVG snapshots are unchanged).
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._context import visible_screen_stack  # which screen is below (as Textual's own Screen.render)
from textual.app import RenderResult
from textual.color import Color
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.renderables.blank import Blank
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

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


class DimmedScreen(Visual):
    """The screen below, dimmed, as lines (Textual's strips) straight from its compositor."""

    def __init__(self, below: Screen[object], styles: DimmedStyles) -> None:
        self.below = below
        self.styles = styles

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        size = Size(width, self.below.size.height if height is None else height)
        dim, base = self.styles, style.rich_style
        return [Strip([Segment(segment.text, base + segment.style if segment.control else dim(segment.style, base))
                       for segment in line], line.cell_length)
                for line in self.below._compositor.render_strips(size)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.below.size.height


class DimmedModalScreen(ModalScreen[ResultT]):
    """A ModalScreen (the base of every dialog here) that draws the screen below as Textual's does, cheaper."""

    _dimmed_styles: DimmedStyles | None = None  # kept from one drawing to the next, while the colour is the same

    def render(self) -> RenderResult:  # type: ignore[override]  # Screen narrows it; a Widget may give a Visual
        # Textual's Screen.render, but for the screen below
        background = self.styles.background
        try:
            below = visible_screen_stack.get().pop()
        except LookupError:
            below = None
        if below is not None and below is not self and background.a < 1:
            styles = self._dimmed_styles
            if styles is None or styles.color != background:
                styles = self._dimmed_styles = DimmedStyles(background)
            return DimmedScreen(below, styles)
        if background.is_transparent:
            return self.app.render()
        return Blank(background)
