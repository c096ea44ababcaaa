"""The service details: name, kind, location, assessors (one per line), date and the chosen settings.

Dismissed with the new :class:`~assess.tui.session.Details`, or None (cancelled). What is typed is kept as a draft
(as in the edit form, :mod:`assess.tui.state`) a moment after the last key, so a kill -9 loses none of it: the
next audit of the file opens this form again, filled as it was.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import replace
from typing import ClassVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from assess.model.assessment import Assessment, Service
from assess.model.catalog import Catalog
from assess.tui.components.draft_form import DraftForm
from assess.tui.components.form_button import FormButton
from assess.tui.components.text_checkbox import TextCheckbox
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.safe import has_unsafe, shown, shown_line
from assess.tui.session import Details
from assess.tui.state import DETAILS_DRAFT, Draft, FieldValue
from assess.tui.text import plain, plain_line


class DetailsScreen(DraftForm[Details | None]):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="details-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="details-cancel"),
        # as in the edit form: keys typed fast after a tab go to the next field
        Binding("tab", "move_focus(1)", "Next field", id="details-next-field", priority=True, show=False),
        Binding("shift+tab", "move_focus(-1)", "Previous field", id="details-previous-field", priority=True,
                show=False),
        Binding("enter", "submit_field", "Next field", id="details-enter", priority=True, show=False),
    ]

    class DraftChanged(Message):
        """What the form holds now, a moment after the last change (None: as stored, no draft needed)."""

        def __init__(self, fields: dict[str, FieldValue] | None) -> None:
            super().__init__()
            self.fields = fields

    def __init__(self, assessment: Assessment, catalog: Catalog, lang: str, draft: Draft | None = None) -> None:
        """``draft``: field values to put back (kept from an audit that was killed with this form open)."""
        super().__init__()
        self.assessment = assessment
        self.catalog = catalog
        self.lang = lang
        self.details = Details.of(assessment)
        self.draft = draft if draft is not None and draft.norm_id == DETAILS_DRAFT else None
        service = assessment.service
        # field id -> the text as stored (a field still showing it escaped keeps the stored text exactly)
        self._stored = {"name": service.name, "kind": service.kind or "", "location": service.location or "",
                        "assessors": "\n".join(assessment.assessors)}
        self._warned: tuple[str, ...] | None = None  # the answers the user was told would go
        self._discard_warned = False

    def compose(self) -> ComposeResult:
        lang, details = self.lang, self.details
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("details.title", lang)
            dialog.border_subtitle = label("edit.keys", lang)
            with VerticalScroll(id="fields"):
                yield Label(label("details.name", lang))
                yield Input(shown_line(self._stored["name"]), id="name", compact=True, select_on_focus=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label(label("details.kind", lang))
                        yield Input(shown_line(self._stored["kind"]), id="kind", compact=True,
                                    select_on_focus=False, placeholder=label("details.kind_example", lang))
                    with Vertical():
                        yield Label(label("details.location", lang))
                        yield Input(shown_line(self._stored["location"]), id="location", compact=True,
                                    select_on_focus=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label(label("details.assessors", lang))
                        yield TextArea(shown(self._stored["assessors"]), id="assessors", compact=True,
                                       soft_wrap=True)
                    with Vertical(classes="narrow"):
                        yield Label(label("details.date", lang))
                        yield Input(details.date.isoformat() if details.date else "", id="date", compact=True,
                                    select_on_focus=False, placeholder=label("edit.date_format", lang))
                yield Label(label("details.settings", lang))
                for setting_id, section in self.catalog.settings.items():
                    number = section.source_section or setting_id
                    yield TextCheckbox(plain_line(f"{number} {section.title[lang]}"), setting_id in details.settings,
                                       id=f"setting-{setting_id}", compact=True, classes="setting")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield FormButton(label("key.save", lang), id="save", variant="primary", compact=True)
                yield FormButton(label("key.cancel", lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self._stored_fields = self.field_values()
        if self.draft is not None:
            self._put_back(self.draft)

    def field_values(self) -> dict[str, FieldValue]:
        values: dict[str, FieldValue] = {field_id: self.query_one(f"#{field_id}", Input).value
                                         for field_id in ("name", "kind", "location", "date")}
        values["assessors"] = self.query_one("#assessors", TextArea).text
        for setting_id in self.catalog.settings:
            values[f"setting-{setting_id}"] = self.query_one(f"#setting-{setting_id}", TextCheckbox).value
        return values

    def _put_back(self, draft: Draft) -> None:
        fields = draft.fields
        for field_id in ("name", "kind", "location", "date"):
            if isinstance(fields.get(field_id), str):
                self.query_one(f"#{field_id}", Input).value = str(fields[field_id])  # escaped when changed, if need be
        if isinstance(fields.get("assessors"), str):
            self.query_one("#assessors", TextArea).text = str(fields["assessors"])
        for setting_id in self.catalog.settings:
            chosen = fields.get(f"setting-{setting_id}")
            if isinstance(chosen, bool):
                self.query_one(f"#setting-{setting_id}", TextCheckbox).value = chosen
        self._say(label("edit.draft_restored", self.lang, when=draft.written.replace("T", " ")))

    def draft_message(self, fields: dict[str, FieldValue] | None) -> Message:
        return self.DraftChanged(fields)

    def draft_id(self) -> str:
        return DETAILS_DRAFT

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        self._changed()

    def action_move_focus(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_submit_field(self) -> None:
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._discard_warned = False
        if has_unsafe(event.value):  # pasted control characters: shown (and kept) escaped, never sent raw
            event.input.value = shown_line(event.value)
            return
        self._changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._discard_warned = False
        if has_unsafe(event.text_area.text):
            event.text_area.text = shown(event.text_area.text)
            return
        self._changed()

    def _field(self, field_id: str, value: str) -> str:
        stored = self._stored[field_id]
        return stored if value == (shown(stored) if field_id == "assessors" else shown_line(stored)) else value

    def read_details(self) -> Details:
        """The details the form now describes; ValueError (in the user's language) when they cannot be."""
        lang = self.lang
        name = self._field("name", self.query_one("#name", Input).value).strip()
        if not name:
            raise ValueError(label("details.needs_name", lang))
        kind = self._field("kind", self.query_one("#kind", Input).value).strip() or None
        location = self._field("location", self.query_one("#location", Input).value).strip() or None
        assessors = tuple(dict.fromkeys(
            line.strip() for line in self._field("assessors", self.query_one("#assessors", TextArea).text).splitlines()
            if line.strip()))
        date_text = self.query_one("#date", Input).value.strip()
        date = None
        if date_text:
            try:
                date = dt.date.fromisoformat(date_text)
            except ValueError:
                raise ValueError(label("edit.bad_date", lang, value=date_text)) from None
        settings = tuple(s for s in self.catalog.settings
                         if self.query_one(f"#setting-{s}", TextCheckbox).value)
        return replace(self.details, service=Service(name, kind, location), assessors=assessors, date=date,
                       settings=settings)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            await self.action_save()
        else:
            self.action_cancel()

    async def fields_settled(self) -> None:
        """Wait until every field has handled the keys already sent to it (see the edit form)."""
        for field in (*self.query(Input), *self.query(TextArea)):
            handled = asyncio.get_running_loop().create_future()
            field.call_later(lambda handled=handled: None if handled.done() else handled.set_result(None))
            await handled

    def _say(self, text: str) -> None:
        self.query_one("#error", Static).update(plain(text))

    async def action_save(self) -> None:
        await self.fields_settled()
        if not self.is_current:
            return
        try:
            details = self.read_details()
        except ValueError as problem:
            self._say(str(problem))
            return
        dropped = details.dropped_answers(self.assessment, self.catalog)
        if dropped and self._warned != dropped:  # answers would go with their setting: asked once more
            self._warned = dropped
            self._say(label("details.drops", self.lang, count=len(dropped), ids=", ".join(dropped[:8])
                            + (" …" if len(dropped) > 8 else "")))
            return
        self.dismiss(details)

    def may_discard(self) -> bool:
        try:
            unchanged = self.read_details() == self.details
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
