"""The summary: the Markdown report's numbers (from assess.analysis.scoring), a bar per section, the gaps.

Dismissed with the id of a gap to go to, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen

from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.render.text import bar, marked_score, percent_text, provisional, result_label, score_text
from assess.tui.components.border_titles import set_border_subtitle, set_border_title
from assess.tui.components.compact_footer import CompactFooter
from assess.tui.components.export_screen import ExportScreen
from assess.tui.components.kept_background import KeptBackground
from assess.tui.components.laid_out_once import DrawnOnce
from assess.tui.components.overview_pane import OverviewPane
from assess.tui.components.row_table import Row, RowTable, clip
from assess.tui.components.screen_kinds import ReturnsNorm, kept_screen_resumed
from assess.tui.components.section_list import status_content
from assess.tui.components.title_bar import TitleBar, title_info
from assess.tui.css import stylesheet
from assess.tui.keys import SUMMARY_KEYS, make_bindings, shown_keys
from assess.tui.labels import action_cell, label, section_name
from assess.tui.text import plain_line

if TYPE_CHECKING:
    from assess.tui.app import AuditApp


def overview(card: Scorecard, lang: str) -> list[Content]:
    """Overall score, status, completeness and one bar per section, worded as in the Markdown report."""
    o = card.overall
    principles_only = f"  ({label('summary.principles_only', lang)})" if card.settings else ""
    rows = [
        (t("report.overall_score", lang), Content.assemble((marked_score(card.score, card.completeness, lang), "bold"),
                                                           "  ",
                                                           status_content(card.status, lang),
                                                           (principles_only, "$text-muted"))),
        (t("report.completeness", lang), Content(
            f"{percent_text(card.completeness, lang)} "
            f"({t('report.completeness_detail', lang, assessed=o.assessed, total=o.total)})")),
        (t("report.counted", lang), Content(t("report.counted_detail", lang, counted=o.counted, met=o.met,
                                               partial=o.partial, not_met=o.not_met))),
        (t("report.excluded", lang), Content(t("report.excluded_detail", lang, na=o.na,
                                                 not_assessed=o.not_assessed))),
    ]
    width = max(len(name) for name, _ in rows) + 2
    lines = [Content.assemble((name.ljust(width), "bold"), value) for name, value in rows]
    if card.critical_failures:
        ids = ", ".join(n.id for n in card.critical_failures)
        lines.append(Content.assemble(("⚠ " + label("summary.critical", lang, ids=ids), "bold $text-error")))
    names = [section_name(entry.section, lang) for entry in card.sections]
    name_width = max(len(name) for name in names)
    status_width = max(status_content(entry.status, lang).cell_length for entry in card.sections)
    progress_width = max(len(label("audit.assessed", lang, assessed=e.tally.assessed, total=e.tally.total))
                         for e in card.sections)
    for name, entry in zip(names, card.sections, strict=True):
        status = status_content(entry.status, lang)
        progress = label("audit.assessed", lang, assessed=entry.tally.assessed, total=entry.tally.total)
        mark = "*" if provisional(entry.score, entry.completeness) else " "  # rests on part of its norms
        # the title last: whole where the screen is wide enough, cut with "…" where it is not
        lines.append(Content.assemble(name.ljust(name_width), "  ", bar(entry.score), "  ",
                                      score_text(entry.score, lang).rjust(5), mark, " ", status,
                                      " " * (status_width - status.cell_length + 2),
                                      (progress.ljust(progress_width + 2), "$text-muted"),
                                      plain_line(entry.section.title[lang])))
    if any(provisional(e.score, e.completeness) for e in card.sections) or provisional(card.score,
                                                                                        card.completeness):
        lines.append(Content.assemble((label("audit.provisional_long", lang), "$text-muted")))
    return lines


class SummaryScreen(KeptBackground, DrawnOnce, Screen[str | None], ReturnsNorm):
    """Made once and kept (installed on the app): opening it again shows it, made anew only when the
    scorecard, the language or the width changed since it was last shown."""

    DEFAULT_CSS = stylesheet(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [*make_bindings(SUMMARY_KEYS, "en")]

    def __init__(self) -> None:
        super().__init__()
        self._shown_for: tuple[object, ...] | None = None  # the scorecard, language and width shown
        self._dismissed = True  # dismissed since last shown: the next resume opens it again (else a dialog closed)

    @property
    def audit(self) -> AuditApp:
        return cast("AuditApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OverviewPane(id="overview")
        yield RowTable(id="gaps")
        yield CompactFooter()

    def on_mount(self) -> None:
        app = self.audit
        app.translate_bindings(self, SUMMARY_KEYS)
        self.watch(app, "assessment", self._changed, init=False)
        self.watch(app, "lang", self._on_language, init=False)
        self.watch(app, "save_state", self._show_title, init=False)
        self._show()
        self.query_one(RowTable).focus()

    def post_message(self, message: Message) -> bool:
        shown_before = getattr(self, "_shown_for", None) is not None
        return super().post_message(kept_screen_resumed(message, self, kept=shown_before))

    def on_screen_resume(self) -> None:
        """Opened again: as if made anew (the gaps from the top), made again only if something changed. Shown
        again as a dialog over it (export, help) closes: where it was."""
        self._show()
        table = self.query_one(RowTable)
        if self._dismissed:
            self._dismissed = False
            table.move_cursor(0, scroll=False)
            table.scroll_home(animate=False, immediate=True)
            self.query_one(OverviewPane).scroll_home(animate=False, immediate=True)
        table.focus()

    def dismiss(self, result: str | None = None) -> AwaitComplete:
        self._dismissed = True
        return super().dismiss(result)

    def _changed(self) -> None:
        if self.is_current:  # else when it is opened again
            self._show()

    def _on_language(self) -> None:
        self.audit.translate_bindings(self, SUMMARY_KEYS)
        self._changed()

    def _show_title(self) -> None:
        self.query_one(TitleBar).info = title_info(self.audit, label("summary.title", self.audit.lang))

    def _show(self) -> None:
        app = self.audit
        lang, card = app.lang, app.card
        self._show_title()
        if self._shown_for == (card, lang, self.size.width):
            return
        self._shown_for = (card, lang, self.size.width)
        self.query_one(OverviewPane).show(overview(card, lang))
        table = self.query_one(RowTable)
        set_border_title(table, plain_line(f"{t('report.gaps', lang)} ({len(card.gaps)})"))
        rows = []
        for gap in card.gaps:
            rows.append((gap.norm.id + (" ⚠" if gap.norm.critical else ""),
                         result_label(card.catalog, gap.answer.result, lang), action_cell(gap.answer.action, lang),
                         gap.norm.text[lang], gap.norm.id))
        # Fit the screen: the norm and result columns as wide as they need, action and text share the rest.
        id_width = max([len(t("col.norm", lang))] + [len(r[0]) for r in rows])
        result_width = max([len(t("col.result", lang))] + [len(r[1]) for r in rows])
        rest = max(self.size.width - id_width - result_width - 2 * 4 - 1, 30)
        action_width = rest * 2 // 5
        text_width = rest - action_width
        columns = [(t("col.norm", lang), id_width), (t("col.result", lang), result_width),
                   (t("col.action", lang), action_width), (t("col.text", lang), text_width)]
        table.show(columns, [Row(key, (norm_id, result, clip(action_text, action_width), clip(text, text_width)))
                             for norm_id, result, action_text, text, key in rows])
        export_key = shown_keys(self).get("export", "x")
        set_border_subtitle(table, plain_line(label("summary.table_keys", lang, key=export_key) if card.gaps
                                              else label("summary.no_gaps", lang)))

    def on_resize(self) -> None:
        if self.is_current:
            self._show()

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        if self.is_active:  # not when a key sent with the first (enter again, escape) closed it already
            self.dismiss(event.key)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        app = self.audit

        def done(path: str | None) -> None:
            if path:
                self.notify(label("summary.exported", app.lang, path=path), timeout=6)

        self.app.push_screen(ExportScreen(app.card, app.lang, app.path, app.catalog), done)
