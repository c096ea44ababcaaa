"""The footer of the audit and summary screens: Textual's compact footer, packed tighter to fit 80 columns.

Textual's footer builds its keys anew (a widget each, styled and laid out) whenever the screen's bindings
may have changed: on every return to the screen, every change of focus, every ``refresh_bindings``. That
cost most of a frame and often several. This one rebuilds only when what it shows changed, and when only
the words changed (the language) it changes the words of the keys it has.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from assess.tui.css import stylesheet

if TYPE_CHECKING:
    from textual.screen import Screen

# What a footer shows, as Footer.compose lays it out: runs of keys, a run of one group's keys (group description
# and compactness; None for keys shown apart) with per key (key, key shown, description, action, enabled,
# tooltip). Without the words, it is the footer's layout.
FooterKeyShown = tuple[str, str, str, str, bool, str]
Shown = tuple[tuple[str | None, bool, tuple[FooterKeyShown, ...]], ...]


class CompactFooter(Footer):
    DEFAULT_CSS = stylesheet(__file__)

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)  # ctrl+p is in help; 80 columns are full
        self._composed: Shown | None = None

    def shown(self) -> Shown:
        """What :meth:`Footer.compose` would show now (the command palette key is never shown here)."""
        by_action: defaultdict[str, list[FooterKeyShown]] = defaultdict(list)
        groups: dict[str, Binding.Group | None] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding.key, self.app.get_key_display(binding), binding.description,
                                                  binding.action, enabled, tooltip))
                groups.setdefault(binding.action, binding.group)
        runs: list[tuple[str | None, bool, tuple[FooterKeyShown, ...]]] = []
        for group, actions in groupby(by_action, lambda action: groups[action]):
            keys = tuple(by_action[action][0] for action in actions)
            if group is not None and len(keys) > 1:
                runs.append((group.description, group.compact, keys))
            else:
                runs.extend((None, False, (key,)) for key in keys)
        return tuple(runs)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._show_changes)

    async def _show_changes(self) -> None:
        if not self.is_attached:
            return
        shown = self.shown()
        before, self._composed = self._composed, shown
        if shown == before:
            return
        if before is not None and _layout(shown) == _layout(before) and self._relabel(shown):
            return
        await self.recompose()

    def _relabel(self, shown: Shown) -> bool:
        """Only the words changed: put them on the keys there are (no new widgets); False if that cannot be."""
        keys = list(self.query(FooterKey))
        labels = list(self.query(FooterLabel))
        rows = [(description, key) for description, _compact, run in shown for key in run]
        group_labels = [description for description, _compact, _run in shown if description is not None]
        if len(keys) != len(rows) or len(labels) != len(group_labels):
            return False
        for widget, (group, (_key, display, description, _action, _enabled, tooltip)) in zip(keys, rows, strict=True):
            # as Footer.compose words them: a key of a group shows no description of its own
            widget.key_display = display
            widget.description = "" if group is not None else description
            widget.tooltip = (tooltip or description) if group is not None else (tooltip or None)
            widget.refresh(layout=True)
        for footer_label, text in zip(labels, group_labels, strict=True):
            footer_label.update(text)
        return True


def _layout(shown: Shown) -> tuple[object, ...]:
    """What decides the footer's widgets: the runs, their compactness, each key and action and whether enabled."""
    return tuple((description is None, compact, tuple((key[0], key[3], key[4]) for key in run))
                 for description, compact, run in shown)
