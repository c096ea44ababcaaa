"""Every key of the TUI, with the id a user's keymap uses to move it (see ``keymap.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from assess.tui.labels import label

if TYPE_CHECKING:
    from textual.binding import Binding, BindingsMap
    from textual.screen import Screen


@dataclass(frozen=True)
class Key:
    """One key of a screen: its id, the Textual keys, the action, and how the footer and help name it."""

    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    label: str  # labels.py key of the footer text
    long: str | None = None  # labels.py key of the help text (default: ``label``)
    group: str | None = None  # labels.py key: keys with one group share one footer entry
    show: bool = True
    key_display: str | None = None

    @property
    def help_label(self) -> str:
        return self.long or self.label


APP_KEYS = (
    Key("language", "l", "toggle_language", "key.language", "key.language_long", show=False),  # help, palette
    Key("help", "question_mark", "help", "key.help"),
    Key("quit", "q", "quit", "key.quit", "key.quit_long"),
    Key("palette", "ctrl+p", "command_palette", "key.palette", "key.palette_long", show=False),
    Key("conflict", "c", "conflict", "key.conflict", "key.conflict_long"),  # shown only while a choice waits
    Key("take-over", "ctrl+w", "take_over", "key.take_over", "key.take_over_long"),  # only when another has it
)

AUDIT_KEYS = (
    Key("score-met", "m", "score('met')", "key.met", group="key.score"),
    Key("score-partial", "p", "score('partial')", "key.partial", group="key.score"),
    Key("score-not-met", "n", "score('not_met')", "key.not_met", group="key.score"),
    Key("score-na", "a", "score('na')", "key.na", group="key.score"),
    Key("clear", "u", "score(None)", "key.clear", group="key.score"),
    Key("next", "down,j", "next", "key.next", group="key.norm"),
    Key("previous", "up,k", "previous", "key.previous", group="key.norm"),
    Key("next-open", "g", "next_open", "key.next_open", "key.next_open_long", group="key.norm"),
    Key("next-section", "right_square_bracket", "next_section", "key.next_section", group="key.section"),
    Key("previous-section", "left_square_bracket", "previous_section", "key.previous_section", group="key.section"),
    Key("edit", "e", "edit", "key.edit", "key.edit_long"),
    Key("summary", "s", "summary", "key.summary", "key.summary_long"),
    Key("filter", "f", "filter", "key.filter", "key.filter_long"),
    Key("details", "i", "details", "key.details", "key.details_long"),
    Key("overview", "o", "overview", "key.overview", "key.overview_long", show=False),  # help, palette
    Key("describe", "d", "describe", "key.describe", "key.describe_long", show=False),  # hint in the pane
    Key("page-down", "pagedown", "scroll_text(1)", "key.page_down", show=False),
    Key("page-up", "pageup", "scroll_text(-1)", "key.page_up", show=False),
    Key("undo", "ctrl+z", "undo", "key.undo", "key.undo_long", show=False),
    Key("redo", "ctrl+y", "redo", "key.redo", "key.redo_long", show=False),
)

SUMMARY_KEYS = (
    Key("export", "x", "export", "key.export", "key.export_long"),
    Key("back", "escape,s", "back", "key.back"),
)

OVERVIEW_KEYS = (
    Key("overview-filter", "f", "filter", "key.filter", "key.filter_long"),
    Key("overview-back", "escape,o", "back", "key.back"),
)

# The conflict dialog: only keys nobody types in a text (a letter typed as the dialog pops up chooses nothing).
CONFLICT_KEYS = (
    Key("conflict-reload", "ctrl+l", "choose('reload')", "key.reload", "key.reload_long"),
    Key("conflict-keep", "ctrl+o", "choose('keep')", "key.keep", "key.keep_long"),
    Key("conflict-retry", "ctrl+t", "choose('retry')", "key.retry"),
    Key("conflict-later", "escape", "later", "key.later", "key.later_long"),
)

ALL_KEYS = APP_KEYS + AUDIT_KEYS + SUMMARY_KEYS + OVERVIEW_KEYS + CONFLICT_KEYS
# result id -> the key that scores it (the pane's result row names these keys)
SCORE_KEYS = {key.action.removeprefix("score('").removesuffix("')"): key
              for key in AUDIT_KEYS if key.action.startswith("score('")}


def make_bindings(keys: Iterable[Key], lang: str) -> list[Binding]:
    """Textual bindings for ``keys``, described in ``lang``."""
    from textual.binding import Binding

    groups: dict[str, Binding.Group] = {}
    bindings = []
    for key in keys:
        group = None
        if key.group:
            group = groups.setdefault(key.group, Binding.Group(label(key.group, lang), compact=True))
        bindings.append(Binding(key.keys, key.action, label(key.label, lang), show=key.show, id=key.id,
                                group=group, key_display=key.key_display, tooltip=label(key.help_label, lang)))
    return bindings


def translated(bindings: BindingsMap, keys: Iterable[Key], lang: str) -> BindingsMap:
    """A copy of ``bindings`` whose bindings with one of ``keys``' ids are described in ``lang``.

    Textual has no public way to change a binding's description while the app runs; a node's
    ``_bindings`` map is replaced with this copy (the user's keymap still applies on top).
    """
    from textual.binding import BindingsMap

    fresh = {binding.id: binding for binding in make_bindings(keys, lang)}
    key_to_bindings = {
        key: [replace(fresh[b.id], key=b.key, key_display=b.key_display) if b.id in fresh else b for b in items]
        for key, items in bindings.key_to_bindings.items()
    }
    return BindingsMap.from_keys(key_to_bindings)


def shown_keys(screen: Screen[Any]) -> dict[str, str]:
    """Binding id -> the first key that does it on ``screen``, as shown (after the user's keymap)."""
    shown: dict[str, str] = {}
    for key, active in screen.active_bindings.items():
        if active.binding.id and active.binding.id not in shown:
            shown[active.binding.id] = screen.app.get_key_display(active.binding) or key
    return shown
