"""The footer of the audit and summary screens: looks as Textual's compact footer, packed tighter to fit 80
columns, but is one widget that draws its one line itself.

Textual's footer is a widget per key (and per group and group label), laid out side by side: about twenty
widgets on the audit screen, each styled, laid out and visited on every frame, and a change of the words
(the language) relaid out the whole screen. This one draws the same keys, in the same places and styles, as
one line: new words are a repaint of that line, never a layout pass. A click on a key presses it, hovering a
key highlights it and shows its tooltip, as Textual's does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

from assess.tui.components.laid_out_once import LaidOutOnce
from assess.tui.css import stylesheet

if TYPE_CHECKING:
    from textual.screen import Screen

# What a footer shows, as Textual's Footer.compose lays it out: runs of keys, a run of one group's keys (group
# description and compactness; None for keys shown apart) with per key (key, key shown, description, action,
# enabled, tooltip), and whether the run is the app's keys (help, quit, a conflict waiting: kept in sight).
FooterKeyShown = tuple[str, str, str, str, bool, str]
Run = tuple[str | None, bool, tuple[FooterKeyShown, ...], bool]
Shown = tuple[Run, ...]
MORE = "…"  # in place of the keys that do not fit
DIM = Style(dim=True)  # a key that does nothing now


@dataclass(frozen=True)
class _Span:
    """One key's cells on the line: [start, end), and what a click or hover there means."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str | None


class CompactFooter(LaidOutOnce, Widget, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = stylesheet(__file__)
    # As Textual's FooterKey and FooterLabel style them (their colours come from the theme's footer variables).
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compact-footer--key",
        "compact-footer--description",
        "compact-footer--label",
        "compact-footer--hover",
    }

    def __init__(self) -> None:
        super().__init__(classes="-compact")
        self._shown: Shown = ()
        self._spans: tuple[_Span, ...] = ()
        self._hover: int | None = None  # index into _spans of the key under the mouse
        self._line: tuple[tuple[object, ...], Strip] | None = None  # the line drawn, and for what
        self._changes_pending = False  # the keys are to be worked out again (the bindings changed)

    def shown(self) -> Shown:
        """What Textual's footer would show now (the command palette key is never shown here)."""
        by_action: defaultdict[str, list[FooterKeyShown]] = defaultdict(list)
        groups: dict[str, Binding.Group | None] = {}
        apps: set[str] = set()
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding.key, self.app.get_key_display(binding), binding.description,
                                                  binding.action, enabled, tooltip))
                groups.setdefault(binding.action, binding.group)
                if node is self.app:
                    apps.add(binding.action)
        runs: list[Run] = []
        for group, actions in groupby(by_action, lambda action: groups[action]):
            keys = tuple(by_action[action][0] for action in actions)
            if group is not None and len(keys) > 1:
                runs.append((group.description, group.compact, keys, all(key[3] in apps for key in keys)))
            else:
                runs.extend((None, False, (key,), key[3] in apps) for key in keys)
        return tuple(runs)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._shown = self.shown()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus:
            return
        # Next in this widget's queue, so before the screen's next frame: Textual's footer waits for that frame
        # to be drawn and draws its keys in a frame of their own, which cost as much again for a change of
        # language or screen. Changes until then are shown at once.
        if self.is_attached and screen is self.screen and not self._changes_pending:
            self._changes_pending = True
            self.call_later(self._show_changes)

    def _show_changes(self) -> None:
        self._changes_pending = False
        if not self.is_attached:
            return
        shown = self.shown()
        if shown != self._shown:
            self._shown = shown
            self.refresh()  # one line repainted: its size never changes

    def render_line(self, y: int) -> Strip:
        """The keys as Textual's compact footer places and styles them: a group's keys side by side, then the
        group's label; a key apart as its key and description; a cell of the footer between them."""
        if y:
            return Strip.blank(self.size.width, self.rich_style)
        drawn_for = (self._shown, self._hover, self.size.width, self.rich_style,
                     self.get_component_rich_style("compact-footer--key"))  # the styles: a change of theme
        if self._line is None or self._line[0] != drawn_for:
            self._line = (drawn_for, self._draw())
        return self._line[1]

    def _draw(self) -> Strip:
        key_style = self.get_component_rich_style("compact-footer--key")
        description_style = self.get_component_rich_style("compact-footer--description")
        label_style = self.get_component_rich_style("compact-footer--label")
        hover = self.get_component_rich_style("compact-footer--hover")
        gap = Style(bgcolor=self.rich_style.bgcolor)  # the footer's own cells: margins, a group's padding
        segments: list[Segment] = []
        spans: list[_Span] = []
        at = 0

        def add(text: str, style: Style) -> None:
            nonlocal at
            if text:
                segments.append(Segment(text, style))
                at += cell_len(text)

        def add_key(key: FooterKeyShown, description: str, tooltip: str | None) -> None:
            key_name, display, _description, _action, enabled, _tooltip = key
            shown_key, shown_description = key_style, description_style
            if len(spans) == self._hover:
                shown_key = hover + Style(color=key_style.color, bold=True)
                shown_description = hover + Style(color=description_style.color)
            if not enabled:
                shown_key, shown_description = shown_key + DIM, shown_description + DIM
            start = at
            add(display, shown_key)
            if description:
                add(f" {description}", shown_description)
            spans.append(_Span(start, at, key_name, enabled, tooltip))

        for index, run in enumerate(self._fitting(self.size.width)):
            if index:
                add(" ", gap)  # the right margin of what came before
            if run is None:
                add(MORE, label_style)
                continue
            group, compact, keys, _app = run
            if group is None:
                key = keys[0]
                add_key(key, key[2], key[5] or None)
                continue
            for position, key in enumerate(keys):
                if position and not compact:
                    add(" ", gap)
                add_key(key, "", key[5] or key[2])
            add(" ", gap)  # the group's right padding
            add(group, label_style)
        width = self.size.width
        self._spans = tuple(spans)
        strip = Strip(segments, at).crop(0, width)
        return strip.extend_cell_length(width, gap) if strip.cell_length < width else strip

    def _fitting(self, width: int) -> Sequence[Run | None]:
        """The runs that fit in ``width``, whole: all of them when they fit; else the app's keys at the end (help,
        quit, a conflict waiting) and before them as many of the screen's as fit, then None (drawn as "…")."""
        runs = list(self._shown)
        if _line_width(runs) <= width:
            return runs
        tail = len(runs)
        while tail and runs[tail - 1][3]:
            tail -= 1
        head, kept = runs[:tail], runs[tail:]
        fitting: list[Run | None] = []
        for run in head:
            if _line_width([*fitting, run, None, *kept]) > width:
                break
            fitting.append(run)
        return [*fitting, None, *kept]

    # -- the mouse: as on Textual's footer keys ------------------------------------------------------

    def _span_at(self, x: int) -> int | None:
        return next((index for index, span in enumerate(self._spans) if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._span_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = self._spans[index].tooltip if index is not None else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._span_at(event.x)
        if index is None:
            return
        span = self._spans[index]
        if span.enabled:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()


def _run_width(run: Run | None) -> int:
    """The cells :meth:`CompactFooter._draw` gives ``run`` (None: the "…")."""
    if run is None:
        return cell_len(MORE)
    group, compact, keys, _app = run
    if group is None:
        display, description = keys[0][1], keys[0][2]
        return cell_len(display) + (1 + cell_len(description) if description else 0)
    gaps = 0 if compact else len(keys) - 1
    return sum(cell_len(key[1]) for key in keys) + gaps + 1 + cell_len(group)


def _line_width(runs: Sequence[Run | None]) -> int:
    return sum(_run_width(run) for run in runs) + max(len(runs) - 1, 0)
