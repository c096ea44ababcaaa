"""A form whose fields are kept as a draft (:mod:`assess.tui.state`) a moment after the last change, so a kill -9
loses nothing typed: the edit form and the service details."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.timer import Timer

from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.components.screen_kinds import Form
from assess.tui.state import DRAFT_SECONDS, FieldValue

ResultT = TypeVar("ResultT")


class DraftForm(DimmedModalScreen[ResultT], Form):
    """Calls :meth:`_changed` at every change of a field; :meth:`draft_message` is posted with the fields a
    moment after the last one (None: as first shown, no draft needed), and never after :meth:`dismiss`."""

    _stored_fields: dict[str, FieldValue] | None = None  # the fields as first shown; None while filling them
    _draft_timer: Timer | None = None
    _open = True  # from an open until dismiss
    _discard_warned = False  # esc said once that closing throws the typing away

    def field_values(self) -> dict[str, FieldValue]:
        """Every field as it is now, as typed (the draft kept on disk)."""
        raise NotImplementedError

    def draft_message(self, fields: dict[str, FieldValue] | None) -> Message:
        raise NotImplementedError

    def draft_id(self) -> str:
        """The norm id its drafts are kept under (:data:`assess.tui.state.DETAILS_DRAFT` for the details)."""
        raise NotImplementedError

    def keeps_draft(self, draft_id: str) -> bool:
        return self._open and draft_id == self.draft_id()

    def _stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def _changed(self) -> None:
        self._discard_warned = False
        if self._stored_fields is None or not self._open:  # still filling the form, or closed
            return
        self._stop_draft_timer()
        self._draft_timer = self.set_timer(DRAFT_SECONDS, self._post_draft)

    def _post_draft(self) -> None:
        self._draft_timer = None
        if not self.is_attached or not self._open:
            return
        fields = self.field_values()
        self.post_message(self.draft_message(None if fields == self._stored_fields else fields))

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        self._open = False
        self._stop_draft_timer()  # closed: the audit drops the draft, nothing writes it again
        return super().dismiss(result)
