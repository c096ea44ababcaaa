"""portfolio.md: the portfolio (:class:`assess.analysis.portfolio.PortfolioData`) for people, in Dutch or English.

Written line by line through a ``write`` function, and its long tables (one row per service) with
:func:`assess.render.markdown_table.table_lines`, which keeps the rows between the table's two passes on a tape
(:class:`assess.files.spool.SpoolTape`: a few thousand in a list, the rest in the portfolio's spool), so the
portfolio of thousands of services is never held in memory as one text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from assess.analysis.portfolio import Entry, PortfolioData, ServiceSummary
from assess.analysis.portfolio_views import groups
from assess.i18n import number, t
from assess.model.catalog import Catalog
from assess.render.markdown_table import table, table_lines
from assess.render.text import md_escape, percent_text, result_label, score_text, short, status_label
from assess.terminal_text import visible

TOP_NORMS = 20  # rows of "norms most often not met" in portfolio.md (portfolio.json has them all)

Write = Callable[[str], Any]


def _cell(score: float | None, status: str | None, lang: str, completeness: float = 100.0) -> str:
    """Score and status; ``*`` marks a score over part of the section (not every norm assessed)."""
    if score is None:
        return "–"
    return f"{score_text(score, lang)} {status_label(status, lang)}" + (" *" if completeness < 100 else "")


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "–"


def _trend(change: float | None, lang: str) -> str:
    """↑ +3.2, ↓ -1.0, = (no change), – (no score to compare)."""
    if change is None:
        return "–"
    if change == 0:
        return "="
    return ("↑ " if change > 0 else "↓ ") + number(change, lang, sign=True)


def _floor_mark(summary: ServiceSummary) -> str:
    """⚠ a critical norm not fully met (red), ⚖ a critical norm disputed (at most amber)."""
    return (" ⚠" if summary.critical_not_fully_met else "") + (" ⚖" if summary.critical_disputed else "")


def _service_cell(entry: Entry, data: PortfolioData) -> str:
    s = entry.summary
    name = md_escape(s.name)
    fmt = "md" if "md" in data.formats else data.formats[0] if data.formats else None
    link = f"[{name}]({entry.stem}.{fmt})" if fmt else name
    return link + (f" · {md_escape(s.location)}" if s.location else "")


def _fence(items: Iterable[object]) -> Iterator[str]:
    """A code block around the ``items`` as text, its fence longer than any run of backticks inside; control and
    invisible characters (a file's name may hold ESC, or an undecodable byte) written as visible escapes."""
    texts = [visible(str(item)) for item in items]
    longest = 0
    for text in texts:
        run = 0
        for char in text:
            run = run + 1 if char == "`" else 0
            longest = max(longest, run)
    ticks = "`" * max(3, longest + 1)
    yield ticks + "text"
    yield from texts
    yield ticks


def write(data: PortfolioData, catalog: Catalog, lang: str, write: Write,
                   group_by: str | None = None) -> None:
    """portfolio.md in ``lang``, written line by line through ``write``; ``group_by`` (kind or location) splits
    the matrix into a table per kind or location."""
    page = _Page(data, catalog, lang, write, group_by)
    page.lines(f"# {page.t('portfolio.title')}", "",
               f"{page.t('report.checklist')}: {md_escape(catalog.title[lang])} ({data.catalog_id}, "
               f"{page.t('report.version')} {data.catalog_version})", "")
    for section in (page.summary, page.critical_gaps, page.disputed, page.matrix, page.reaudits, page.settings,
                    page.norms, page.not_processed,
                    page.rules):
        section()


class _Page:
    """The sections of portfolio.md, in order; each writes its lines and the blank line after them."""

    def __init__(self, data: PortfolioData, catalog: Catalog, lang: str, write: Write,
                 group_by: str | None = None) -> None:
        self.data, self.catalog, self.lang, self.write = data, catalog, lang, write
        self.group_by = group_by
        self.tape = data.services.tape()

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def lines(self, *items: str) -> None:
        self.stream(items)

    def stream(self, items: Iterable[str]) -> None:
        """Lines as they come: a table made by :func:`table_lines` is never held whole."""
        for item in items:
            self.write(item + "\n")

    def summary(self) -> None:
        data, lang = self.data, self.lang
        failed = len(data.failures)
        rows = [
            [self.t("portfolio.processed"), str(len(data.services))],
            [self.t("portfolio.failed"), f"{failed} ({self.t('portfolio.see_below')})" if failed else "0"],
            [self.t("portfolio.status_counts"), " · ".join(f"{status_label(None if k == 'none' else k, lang)} {v}"
                                                           for k, v in data.status_counts().items())],
            [self.t("portfolio.critical_services"), str(data.critical_services)],
            [self.t("portfolio.disputed_services"), str(data.disputed_services)],
        ]
        if data.superseded:
            rows.insert(1, [self.t("portfolio.not_counted"), str(len(data.superseded))])
        self.lines(f"## {self.t('report.summary')}", "", table(["", ""], rows), "")

    def matrix(self) -> None:
        data, lang = self.data, self.lang
        self.lines(f"## {self.t('portfolio.matrix')}", "")
        if not data.services:
            self.lines(self.t("portfolio.no_services"), "")
            return
        principles = self.catalog.principles

        def rows(entries: Iterable[Entry]) -> Iterator[list[str]]:
            for entry in entries:
                rank, s = entry.rank, entry.summary
                by_id = {r.id: r for r in s.principles}
                cells = [_cell(by_id[p.id].score, by_id[p.id].status, lang, by_id[p.id].completeness)
                         if p.id in by_id else "–" for p in principles]
                overall = _cell(s.score, s.status, lang) if s.score is not None else status_label(s.status, lang)
                row = [str(rank), _service_cell(entry, data), *cells, overall + _floor_mark(s),
                       percent_text(s.completeness, lang), ", ".join(s.settings) or "–"]
                if trends:
                    row.insert(len(principles) + 3, _trend(entry.trend.overall if entry.trend else None, lang)
                               if entry.trend else "–")
                yield row

        trends = data.has("trend")
        headers = (["#", self.t("portfolio.col.service")]
                   + [self.t("portfolio.col.principle", id=p.id) for p in principles]
                   + [self.t("portfolio.col.overall"), self.t("col.complete"), self.t("report.settings")])
        align = ["right", "left"] + ["right"] * len(principles) + ["right", "right", "left"]
        if trends:
            headers.insert(len(principles) + 3, self.t("diff.trend"))
            align.insert(len(principles) + 3, "right")
        self.lines(self.t("portfolio.matrix_intro"), "")
        for group in groups(data, self.group_by):
            if self.group_by:
                name = md_escape(group.name) if group.name else self.t("html.group_none")
                self.lines(f"### {self.t('html.group', what=self.t(f'html.group_{self.group_by}'), name=name)}", "")
            self.stream(table_lines(headers, partial(rows, group.entries), align, self.tape))
            self.lines("")
        if data.has("partial"):
            self.lines(self.t("portfolio.partial_mark"), "")
        if data.critical_services or data.disputed_services:
            self.lines(self.t("portfolio.critical_mark"), "")
        self.lines(*("- " + self.t("portfolio.legend", col=self.t("portfolio.col.principle", id=p.id),
                                   label=p.label(lang), title=md_escape(short(p.title[lang], 100)))
                     for p in principles), "")

    def reaudits(self) -> None:
        """Services assessed more than once: the trend per principle against the previous assessment, and
        the assessments not counted (earlier ones, inputs of a consensus)."""
        data, lang = self.data, self.lang
        if not data.superseded:
            return
        self.lines(f"## {self.t('portfolio.reaudits')}", "", self.t("portfolio.reaudits_intro"), "")
        principles = self.catalog.principles
        if data.has("trend"):
            def trend_rows() -> Iterator[list[str]]:
                for entry in data.services.having("trend"):
                    trend = entry.trend
                    assert trend is not None
                    by_id = dict(trend.principles)
                    yield [_service_cell(entry, data), md_escape(_date(trend.previous_date)),
                           md_escape(_date(entry.summary.date)), _trend(trend.overall, lang),
                           *(_trend(by_id.get(p.id), lang) for p in principles)]

            headers = [self.t("portfolio.col.service"), self.t("portfolio.col.previous"),
                       self.t("portfolio.col.latest"), self.t("portfolio.col.overall"),
                       *(self.t("portfolio.col.principle", id=p.id) for p in principles)]
            self.stream(table_lines(headers, trend_rows,
                                    ["left", "left", "left"] + ["right"] * (len(principles) + 1), self.tape))
            self.lines("")

        def superseded_rows() -> Iterator[list[str]]:
            for s in data.superseded:
                yield [md_escape(s.path), md_escape(s.name), md_escape(_date(s.date)),
                       self.t(f"portfolio.reason.{s.reason}"), md_escape(s.counted_path)]

        headers = [self.t("portfolio.col.file"), self.t("portfolio.col.service"), self.t("portfolio.col.date"),
                   self.t("portfolio.col.why"), self.t("portfolio.col.counted")]
        self.lines(f"### {self.t('portfolio.not_counted')} ({len(data.superseded)})", "")
        self.stream(table_lines(headers, superseded_rows, ["left"] * len(headers), self.tape))
        self.lines("")

    def settings(self) -> None:
        data, lang = self.data, self.lang
        if not data.has("setting_scores"):
            return

        def rows() -> Iterator[list[str]]:
            for entry in data.services.having("setting_scores"):
                for row in entry.summary.setting_scores:
                    section = self.catalog.settings[row.id]
                    yield [_service_cell(entry, data), md_escape(f"{row.id} ({section.label(lang)})"),
                           _cell(row.score, row.status, lang), percent_text(row.completeness, lang)]

        headers = [self.t("portfolio.col.service"), self.t("portfolio.col.setting"), self.t("col.score"),
                   self.t("col.complete")]
        self.lines(f"## {self.t('portfolio.settings')}", "", self.t("report.settings_apart"), "")
        self.stream(table_lines(headers, rows, ["left", "left", "right", "right"], self.tape))
        self.lines("")

    def norms(self) -> None:
        data, lang = self.data, self.lang
        self.lines(f"## {self.t('portfolio.norms')}", "")
        if not data.norms_not_met:
            self.lines(self.t("portfolio.norms_none"), "")
            return
        rows = []
        for c in data.norms_not_met[:TOP_NORMS]:
            label = c.id + (f" ⚠ {self.t('critical')}" if c.critical else "")
            rows.append([md_escape(label), md_escape(short(self.catalog.item(c.id).text[lang], 70)), str(c.not_met),
                         str(c.applicable), "–" if c.share is None else percent_text(c.share, lang),
                         str(c.partial)])
        headers = [self.t("col.norm"), self.t("col.text"), self.t("portfolio.col.not_met"),
                   self.t("portfolio.col.applicable"), self.t("portfolio.col.share"), self.t("portfolio.col.partial")]
        self.lines(self.t("portfolio.norms_intro"), "",
                   table(headers, rows, ["left", "left", "right", "right", "right", "right"]), "")
        more = len(data.norms_not_met) - TOP_NORMS
        if more > 0:
            self.lines(self.t("portfolio.norms_more", n=more), "")

    def critical_gaps(self) -> None:
        data, lang = self.data, self.lang
        self.lines(f"## {self.t('portfolio.critical')}", "",
                   self.t("portfolio.critical_intro", ids=", ".join(data.critical_ids)), "")
        if not data.has("critical_gaps"):
            self.lines(self.t("portfolio.critical_none"), "")
            return

        def rows() -> Iterator[list[str]]:
            for entry in data.services.having("critical_gaps"):
                for gap in entry.summary.critical_gaps:
                    yield [_service_cell(entry, data), md_escape(gap.norm),
                           md_escape(result_label(self.catalog, gap.result, lang)),
                           md_escape(gap.action) if gap.action else "–"]

        headers = [self.t("portfolio.col.service"), self.t("col.norm"), self.t("col.result"), self.t("col.action")]
        self.stream(table_lines(headers, rows, ["left"] * 4, self.tape))
        self.lines("")

    def disputed(self) -> None:
        """Every norm still disputed, per service; critical ones first and marked (they hold the status below
        green)."""
        data = self.data
        if not data.has("disputed"):
            return

        def rows() -> Iterator[list[str]]:
            for entry in data.services.having("disputed"):
                for item, critical in sorted(entry.summary.disputed, key=lambda pair: not pair[1]):
                    mark = f" ⚠ {self.t('critical')}" if critical else ""
                    yield [_service_cell(entry, data), md_escape(item + mark)]

        self.lines(f"## {self.t('floor.disputed')}", "", self.t("portfolio.disputed_intro"), "")
        self.stream(table_lines([self.t("portfolio.col.service"), self.t("col.norm")], rows, ["left", "left"],
                                self.tape))
        self.lines("")

    def not_processed(self) -> None:
        data = self.data
        self.lines(f"## {self.t('portfolio.not_processed')} ({len(data.failures)})", "")
        if data.failures:
            self.lines(self.t("portfolio.not_processed_intro"), "")
            self.stream(_fence(data.problems))
            self.lines("")
        else:
            self.lines(self.t("portfolio.all_processed"), "")

    def rules(self) -> None:
        self.lines(f"## {self.t('report.rules')}", "", self.t("report.rules_text"), "",
                   f"### {self.t('portfolio.rules_portfolio')}", "", self.t("portfolio.rules_text"), "", "---", "",
                   f"_{self.t('report.source')}_")
