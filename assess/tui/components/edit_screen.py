"""The form for a norm's evidence, note and action (and settling a dispute); dismissed with the new answer."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from assess.i18n import t
from assess.model.assessment import PRIORITIES, Action, Answer, Evidence
from assess.model.catalog import Norm
from assess.tui.components.text_checkbox import TextCheckbox
from assess.tui.css import stylesheet
from assess.tui.labels import label


def _text(value: str) -> str | None:
    value = value.strip()
    return value or None


class EditScreen(ModalScreen[Answer | None]):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="edit-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit-cancel"),
    ]

    def __init__(self, norm: Norm, answer: Answer, lang: str) -> None:
        super().__init__()
        self.norm = norm
        self.answer = answer
        self.lang = lang
        self._as_opened: Answer | None = None  # what the form said before the user typed anything
        self._discard_warned = False

    def compose(self) -> ComposeResult:
        lang, answer = self.lang, self.answer
        action = answer.action or Action("")
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("edit.title", lang, norm=self.norm.id)
            dialog.border_subtitle = label("edit.keys", lang)
            with VerticalScroll(id="fields"):
                yield Static(self.norm.text[lang], id="norm-text")
                yield Label(label("edit.evidence", lang))
                yield TextArea("\n".join(answer.evidence_texts), id="evidence", compact=True, soft_wrap=True)
                yield Label(label("edit.note", lang))
                yield TextArea(answer.note or "", id="note", compact=True, soft_wrap=True)
                yield Label(label("edit.action", lang))
                yield Input(action.description, id="action", compact=True)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label(label("edit.owner", lang))
                        yield Input(action.owner or "", id="owner", compact=True)
                    with Vertical():
                        yield Label(label("edit.due", lang))
                        yield Input(action.due.isoformat() if action.due else "", id="due", compact=True,
                                    placeholder=label("edit.date_format", lang))
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label(label("edit.priority", lang))
                        yield Select([(t(f"priority.{p}", lang), p) for p in PRIORITIES], id="priority",
                                     value=action.priority or Select.NULL, compact=True,
                                     prompt=label("edit.no_priority", lang))
                    with Vertical():
                        yield Label(" ")
                        yield TextCheckbox(label("edit.done", lang), action.done, id="done", compact=True)
                if answer.disputed:
                    yield TextCheckbox(label("edit.settle", lang), False, id="settle", compact=True)
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(label("key.save", lang), id="save", variant="primary", compact=True)
                yield Button(label("key.cancel", lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#evidence", TextArea).focus()
        try:
            self._as_opened = self.read_answer()
        except ValueError:
            self._as_opened = None

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.focus_next()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._discard_warned = False

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._discard_warned = False

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
        self.query_one("#error", Static).update(label("edit.discard", self.lang))
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
        field = self.focused
        if field is None:
            return
        handled = asyncio.get_running_loop().create_future()
        field.call_later(lambda: None if handled.done() else handled.set_result(None))
        await handled

    async def action_save(self) -> None:
        await self.fields_settled()
        if not self.is_current:  # saved or cancelled meanwhile
            return
        try:
            answer = self.read_answer()
        except ValueError as problem:
            self.query_one("#error", Static).update(str(problem))
            return
        self.dismiss(answer)

    def read_answer(self) -> Answer:
        """The answer the form now describes; ValueError (in the user's language) when it cannot be one."""
        lang = self.lang
        typed = {item.text: item for item in self.answer.evidence}  # a line kept keeps its source, date and ref
        evidence = tuple(typed.get(line.strip(), Evidence(line.strip()))
                         for line in self.query_one("#evidence", TextArea).text.splitlines() if line.strip())
        note = _text(self.query_one("#note", TextArea).text)
        description = _text(self.query_one("#action", Input).value)
        owner = _text(self.query_one("#owner", Input).value)
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
        settle = self.query("#settle")
        if settle and settle.first(TextCheckbox).value:
            disputed = ()
        return replace(self.answer, evidence=evidence, note=note, action=action, disputed=disputed)
