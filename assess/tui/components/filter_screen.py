"""Choosing which norms the audit walks through; dismissed with the new filter, or None."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assess.tui.components.dimmed_modal import DimmedModalScreen
from assess.tui.css import stylesheet
from assess.tui.labels import label
from assess.tui.session import STATUS_FILTERS, Filter
from assess.tui.text import plain_line

SERVICE_ONLY = "service-only"


class FilterScreen(DimmedModalScreen[Filter | None]):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter-cancel"),
        *(Binding(str(number), f"pick({number - 1})", show=False, id=f"filter-{number}")
          for number in range(1, len(STATUS_FILTERS) + 2)),
    ]

    def __init__(self, current: Filter, lang: str) -> None:
        super().__init__()
        self.chosen = current
        self.lang = lang

    def _options(self) -> list[Option]:
        options = []
        for number, status in enumerate(STATUS_FILTERS, 1):
            mark = "●" if self.chosen.status == status else "○"
            options.append(Option(plain_line(f"{number} {mark} {label(f'filter.{status}', self.lang)}"), id=status))
        box = "[x]" if self.chosen.service_only else "[ ]"
        options.append(Option(plain_line(f"{len(STATUS_FILTERS) + 1} {box} {label('filter.service_only', self.lang)}"),
                              id=SERVICE_ONLY))
        return options

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = label("filter.title", self.lang)
            dialog.border_subtitle = label("filter.keys", self.lang)
            yield OptionList(*self._options(), id="choices")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = STATUS_FILTERS.index(self.chosen.status)

    def action_pick(self, index: int) -> None:
        self._choose(STATUS_FILTERS[index] if index < len(STATUS_FILTERS) else SERVICE_ONLY)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id or "")

    def _choose(self, choice: str) -> None:
        if choice == SERVICE_ONLY:
            self.chosen = replace(self.chosen, service_only=not self.chosen.service_only)
            choices = self.query_one(OptionList)
            highlighted = choices.highlighted
            choices.set_options(self._options())
            choices.highlighted = highlighted
            return
        self.dismiss(replace(self.chosen, status=choice))

    def action_cancel(self) -> None:
        self.dismiss(None)
