"""The audit app: owns the assessment, the language, the filter and the autosave; screens show them.

Why about 530 lines: the app is where every change to the assessment meets autosave, undo, the conflict with
the file on disk, drafts and the read-only state, which must stay in one order; what does not need Textual
is in plain modules beside it (session, autosave, conflict, lock, state, history).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.events import AppFocus
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from assess.analysis.scoring import Scorecard, score
from assess.errors import InputError
from assess.files.storage import digest, fingerprint, write_backup
from assess.files.writer import dump
from assess.model.assessment import Answer, Assessment, is_signed
from assess.model.catalog import Catalog
from assess.tui import lock, session
from assess.tui.autosave import Autosaver
from assess.tui.components.audit_screen import AuditScreen
from assess.tui.components.screen_kinds import Form, ReturnsNorm
from assess.tui.components.too_small_screen import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from assess.tui.history import Change, History, WholeChange
from assess.tui.keymap import keymap_path, shown_path
from assess.tui.keys import APP_KEYS, AUDIT_KEYS, OVERVIEW_KEYS, SUMMARY_KEYS, Key, make_bindings, translated
from assess.tui.labels import file_problem, label, os_error
from assess.tui.safe import shown, shown_line
from assess.tui.session import Details, Filter, Opened, Walk
from assess.tui.state import DETAILS_DRAFT, Draft, FieldValue, State, base_of

if TYPE_CHECKING:  # the other screens are imported when first opened (the first frame waits for none)
    from assess.tui.components.conflict_screen import ConflictDetails
    from assess.tui.components.details_screen import DetailsScreen
    from assess.tui.components.edit_screen import EditScreen
    from assess.tui.components.help_screen import HelpRow
    from assess.tui.components.palette_screen import PaletteScreen
    from assess.tui.components.summary_screen import SummaryScreen
    from assess.tui.palette import Hit

QUIT_ALWAYS = "ctrl+q"  # Textual's own quit key: no keymap can take it (see keymap.py)
SIGNED = "signed"  # the read-only reason of a signed-off assessment
CHECK_DISK_EVERY = 2.0  # seconds between looks at the file for changes made outside assess


@dataclass(frozen=True)
class SaveState:
    """How saving goes: saved, a conflict, or failed, with what to say about it."""

    kind: str = "saved"  # saved | conflict | failed
    detail: str = ""


class AuditApp(App[None]):
    TITLE = "assess"
    # ctrl+p (the "palette" key of keys.py) opens assess's own palette (PaletteScreen), not Textual's
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

    class BackupKept(Message):
        """The file held more than assess writes (comments, a layout of its own): kept as it was, in ``backup``."""

        def __init__(self, backup: Path) -> None:
            super().__init__()
            self.backup = backup

    def __init__(self, opened: Opened, catalog: Catalog, lang: str, keymap: Mapping[str, str] | None = None,
                 state_folder: Path | None = None, force: bool = False) -> None:
        super().__init__()
        self.state = State(opened.path, state_folder)  # the form's draft and the norm the user was on
        self.history = History()  # undo and redo of answer changes
        self.path = opened.path
        self.catalog = catalog
        self.set_reactive(AuditApp.lang, lang)
        self.set_reactive(AuditApp.assessment, opened.assessment)
        self._warnings = opened.warnings
        self._user_keymap = dict(keymap or {})
        self._card: Scorecard | None = None
        self._walk: tuple[Assessment, Filter, Walk] | None = None
        self._summary: SummaryScreen | None = None
        self._edit_forms: dict[str, EditScreen] = {}  # one per language: a change of language relabels none
        self._palettes: dict[str, PaletteScreen] = {}  # one per language, as the edit forms
        self._conflict_open = False
        self._quit_warned = False
        self._opened_backup = opened.backup
        self.autosaver = Autosaver(opened.path, catalog, opened.fingerprint, self,
                                   before_first_write=lambda: session.keep_as_read(opened, catalog))
        # read-only: the file or its folder is, or another audit has the file open (then the user may insist)
        self.read_only = lock.read_only_reason(opened.path)
        if self.read_only is None and is_signed(opened.assessment):
            self.read_only = SIGNED  # final: changed only after `assess reopen`, which keeps the signature
        self._lock: lock.Lock | None = None
        if self.read_only is None:
            self._lock = lock.acquire(opened.path)
            if self._lock is None and not force:
                self.read_only = lock.LOCKED
        self._forced = force and self.read_only is None and self._lock is None  # --force over another's lock
        self._take_over_asked = False
        self._draft_failure = ""
        self._position_kept: str | None = None

    # -- state the screens read --------------------------------------------------------------------

    @property
    def card(self) -> Scorecard:
        """The scorecard of the current assessment, from :func:`assess.analysis.scoring.score`."""
        if self._card is None or self._card.assessment is not self.assessment:
            self._card = score(self.assessment, self.catalog)
        return self._card

    def summary_screen(self) -> SummaryScreen:
        """The summary, made once and kept (installed): opening it again costs no new widgets."""
        if self._summary is None:
            from assess.tui.components.summary_screen import SummaryScreen

            self._summary = SummaryScreen()
            self.install_screen(self._summary, "summary")
        return self._summary

    def edit_form(self, norm_id: str, draft: Draft | None = None) -> EditScreen:
        """The edit form on ``norm_id``'s answer: made once per language and kept, refilled at every open.

        One per language, not one relabelled: after a change of language (and back) the form opens with the
        drawings of its words kept, as every other kept screen does."""
        from assess.tui.components.edit_screen import EditScreen

        norm, answer = self.catalog.item(norm_id), self.assessment.answer(norm_id)
        kept = self._edit_forms.get(self.lang)
        if kept is not None and kept not in self.screen_stack:
            kept.fill(norm, answer, draft)
            return kept
        # every norm and requirement it may be opened on, whatever the settings chosen now
        every_item = self.catalog.items_for(tuple(self.catalog.settings))
        form = EditScreen(norm, answer, self.lang, draft, self.catalog.evidence_sources, every_item)
        if kept is None:
            self._edit_forms[self.lang] = form
            self.install_screen(form, f"edit-form-{self.lang}")
        return form  # (the kept one is open: this one is removed when closed)

    def walk(self, norm_filter: Filter | None = None) -> Walk:
        """The norms in order and those the filter keeps (the current filter unless ``norm_filter``); made once
        per assessment and filter (a keystroke asks for it several times)."""
        chosen = self.norm_filter if norm_filter is None else norm_filter
        kept = self._walk
        if kept is None or kept[0] is not self.assessment or kept[1] != chosen:
            kept = self._walk = (self.assessment, chosen, Walk.of(self.catalog, self.assessment, chosen))
        return kept[2]

    def undo(self, redo: bool = False) -> str | None:
        """Take back the last change to an answer (or make the last one undone again); its norm id, or None."""
        if self.read_only:
            self.refuse_read_only()
            return None
        change = self.history.redo() if redo else self.history.undo()
        if change is None:
            self.notify(label("undo.nothing_redo" if redo else "undo.nothing", self.lang), timeout=3)
            return None
        if isinstance(change, WholeChange):
            self._replace(change.after if redo else change.before)
            self.notify(label("undo.details_redone" if redo else "undo.details", self.lang), timeout=3)
            return None
        self.record(change.norm_id, change.after if redo else change.before, undoable=False)
        self.notify(label("undo.redone" if redo else "undo.done", self.lang, norm=change.norm_id), timeout=3)
        return change.norm_id

    def refuse_read_only(self) -> bool:
        """True (and the user told) when the audit is read-only and nothing may change."""
        if self.read_only:
            self.notify(label("readonly.refused", self.lang), severity="warning", timeout=4)
            return True
        return False

    def record(self, norm_id: str, answer: Answer, undoable: bool = True, amend: bool = False) -> None:
        """Change one answer; it is written to disk at once (and can be undone until the audit is closed).

        ``amend``: the change completes the one before it on this norm (one step for undo)."""
        if self.refuse_read_only():
            return
        before = self.assessment.answer(norm_id)
        updated = self.assessment.with_answer(norm_id, answer)
        if updated.answers == self.assessment.answers:
            return
        if undoable and amend:
            self.history.amend(Change(norm_id, before, updated.answer(norm_id)))
        elif undoable:
            self.history.record(Change(norm_id, before, updated.answer(norm_id)))
        self.assessment = updated
        self._quit_warned = False
        self._save(updated)
        if self.conflict_waiting:
            self._keep_paused()

    def set_details(self, details: Details) -> None:
        """Change the service details and the chosen settings; saved at once, undone as one step."""
        if self.refuse_read_only():
            return
        updated = details.applied(self.assessment, self.catalog)
        if updated == self.assessment:
            return
        self.history.record(WholeChange(self.assessment, updated))
        self._replace(updated)
        self.notify(label("details.saved", self.lang), timeout=3)

    def _replace(self, updated: Assessment) -> None:
        """The whole assessment changes (the details, the settings): shown and saved as any change."""
        self.assessment = updated
        self._quit_warned = False
        self._save(updated)
        if self.conflict_waiting:
            self._keep_paused()

    def _save(self, updated: Assessment) -> None:
        """Saved at once: written as soon as the change is drawn (the write does not slow the drawing)."""
        self.autosaver.save(updated)
        self.call_after_refresh(self.autosaver.drawn)

    def _keep_paused(self) -> None:
        """Saving is paused: keep the whole assessment in the state folder, so a kill now loses none of it."""
        with contextlib.suppress(OSError):
            self.state.write_paused(dump(self.assessment, self.catalog))

    def translate_bindings(self, node: App[None] | Screen[Any], keys: tuple[Key, ...]) -> None:
        """Describe ``node``'s keys in the current language (Textual applies the keymap on top)."""
        node._bindings = translated(node._bindings, keys, self.lang)
        node.refresh_bindings()

    async def saved(self) -> None:
        """Wait until every change so far is on disk (or refused), and its news delivered."""
        await asyncio.wrap_future(self.autosaver.flushed())
        await asyncio.sleep(0)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every toast, from any screen: its text shown as it is (never markup), control characters escaped."""
        super().notify(shown(message), title=shown_line(title), severity=severity, timeout=timeout, markup=False)

    # -- lifecycle ---------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return AuditScreen()

    def on_mount(self) -> None:
        self.translate_bindings(self, APP_KEYS)
        if self._user_keymap:
            self.set_keymap(self._user_keymap)
        if self._opened_backup is not None:  # kept as the file was before --service renamed it
            self.post_message(self.BackupKept(self._opened_backup))
        if self.read_only:
            self.notify(label(f"readonly.{self.read_only}", self.lang, file=self.path.name,
                              holder=lock.holder(self.path), key=self.binding_key("take-over", "ctrl+w")),
                        severity="warning", timeout=15)
        if self._forced:
            self.notify(label("readonly.forced", self.lang, file=self.path.name, holder=lock.holder(self.path)),
                        severity="warning", timeout=15)
        self._recover_paused()
        for warning in self._warnings:
            self.notify(file_problem(warning, self.lang, "problem.warning"), title=label("audit.warning", self.lang),
                        severity="warning", timeout=10)
        self.set_interval(CHECK_DISK_EVERY, self.autosaver.check)

    def _recover_paused(self) -> None:
        """An audit killed while saving was paused left its changes in the state folder: put them beside the file."""
        data = self.state.read_paused()
        if data is None:
            return
        try:
            backup = write_backup(self.path, data, kind="unsaved")
        except OSError:
            return  # read-only folder: they stay in the state folder for a later open
        self.state.drop_paused()
        self.notify(label("paused.recovered", self.lang, backup=backup.name, file=self.path.name),
                    severity="warning", timeout=20)

    async def on_event(self, event: events.Event) -> None:
        """A key typed while the audit still has keys to handle or pass on (a burst after one that opened or
        closed a screen), or while a screen it opened is on top, goes behind them in the audit's queue, not to
        the field focused now: in the order typed, to where the keys before it leave the focus. Otherwise (the
        audit's own keys, a dialog opened from another) as Textual sends it."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            audit = self.screen_stack[0] if self.screen_stack else None
            if isinstance(audit, AuditScreen) and audit.sequencing:
                self.app_focus = True  # as App.on_event
                audit.take(event)
                return
        await super().on_event(event)

    def push_screen(self, screen: Screen[Any] | str, *args: Any, **kwargs: Any) -> Any:  # as Textual's, passed on
        """The message that the terminal is too small stays over everything: a dialog opened meanwhile (a
        conflict found, a draft put back at start) goes below it, and is on top once the terminal grows."""
        on_top = self.screen_stack[-1] if self.screen_stack else None
        if not isinstance(on_top, TooSmallScreen) or isinstance(screen, TooSmallScreen) or kwargs.get("mode"):
            return super().push_screen(screen, *args, **kwargs)
        self.pop_screen()
        pushed = super().push_screen(screen, *args, **kwargs)
        super().push_screen(TooSmallScreen(self.lang, self.size.width, self.size.height))
        return pushed

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Too small a terminal: say so over everything (the footer and form fields would be cut off)."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        shown = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if small and shown is None:
            self.push_screen(TooSmallScreen(self.lang, width, height))
        elif small and shown is not None:
            shown.show_size(width, height)
        elif not small and shown is not None and self.screen is shown:
            self.pop_screen()

    def on_ready(self) -> None:
        self._check_size(self.size.width, self.size.height)
        # What exists now (catalog, widgets, styles) lives as long as the app: keep it out of the
        # garbage collector's full passes, which otherwise stall a keystroke now and then. `assess audit`
        # starts with the collector off (see assess.commands.audit.run_audit): on from here.
        gc.freeze()
        gc.enable()

    def on_app_focus(self, _event: AppFocus) -> None:
        self.autosaver.check()

    def on_unmount(self) -> None:
        self.release_lock()

    def on_edit_screen_draft_changed(self, message: EditScreen.DraftChanged) -> None:
        self._keep_draft(message.norm_id, message.fields)

    def on_details_screen_draft_changed(self, message: DetailsScreen.DraftChanged) -> None:
        self._keep_draft(DETAILS_DRAFT, message.fields)

    def _keep_draft(self, norm_id: str, fields: dict[str, FieldValue] | None) -> None:
        if not any(isinstance(screen, Form) and screen.keeps_draft(norm_id) for screen in self.screen_stack):
            return  # its form was closed (the draft dropped) or opened on another norm while this was on its way
        try:
            if fields is None:
                self.state.drop_draft()
            else:
                self.state.write_draft(Draft(norm_id, fields, base=self._draft_base(norm_id)))
        except OSError as error:
            reason = os_error(error, self.lang)
            if self._draft_failure != reason:  # say it once
                self._draft_failure = reason
                self.notify(label("draft.failed", self.lang, error=reason), severity="warning", timeout=6)

    def _draft_base(self, draft_id: str) -> str:
        """What the file holds for what a draft is kept for (a norm's answer, or the details), fingerprinted."""
        return base_of(Details.of(self.assessment) if draft_id == DETAILS_DRAFT else self.assessment.answer(draft_id))

    def check_draft_base(self, draft: Draft) -> None:
        """A draft put back after the file's answer (or details) changed since it was written (a colleague edited
        the norm after the audit was killed): saving it replaces that change, so the file as it is now is kept in
        a backup first, and the user is told."""
        if not draft.base or draft.base == self._draft_base(draft.norm_id):
            return  # (a draft of an older version of assess says nothing of its base)
        try:
            backup = write_backup(self.path, self.path.read_bytes(), kind="before-draft")
        except OSError as error:
            self.notify(label("draft.stale_no_backup", self.lang, error=os_error(error, self.lang)),
                        severity="warning", timeout=20)
            return
        what = label("draft.stale_details", self.lang) if draft.norm_id == DETAILS_DRAFT else draft.norm_id
        self.notify(label("draft.stale", self.lang, what=what, backup=backup.name), severity="warning", timeout=20)

    def go_to_norm(self, norm_id: str) -> None:
        """From the command palette: show ``norm_id`` in the audit (the filter is dropped if it hides it)."""
        audit = self._back_to_audit(norm_id)
        if audit is not None:
            if norm_id not in self.walk().kept:
                self.norm_filter = Filter()
            audit.go_to(norm_id)

    def _back_to_audit(self, norm_id: str | None = None) -> AuditScreen | None:
        """Close the screens over the audit (the summary, the table of every answer) to go on there; None when a
        form is open (the user is told to close it first) or a screen closed itself going to ``norm_id``."""
        if any(isinstance(screen, Form) for screen in self.screen_stack):
            self.notify(label("palette.close_form", self.lang), severity="warning", timeout=4)
            return None
        for screen in reversed(self.screen_stack[1:]):
            if isinstance(screen, AuditScreen):
                break
            if isinstance(screen, ReturnsNorm):
                cast("Screen[Any]", screen).dismiss(norm_id)  # the summary's own way back (to a norm, or back)
                if norm_id is not None:
                    return None
            else:
                self.pop_screen()
        audit = self.screen_stack[0]
        return audit if isinstance(audit, AuditScreen) else None

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, made once per language and kept (installed), emptied at every open. One per
        language, not one relabelled: after a change of language (and back) it opens with the drawings of its
        words kept, as the edit form does."""
        from assess.tui.components.palette_screen import PaletteScreen
        from assess.tui.palette import hits

        if any(palette in self.screen_stack for palette in self._palettes.values()):
            return
        palette = self._palettes.get(self.lang)
        if palette is None:
            palette = self._palettes[self.lang] = PaletteScreen(
                lambda query: hits(self.catalog, self.assessment, query, self.lang), self.lang)
            self.install_screen(palette, f"palette-{self.lang}")
        else:
            palette.reopen()
        self.push_screen(palette, self._palette_chosen)

    def _palette_chosen(self, hit: Hit | None) -> None:
        if hit is None:
            return
        if hit.kind == "norm":
            self.go_to_norm(hit.target)
        else:
            self.palette_command(hit.target)

    def palette_command(self, name: str) -> None:
        """A screen chosen in the palette, from wherever it was opened (the summary or the table it was chosen
        in is closed first; none is opened again over itself)."""
        if name == "language":
            self.action_toggle_language()
        elif name == "help":
            self.action_help()
        elif not self._showing(name) and (audit := self._back_to_audit()) is not None:
            self.run_worker(audit.run_action(name))  # summary, overview, details, filter

    def _showing(self, name: str) -> bool:
        from assess.tui.components.answers_screen import AnswersScreen

        return (name == "summary" and self.screen is self._summary) or (name == "overview"
                                                                       and isinstance(self.screen, AnswersScreen))

    def keep_position(self, norm_id: str) -> None:
        """Remember the norm the user is on, for the next audit of this file (best effort)."""
        if norm_id == self._position_kept:
            return
        self._position_kept = norm_id
        with contextlib.suppress(OSError):
            self.state.write_position(norm_id)

    def release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def action_take_over(self) -> None:
        """Edit although another audit has the file open: asked once more; conflicts are caught as always."""
        if self.read_only != lock.LOCKED:
            return
        if not self._take_over_asked:
            self._take_over_asked = True
            self.notify(label("readonly.take_over_confirm", self.lang, key=self.binding_key("take-over", "ctrl+w")),
                        severity="warning", timeout=8)
            return
        self.read_only = None
        self.autosaver.check()
        self.save_state = SaveState("saved")
        self.mutate_reactive(AuditApp.save_state)  # repaints the top line (often "saved" already: no change)
        self.refresh_bindings()
        self.notify(label("readonly.taken_over", self.lang))

    async def action_quit(self) -> None:
        audit = self.screen_stack[0]
        if isinstance(audit, AuditScreen):
            audit.reason_done()  # a reason being typed after `a` is kept
        if isinstance(self.screen, Form):
            await self.screen.fields_settled()
            if not self.screen.may_discard():
                return
            self.state.drop_draft()  # the user was told and quit anyway
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
        self.release_lock()
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
        from assess.tui.components.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.help_rows(), shown_path(keymap_path()), self.lang))

    def help_rows(self) -> tuple[HelpRow, ...]:
        """Each key of the screen below and of the app, with the keys the keymap gave it."""
        from assess.tui.components.help_screen import HelpRow

        found: dict[str, list[str]] = {}
        for key, active in self.screen.active_bindings.items():
            if active.binding.id and self.check_action(active.binding.action, ()) is not False:
                found.setdefault(active.binding.id, []).append(self.get_key_display(active.binding) or key)
        rows = []
        for known in AUDIT_KEYS + SUMMARY_KEYS + OVERVIEW_KEYS + APP_KEYS:
            if known.id == "quit" and QUIT_ALWAYS not in found.get("quit", []):
                found.setdefault("quit", []).append(QUIT_ALWAYS)  # whatever the keymap did to q
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

    def backup_kept(self, backup: Path) -> None:
        self.post_message(self.BackupKept(backup))

    def on_audit_app_backup_kept(self, message: BackupKept) -> None:
        self.notify(label("saved.kept_as_written", self.lang, file=self.path.name, backup=message.backup.name),
                    timeout=12)

    def on_audit_app_saved(self, _message: Saved) -> None:
        self._quit_warned = False
        if not self.autosaver.blocked:
            self.save_state = SaveState("saved")

    def on_audit_app_save_failed(self, message: SaveFailed) -> None:
        reason = os_error(message.error, self.lang)
        state = SaveState("failed", reason)
        if self.save_state != state:  # say it once, not at every retry (every few seconds)
            self.notify(label("save.failed", self.lang, error=reason), severity="error", timeout=10)
        self.save_state = state

    def on_audit_app_changed_on_disk(self, _message: ChangedOnDisk) -> None:
        if self.read_only:
            self._follow_disk()
            return
        self._show_conflict()

    def _follow_disk(self) -> None:
        """Read-only: nothing of ours can be lost, so show what was saved on disk (by the other audit)."""
        try:
            opened = session.read(self.path, self.catalog)
        except InputError:  # being written, or broken: keep showing what we have, look again later
            self.autosaver.adopt(fingerprint(self.path))
            return
        self.autosaver.adopt(opened.fingerprint)
        self.assessment = opened.assessment
        self.history.clear()

    @property
    def conflict_waiting(self) -> bool:
        """The file changed on disk and the user has not chosen yet: saving is paused."""
        return self.save_state.kind == "conflict"

    def _show_conflict(self) -> None:
        """Ask what to do; over the edit form, only once the form is closed (keys typed there stay there)."""
        if not self.conflict_waiting:
            self.save_state = SaveState("conflict")
            if self.autosaver.unsaved:
                self._keep_paused()
        if self._conflict_open or any(isinstance(screen, Form) for screen in self.screen_stack):
            return
        self._conflict_open = True
        from assess.tui.components.conflict_screen import ConflictScreen

        self.push_screen(ConflictScreen(self._conflict_details(), self.lang), self._resolve_conflict)

    def offer_conflict(self) -> None:
        """After the edit form closes: ask now what was put off while it was open (not what was put off by esc)."""
        if self.conflict_waiting and self.save_state.detail != "later":
            self._show_conflict()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "conflict":
            return self.conflict_waiting and not self._conflict_open
        if action == "take_over":
            return self.read_only == lock.LOCKED
        return True

    def action_conflict(self) -> None:
        if self.conflict_waiting:
            self._show_conflict()

    def _conflict_details(self) -> ConflictDetails:
        from assess.tui import conflict
        from assess.tui.components.conflict_screen import ConflictDetails

        if not self.path.exists():
            return ConflictDetails(self.path.name, gone=True)
        try:
            disk = session.read(self.path, self.catalog).assessment
        except InputError as error:
            return ConflictDetails(self.path.name, problems=tuple(shown(file_problem(p, self.lang))
                                                                  for p in error.problems))
        return ConflictDetails(self.path.name, conflict.differences(self.catalog, self.assessment, disk),
                               self.catalog.answer_set)

    def _backup(self, data: bytes) -> Path | None:
        """Keep ``data`` beside the file before it is replaced; None (and the user told) when that fails."""
        try:
            return write_backup(self.path, data)
        except OSError as error:
            self.notify(label("conflict.backup_failed", self.lang, error=os_error(error, self.lang)),
                        severity="error", timeout=10)
            return None

    def _resolve_conflict(self, choice: str | None) -> None:
        self._conflict_open = False
        if choice == "keep":
            try:
                theirs: bytes | None = self.path.read_bytes()
            except FileNotFoundError:
                theirs = None
            except OSError as error:
                self.notify(label("conflict.backup_failed", self.lang, error=os_error(error, self.lang)),
                            severity="error", timeout=10)
                self._show_conflict()
                return
            if theirs is not None:
                backup = self._backup(theirs)
                if backup is None:
                    self._postpone()
                    return
                self.notify(label("conflict.kept", self.lang, backup=backup.name), timeout=10)
            else:
                self.notify(label("conflict.kept_nothing", self.lang), timeout=10)
            self.save_state = SaveState("saved")
            self.autosaver.overwrite(self.assessment, digest(theirs) if theirs is not None else None)
            self.state.drop_paused()
        elif choice == "reload":
            try:
                opened = session.read(self.path, self.catalog)
            except InputError:
                self._show_conflict()
                return
            backup = self._backup(dump(self.assessment, self.catalog).encode("utf-8"))
            if backup is None:
                self._postpone()
                return
            self.autosaver.adopt(opened.fingerprint)
            self.save_state = SaveState("saved")
            self.assessment = opened.assessment
            self.history.clear()  # the changes were to the version now replaced (it is in the backup)
            self.state.drop_paused()
            self.notify(label("conflict.reloaded", self.lang, backup=backup.name), timeout=10)
        elif choice == "later":
            self._postpone()
        else:
            self._show_conflict()

    def _postpone(self) -> None:
        self.save_state = SaveState("conflict", "later")
        self.notify(label("conflict.later", self.lang, key=self.conflict_key()), severity="warning", timeout=6)

    def conflict_key(self) -> str:
        """The key that reopens the conflict dialog, as the user's keymap made it."""
        return self.binding_key("conflict", "c")

    def binding_key(self, binding_id: str, default: str) -> str:
        """The key of an app binding, as shown (after the user's keymap)."""
        for key, active in self.active_bindings.items():
            if active.binding.id == binding_id:
                return self.get_key_display(active.binding) or key
        return self._user_keymap.get(binding_id, default).split(",")[0]
