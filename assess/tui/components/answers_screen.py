"""Every answer in one table: each norm (and each item of the chosen settings) the filter keeps, with its
result, how much evidence it has and its action. Dismissed with the id of the norm to go to, or None."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen

from assess.i18n import t
from assess.render.text import result_label
from assess.tui.components.border_titles import set_border_subtitle, set_border_title
from assess.tui.components.compact_footer import CompactFooter
from assess.tui.components.filter_screen import FilterScreen
from assess.tui.components.kept_background import KeptBackground
from assess.tui.components.laid_out_once import DrawnOnce
from assess.tui.components.row_table import Row, RowTable, clip
from assess.tui.components.screen_kinds import ReturnsNorm
from assess.tui.components.title_bar import TitleBar, title_info
from assess.tui.css import stylesheet
from assess.tui.keys import OVERVIEW_KEYS, make_bindings
from assess.tui.labels import action_cell, label
from assess.tui.session import Filter
from assess.tui.text import plain_line

if TYPE_CHECKING:
    from assess.tui.app import AuditApp


class AnswersScreen(KeptBackground, DrawnOnce, Screen[str | None], ReturnsNorm):
    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [*make_bindings(OVERVIEW_KEYS, "en")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current  # the norm the audit is on: the cursor starts there

    @property
    def audit(self) -> AuditApp:
        return cast("AuditApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield RowTable(id="answers")
        yield CompactFooter()

    def on_mount(self) -> None:
        app = self.audit
        app.translate_bindings(self, OVERVIEW_KEYS)
        self.watch(app, "assessment", self._show, init=False)
        self.watch(app, "norm_filter", self._show, init=False)
        self.watch(app, "lang", self._on_language, init=False)
        self.watch(app, "save_state", self._show_title, init=False)
        self._show()
        self.query_one(RowTable).focus()

    def _on_language(self) -> None:
        self.audit.translate_bindings(self, OVERVIEW_KEYS)
        self._show()

    def _show_title(self) -> None:
        self.query_one(TitleBar).info = title_info(self.audit, label("overview.title", self.audit.lang))

    def _show(self) -> None:
        app = self.audit
        lang, assessment, catalog = app.lang, app.assessment, app.catalog
        self._show_title()
        table = self.query_one(RowTable)
        if table.row_count:
            self.current = table.row_keys[table.cursor_row]
        walk = app.walk()
        rows = []
        for norm in walk.visible:
            answer = assessment.answer(norm.id)
            rows.append((norm.id + (" ⚠" if norm.critical else ""), result_label(catalog, answer.result, lang),
                         str(len(answer.evidence)) if answer.evidence else "–", action_cell(answer.action, lang),
                         norm.text[lang], norm.id))
        heads = (t("col.norm", lang), t("col.result", lang), label("overview.evidence", lang))
        widths = [max([len(head)] + [len(row[column]) for row in rows]) for column, head in enumerate(heads)]
        rest = max(self.size.width - sum(widths) - 2 * 5 - 1, 30)
        action_width = rest * 2 // 5
        text_width = rest - action_width
        columns = [*zip(heads, widths, strict=True), (t("col.action", lang), action_width),
                   (t("col.text", lang), text_width)]
        table.show(columns, [Row(key, (norm_id, result, evidence.rjust(widths[2]), clip(action_text, action_width),
                                       clip(text, text_width)))
                             for norm_id, result, evidence, action_text, text, key in rows])
        set_border_title(table, plain_line(label("overview.count", lang, shown=len(rows), total=len(walk.items))))
        set_border_subtitle(table, plain_line(label("overview.keys", lang)))
        nearest = walk.nearest(self.current)  # hidden by the filter: the next norm shown, else the one before
        if nearest in table.row_keys:
            table.move_cursor(table.row_keys.index(nearest))

    def on_resize(self) -> None:
        self._show()

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        if self.is_active:  # not when a key sent with the first (enter again, escape) closed it already
            self.dismiss(event.key)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_filter(self) -> None:
        app = self.audit

        def apply(chosen: Filter | None) -> None:
            if chosen is None:
                return
            if not app.walk(chosen).kept:
                self.notify(label("filter.none_match", app.lang), severity="warning", timeout=4)
                return
            app.norm_filter = chosen

        self.app.push_screen(FilterScreen(app.norm_filter, app.lang), apply)
