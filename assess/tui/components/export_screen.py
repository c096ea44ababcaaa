"""Exporting the report to a file the user names; dismissed (esc) with the last path written, or None."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioSet, Static

from assess.analysis.scoring import Scorecard
from assess.files.storage import atomic_write
from assess.model.catalog import Catalog
from assess.render import FORMATS, renderer
from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.components.text_radio_button import TextRadioButton
from assess.tui.css import stylesheet
from assess.tui.export import refusal
from assess.tui.labels import label, os_error
from assess.tui.text import plain

REPORT_WORD = {"nl": "rapport", "en": "report"}


def default_report_path(assessment_path: Path, fmt: str, lang: str) -> Path:
    return assessment_path.with_name(f"{assessment_path.stem}-{REPORT_WORD.get(lang, 'report')}.{fmt}")


class ExportScreen(DimmedModalScreen[str | None]):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-cancel"),
        # enter exports wherever the focus is (on the formats too), as the dialog's help line says
        Binding("enter", "export", "Export", id="export-export", priority=True, show=False),
    ]

    def __init__(self, card: Scorecard, lang: str, assessment_path: Path, catalog: Catalog) -> None:
        super().__init__()
        self.card = card
        self.catalog = catalog
        self.written: str | None = None  # the file just written, as named; an enter for it again does nothing
        self._exported: str | None = None  # the last file written (the dialog is dismissed with it)
        self.lang = lang
        self.assessment_path = assessment_path
        self.fmt = "md"
        self._confirmed_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("export.title", lang)
            dialog.border_subtitle = label("export.keys", lang)
            yield Label(label("export.format", lang))
            with RadioSet(id="format"):
                for fmt in FORMATS:
                    yield TextRadioButton(fmt, value=fmt == self.fmt, name=fmt)
            yield Label(label("export.file", lang))
            yield Input(str(default_report_path(self.assessment_path, self.fmt, lang)), id="file", compact=True)
            yield Static("", id="message")

    def on_mount(self) -> None:
        self.query_one("#file", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.written = None
        new = event.pressed.name or "md"
        field = self.query_one("#file", Input)
        current = Path(field.value)
        if current.suffix == f".{self.fmt}":
            field.value = str(current.with_suffix(f".{new}"))
        self.fmt = new
        self._confirmed_overwrite = None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed_overwrite = None
        if event.value.strip() != self.written:
            self.written = None
            self.query_one("#message", Static).update("")

    def action_export(self) -> None:
        self.export(self.query_one("#file", Input).value.strip())

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(plain(text))

    def export(self, name: str) -> None:
        lang = self.lang
        if not name:
            self._say(label("export.empty", lang))
            return
        if name == self.written:  # an extra enter after the export
            return
        path = Path(name).expanduser()  # relative to the working folder, like the FILE argument
        refused = refusal(path, self.assessment_path, self.catalog)
        if refused:
            self._say(label(refused, lang, path=name))
            return
        if not path.parent.is_dir():
            self._say(label("export.no_folder", lang, folder=str(path.parent)))
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            self._say(label("export.exists", lang, path=name))
            return
        try:
            atomic_write(path, renderer(self.fmt)(self.card, lang))
        except OSError as error:
            self._say(label("export.failed", lang, error=os_error(error, lang)))
            return
        self.written = self._exported = name
        self._confirmed_overwrite = None
        self._say(label("export.done", lang, path=name))

    def action_cancel(self) -> None:
        self.dismiss(self._exported)
