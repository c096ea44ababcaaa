"""The audit app: owns the assessment, the language, the filter and the autosave; screens show them."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.events import AppFocus
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen

from assess.analysis.scoring import Scorecard, score
from assess.errors import InputError
from assess.model.assessment import Answer, Assessment
from assess.model.catalog import Catalog
from assess.tui import session
from assess.tui.autosave import Autosaver
from assess.tui.components.audit_screen import AuditScreen
from assess.tui.components.conflict_screen import ConflictDetails, ConflictScreen
from assess.tui.components.edit_screen import EditScreen
from assess.tui.components.help_screen import HelpRow, HelpScreen
from assess.tui.keymap import keymap_path, shown_path
from assess.tui.keys import APP_KEYS, AUDIT_KEYS, SUMMARY_KEYS, Key, make_bindings, translated
from assess.tui.labels import label
from assess.tui.session import Filter, Opened, Walk

CHECK_DISK_EVERY = 2.0  # seconds between looks at the file for changes made outside assess


@dataclass(frozen=True)
class SaveState:
    kind: str = "saved"  # saved | conflict | failed
    detail: str = ""


class AuditApp(App[None]):
    TITLE = "assess"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [*make_bindings(APP_KEYS, "en")]

    # var, not reactive: the screens decide what to repaint (a repaint of everything costs a frame)
    lang: var[str] = var("en", init=False)
    assessment: var[Assessment] = var(None, init=False, always_update=True)  # type: ignore[arg-type]
    norm_filter: var[Filter] = var(Filter, init=False)
    save_state: var[SaveState] = var(SaveState, init=False)

    class Saved(Message):
        def __init__(self, fingerprint: str) -> None:
            super().__init__()
            self.fingerprint = fingerprint

    class ChangedOnDisk(Message):
        pass

    class SaveFailed(Message):
        def __init__(self, error: OSError) -> None:
            super().__init__()
            self.error = error

    def __init__(self, opened: Opened, catalog: Catalog, lang: str, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.path = opened.path
        self.catalog = catalog
        self.set_reactive(AuditApp.lang, lang)
        self.set_reactive(AuditApp.assessment, opened.assessment)
        self._warnings = opened.warnings
        self._user_keymap = dict(keymap or {})
        self._card: Scorecard | None = None
        self._conflict_open = False
        self._quit_warned = False
        self.autosaver = Autosaver(opened.path, catalog, opened.fingerprint, self)

    # -- state the screens read --------------------------------------------------------------------

    @property
    def card(self) -> Scorecard:
        """The scorecard of the current assessment, from :func:`assess.analysis.scoring.score`."""
        if self._card is None or self._card.assessment is not self.assessment:
            self._card = score(self.assessment, self.catalog)
        return self._card

    def walk(self, norm_filter: Filter | None = None) -> Walk:
        return Walk.of(self.catalog, self.assessment, self.norm_filter if norm_filter is None else norm_filter)

    def record(self, norm_id: str, answer: Answer) -> None:
        """Change one answer; it is written to disk at once."""
        updated = self.assessment.with_answer(norm_id, answer)
        if updated.answers == self.assessment.answers:
            return
        self.assessment = updated
        self._quit_warned = False
        self.autosaver.save(updated)

    def translate_bindings(self, node: App[None] | Screen[Any], keys: tuple[Key, ...]) -> None:
        """Describe ``node``'s keys in the current language (Textual applies the keymap on top)."""
        node._bindings = translated(node._bindings, keys, self.lang)
        node.refresh_bindings()

    async def saved(self) -> None:
        """Wait until every change so far is on disk (or refused), and its news delivered."""
        await asyncio.wrap_future(self.autosaver.flushed())
        await asyncio.sleep(0)

    # -- lifecycle ---------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return AuditScreen()

    def on_mount(self) -> None:
        self.translate_bindings(self, APP_KEYS)
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        for warning in self._warnings:
            self.notify(str(warning), title=label("audit.warning", self.lang), severity="warning", timeout=10)
        self.set_interval(CHECK_DISK_EVERY, self.autosaver.check)

    def on_ready(self) -> None:
        # What exists now (catalog, widgets, styles) lives as long as the app: keep it out of the
        # garbage collector's full passes, which otherwise stall a keystroke now and then.
        gc.freeze()

    def on_app_focus(self, _event: AppFocus) -> None:
        self.autosaver.check()

    async def action_quit(self) -> None:
        if isinstance(self.screen, EditScreen):
            await self.screen.fields_settled()
            if not self.screen.may_discard():
                return
        await self.saved()
        if self.autosaver.unsaved and not self.autosaver.blocked:  # an earlier write failed: try once more
            self.autosaver.check()
            await self.saved()
        if self.autosaver.blocked:
            self._show_conflict()
            return
        if self.autosaver.unsaved and not self._quit_warned:  # still not written: quit only when asked twice
            self._quit_warned = True
            self.notify(label("quit.unsaved", self.lang), severity="error", timeout=10)
            return
        self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c (outside a text field): say how to quit, in the user's language and with the user's key."""
        keys = {active.binding.id: self.get_key_display(active.binding) or key
                for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")}
        if keys:
            self.notify(label("quit.how", self.lang, key=keys.get("quit") or next(iter(keys.values()))))

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"

    def watch_lang(self) -> None:
        self.translate_bindings(self, APP_KEYS)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_rows(), shown_path(keymap_path()), self.lang))

    def help_rows(self) -> tuple[HelpRow, ...]:
        """Each key of the screen below and of the app, with the keys the keymap gave it."""
        found: dict[str, list[str]] = {}
        for key, active in self.screen.active_bindings.items():
            if active.binding.id:
                found.setdefault(active.binding.id, []).append(self.get_key_display(active.binding) or key)
        rows = []
        for known in AUDIT_KEYS + SUMMARY_KEYS + APP_KEYS:
            if known.id in found:
                rows.append(HelpRow(" ".join(found[known.id]), label(known.help_label, self.lang), known.id))
        return tuple(rows)

    # -- saving (the listener methods run on the autosave thread: post messages only) ----------

    def saved_to_disk(self, fingerprint: str) -> None:
        self.post_message(self.Saved(fingerprint))

    def changed_on_disk(self) -> None:
        self.post_message(self.ChangedOnDisk())

    def save_failed(self, error: OSError) -> None:
        self.post_message(self.SaveFailed(error))

    def on_audit_app_saved(self, _message: Saved) -> None:
        self._quit_warned = False
        if not self.autosaver.blocked:
            self.save_state = SaveState("saved")

    def on_audit_app_save_failed(self, message: SaveFailed) -> None:
        reason = message.error.strerror or str(message.error)
        state = SaveState("failed", reason)
        if self.save_state != state:  # say it once, not at every retry (every few seconds)
            self.notify(label("save.failed", self.lang, error=reason), severity="error", timeout=10)
        self.save_state = state

    def on_audit_app_changed_on_disk(self, _message: ChangedOnDisk) -> None:
        self._show_conflict()

    def _show_conflict(self) -> None:
        self.save_state = SaveState("conflict")
        if self._conflict_open:
            return
        self._conflict_open = True
        self.push_screen(ConflictScreen(self._conflict_details(), self.lang), self._resolve_conflict)

    def _conflict_details(self) -> ConflictDetails:
        if not self.path.exists():
            return ConflictDetails(self.path.name, gone=True)
        try:
            disk = session.read(self.path, self.catalog).assessment
        except InputError as error:
            return ConflictDetails(self.path.name, problems=tuple(str(p) for p in error.problems))
        settings = tuple(dict.fromkeys(self.assessment.settings + disk.settings))
        ids = tuple(n.id for n in self.catalog.items_for(settings)
                    if disk.answer(n.id) != self.assessment.answer(n.id))
        return ConflictDetails(self.path.name, differing=ids)

    def _resolve_conflict(self, choice: str | None) -> None:
        self._conflict_open = False
        if choice == "keep":
            self.autosaver.overwrite(self.assessment)
            self.notify(label("conflict.kept", self.lang))
        elif choice == "reload":
            try:
                opened = session.read(self.path, self.catalog)
            except InputError:
                self._show_conflict()
                return
            self.autosaver.adopt(opened.fingerprint)
            self.save_state = SaveState("saved")
            self.assessment = opened.assessment
            self.notify(label("conflict.reloaded", self.lang))
        else:
            self._show_conflict()
