"""The form for a norm's evidence, note and action (and settling a dispute); dismissed with the new answer."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from assess.i18n import t
from assess.model.assessment import PRIORITIES, Action, Answer
from assess.model.catalog import EvidenceSource, Norm
from assess.tui.components.border_titles import set_border_title
from assess.tui.components.clipped_text import ClippedText
from assess.tui.components.draft_form import DraftForm
from assess.tui.components.form_button import FormButton
from assess.tui.components.form_text_area import FormTextArea
from assess.tui.components.laid_out_once import OnceVertical, OnceVerticalScroll
from assess.tui.components.screen_kinds import kept_screen_resumed
from assess.tui.components.text_checkbox import TextCheckbox
from assess.tui.css import stylesheet
from assess.tui.evidence_lines import evidence_items, evidence_line
from assess.tui.labels import label
from assess.tui.safe import has_unsafe, shown, shown_line
from assess.tui.state import Draft, FieldValue
from assess.tui.text import plain


def _text(value: str) -> str | None:
    value = value.strip()
    return value or None


class EditScreen(DraftForm[Answer | None]):
    """``draft``: field values to put back (a draft kept from an audit that was killed with this form open).

    Made once per language and kept (installed by the app): each later open refills it with :meth:`fill` (the
    norm, the answer, a draft), which puts every field, the error line, the undo history, the scroll and the
    focus back to what a new form would have, so opening it costs no new widgets. Its words are those of the
    language it was made in.
    """

    class DraftChanged(Message):
        """What the form holds now, a moment after the last key (None: nothing typed, no draft needed)."""

        def __init__(self, norm_id: str, fields: dict[str, FieldValue] | None) -> None:
            super().__init__()
            self.norm_id = norm_id
            self.fields = fields

    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="edit-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit-cancel"),
        # Handled as they arrive (priority), not after the focused field has worked through the keys queued
        # before them: keys typed fast after a tab (or an enter in a one-line field) go to the next field.
        Binding("tab", "move_focus(1)", "Next field", id="edit-next-field", priority=True, show=False),
        Binding("shift+tab", "move_focus(-1)", "Previous field", id="edit-previous-field", priority=True,
                show=False),
        Binding("enter", "submit_field", "Next field", id="edit-enter", priority=True, show=False),
    ]

    def __init__(self, norm: Norm, answer: Answer, lang: str, draft: Draft | None = None,
                 sources: Sequence[EvidenceSource] = (), norms: Sequence[Norm] = ()) -> None:
        """``sources``: the kinds of source an evidence line may start with (the checklist's); ``norms``: those it
        may be opened on (the form keeps the height of the longest text among them)."""
        super().__init__()
        self.lang = lang
        self.sources = tuple(sources)
        self.norms = tuple(norms)
        self._opened = 0  # how many times it was opened again: a save awaited across a reopen is dropped
        self._said: tuple[str, object] = ("", ())  # what the error line shows: its text and spans
        self._start(norm, answer, draft)

    def _start(self, norm: Norm, answer: Answer, draft: Draft | None) -> None:
        """What the form knows of the answer it is opened on (none of it from the last open)."""
        self.draft = draft if draft is not None and draft.norm_id == norm.id else None  # never another norm's
        self._stored_fields = None
        self._stop_draft_timer()
        self.norm = norm
        self.answer = answer
        self._as_opened: Answer | None = None  # what the form said before the user typed anything
        action = answer.action or Action("")
        # field id -> the text as stored; a field shows it with control characters escaped, and a field
        # left as shown keeps the stored text exactly
        self._stored = {"evidence": "\n".join(evidence_line(item, self.sources, self.lang) for item in answer.evidence),
                        "note": answer.note or "",
                        "action": action.description, "owner": action.owner or "",
                        "due": action.due.isoformat() if action.due else ""}
        self._discard_warned = False
        self._open = True  # from an open (the first, or fill) until dismiss

    def compose(self) -> ComposeResult:
        lang, answer = self.lang, self.answer
        action = answer.action or Action("")
        with OnceVertical(id="dialog") as dialog:
            dialog.border_title = label("edit.title", lang, norm=self.norm.id)
            dialog.border_subtitle = label("edit.keys", lang)
            with OnceVerticalScroll(id="fields"):
                yield ClippedText(self.norm.text[lang], id="norm-text",  # whole, or cut with "…"
                                  texts=[norm.text[lang] for norm in self.norms])
                yield Label(label("edit.evidence", lang), id="label-evidence")
                yield FormTextArea(shown(self._stored["evidence"]), id="evidence", compact=True, soft_wrap=True)
                yield Label(label("edit.note", lang), id="label-note")
                yield FormTextArea(shown(self._stored["note"]), id="note", compact=True, soft_wrap=True)
                yield Label(label("edit.action", lang), id="label-action")
                yield Input(shown_line(self._stored["action"]), id="action", compact=True, select_on_focus=False)
                # two columns, a label above each field: one grid, not a row of columns each (fewer widgets to
                # lay out, draw and wait for at every open)
                with Grid(id="pairs"):
                    yield Label(label("edit.owner", lang), id="label-owner")
                    yield Label(label("edit.due", lang), id="label-due")
                    yield Input(shown_line(self._stored["owner"]), id="owner", compact=True, select_on_focus=False)
                    yield Input(action.due.isoformat() if action.due else "", id="due", compact=True,
                                select_on_focus=False, placeholder=label("edit.date_format", lang))
                    yield Label(label("edit.priority", lang), id="label-priority")
                    yield Label(" ")
                    yield Select([(t(f"priority.{p}", lang), p) for p in PRIORITIES], id="priority",
                                 value=action.priority or Select.NULL, compact=True,
                                 prompt=label("edit.no_priority", lang))
                    yield TextCheckbox(label("edit.done", lang), action.done, id="done", compact=True)
                settle = TextCheckbox(label("edit.settle", lang), False, id="settle", compact=True)
                settle.display = bool(answer.disputed)  # hidden, it is out of the focus order too
                yield settle
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield FormButton(label("key.save", lang), id="save", variant="primary", compact=True)
                yield FormButton(label("key.cancel", lang), id="cancel", compact=True)

    def post_message(self, message: Message) -> bool:
        return super().post_message(kept_screen_resumed(message, self, kept=bool(getattr(self, "_opened", 0))))

    def on_mount(self) -> None:
        self._opened_now()

    def _opened_now(self) -> None:
        """The form shows the answer as stored: note what that is, focus the first field, put a draft back."""
        self.query_one("#evidence", TextArea).focus()
        try:
            self._as_opened = self.read_answer()
        except ValueError:
            self._as_opened = None
        self._stored_fields = self.field_values()
        if self.draft is not None:
            self._put_back(self.draft)
        for field_id in ("evidence", "note"):  # typing adds to what is there, as in the one-line fields
            area = self.query_one(f"#{field_id}", TextArea)
            area.move_cursor(area.document.end)

    def fill(self, norm: Norm, answer: Answer, draft: Draft | None = None) -> None:
        """Open the kept form again, on ``norm``'s ``answer``: every field as a new form would show it."""
        # The fields' Changed messages say what filling them did, not what the user typed: they would start
        # the draft timer, and a moment after every open the draft would be written or dropped again.
        with self.prevent(TextArea.Changed, Input.Changed, Select.Changed, Checkbox.Changed):
            self._fill(norm, answer, draft)

    def _fill(self, norm: Norm, answer: Answer, draft: Draft | None) -> None:
        self._start(norm, answer, draft)
        self._opened += 1
        action = answer.action or Action("")
        set_border_title(self.query_one("#dialog"), label("edit.title", self.lang, norm=norm.id))
        norm_text = self.query_one("#norm-text", ClippedText)
        norm_text.show_text(norm.text[self.lang])
        norm_text.follow_terminal()  # the terminal may have grown or shrunk while the form was closed
        for field_id in ("evidence", "note"):
            area = self.query_one(f"#{field_id}", TextArea)
            area.load_text(shown(self._stored[field_id]))  # the undo history of the last open goes too
            area.scroll_home(animate=False)
        for field_id in ("action", "owner", "due"):
            field = self.query_one(f"#{field_id}", Input)
            field.value = shown_line(self._stored[field_id])
            field.cursor_position = len(field.value)
        select = self.query_one("#priority", Select)
        select.expanded = False
        select.value = action.priority or Select.NULL
        self.query_one("#done", TextCheckbox).value = action.done
        settle = self.query_one("#settle", TextCheckbox)
        settle.value = False
        settle.display = bool(answer.disputed)
        self._say("")
        self.query_one("#fields", VerticalScroll).scroll_home(animate=False)
        self._opened_now()

    def on_resize(self, _event: events.Resize) -> None:
        self.query_one("#norm-text", ClippedText).follow_terminal()

    def _put_back(self, draft: Draft) -> None:
        fields = draft.fields
        for field_id in ("evidence", "note"):
            if isinstance(fields.get(field_id), str):
                self.query_one(f"#{field_id}", TextArea).text = str(fields[field_id])
        for field_id in ("action", "owner", "due"):
            if isinstance(fields.get(field_id), str):
                self.query_one(f"#{field_id}", Input).value = str(fields[field_id])
        priority = fields.get("priority")
        self.query_one("#priority", Select).value = priority if priority in PRIORITIES else Select.NULL
        self.query_one("#done", TextCheckbox).value = fields.get("done") is True
        if self.answer.disputed:
            self.query_one("#settle", TextCheckbox).value = fields.get("settle") is True
        when = draft.written.replace("T", " ")
        self._say(plain(label("edit.draft_restored", self.lang, when=when)))

    def _say(self, text: str | Content) -> None:
        """``text`` on the form's error line; unchanged, the line is left alone (an update lays the form out)."""
        said = (text.plain, text.spans) if isinstance(text, Content) else (text, ())
        if said != self._said:
            self._said = said
            self.query_one("#error", Static).update(text)

    def field_values(self) -> dict[str, FieldValue]:
        priority = self.query_one("#priority", Select).value
        values: dict[str, FieldValue] = {
            "evidence": self.query_one("#evidence", TextArea).text, "note": self.query_one("#note", TextArea).text,
            "action": self.query_one("#action", Input).value, "owner": self.query_one("#owner", Input).value,
            "due": self.query_one("#due", Input).value, "priority": priority if isinstance(priority, str) else None,
            "done": self.query_one("#done", TextCheckbox).value}
        if self.answer.disputed:
            values["settle"] = self.query_one("#settle", TextCheckbox).value
        return values

    def draft_message(self, fields: dict[str, FieldValue] | None) -> Message:
        return self.DraftChanged(self.norm.id, fields)

    def draft_id(self) -> str:
        return self.norm.id

    def on_select_changed(self, _event: Select.Changed) -> None:
        self._changed()

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        self._changed()

    def action_move_focus(self, step: int) -> None:
        if self._select_open():
            raise SkipAction()
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_submit_field(self) -> None:
        """Enter in a one-line field moves to the next field; elsewhere it does what the widget does."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.focus_next()

    def _select_open(self) -> bool:
        return any(select.expanded for select in self.query(Select))

    def on_input_changed(self, event: Input.Changed) -> None:
        if has_unsafe(event.value):  # pasted control characters: shown (and kept) escaped, never sent raw
            field = event.input
            before = shown_line(event.value[:field.cursor_position])  # the cursor stays behind what was pasted
            field.value = before + shown_line(event.value[field.cursor_position:])
            field.cursor_position = len(before)
            return
        self._changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if has_unsafe(area.text):
            # escaped where they are; the cursor stays behind what was pasted, so what is typed next goes there
            # (not to the start of the field, into the first evidence line)
            text, (row, column) = area.text, area.cursor_location
            cursor = sum(len(line) + 1 for line in text.split("\n")[:row]) + column
            before = shown(text[:cursor])
            area.text = before + shown(text[cursor:])
            area.move_cursor((before.count("\n"), len(before) - before.rfind("\n") - 1))
            return
        self._changed()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            await self.action_save()
        else:
            self.action_cancel()

    def may_discard(self) -> bool:
        """True when closing the form loses nothing typed, or the user was told so and closes it again."""
        try:
            unchanged = self._as_opened is not None and self.read_answer() == self._as_opened
        except ValueError:
            unchanged = False
        if unchanged or self._discard_warned:
            return True
        self._discard_warned = True
        self._say(label("edit.discard", self.lang))
        return False

    def action_cancel(self) -> None:
        if self.may_discard():
            self.dismiss(None)

    async def fields_settled(self) -> None:
        """Wait until the focused field has handled the keys already sent to it.

        ctrl+s and ctrl+q are priority keys: they are handled as they arrive, while keys typed just before
        them (fast typing, a paste) may still wait in the focused field's queue. Reading the form after
        this loses none of them.
        """
        for field in (*self.query(Input), *self.query(TextArea)):  # a burst across tab leaves keys in several
            handled = asyncio.get_running_loop().create_future()
            field.call_later(lambda handled=handled: None if handled.done() else handled.set_result(None))
            await handled

    async def action_save(self) -> None:
        opened = self._opened
        await self.fields_settled()
        if not self.is_current or not self._open or opened != self._opened:  # saved or cancelled meanwhile
            return
        try:
            answer = self.read_answer()
        except ValueError as problem:
            self._say(plain(problem))
            return
        self.dismiss(answer)

    def _field(self, field_id: str, value: str) -> str:
        """What field ``field_id`` holds: the stored text when the field still shows it as opened."""
        stored = self._stored[field_id]
        multiline = field_id in ("evidence", "note")
        return stored if value == (shown(stored) if multiline else shown_line(stored)) else value

    def read_answer(self) -> Answer:
        """The answer the form now describes; ValueError (in the user's language) when it cannot be one."""
        lang = self.lang
        evidence = evidence_items(self._field("evidence", self.query_one("#evidence", TextArea).text),
                                  self.answer.evidence, self.sources, lang)
        note = _text(self._field("note", self.query_one("#note", TextArea).text))
        description = _text(self._field("action", self.query_one("#action", Input).value))
        owner = _text(self._field("owner", self.query_one("#owner", Input).value))
        due_text = _text(self.query_one("#due", Input).value)
        priority = self.query_one("#priority", Select).value
        done = self.query_one("#done", TextCheckbox).value
        due = None
        if due_text:
            try:
                due = dt.date.fromisoformat(due_text)
            except ValueError:
                raise ValueError(label("edit.bad_date", lang, value=due_text)) from None
        priority = priority if isinstance(priority, str) else None
        action = None
        if description:
            action = Action(description, owner, due, priority, done)
        elif owner or due or priority or done:
            raise ValueError(label("edit.needs_description", lang))
        disputed = self.answer.disputed
        if disputed and self.query_one("#settle", TextCheckbox).value:
            disputed = ()
        return replace(self.answer, evidence=evidence, note=note, action=action, disputed=disputed)
