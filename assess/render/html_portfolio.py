"""portfolio.html: the portfolio as one self-contained page (``assess batch --format html``).

A heat map of services × principles (score and status word in every cell, the trend when services were
re-audited), the distribution of the overall scores (SVG with a table of the same counts), optional groups by
kind or location, and relative links to each service's report (``stem.html``), which work when the folder is
opened or zipped. Like portfolio.md it says what is not counted and why (re-audits, inputs of a consensus), which
norms are still disputed, and the settings' scores apart. Numbers
are the portfolio's (:class:`assess.analysis.portfolio.PortfolioData`,
:mod:`assess.analysis.portfolio_views`); rows are made as the page is written, never held all at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from assess.analysis.portfolio import Entry, PortfolioData
from assess.analysis.portfolio_views import distribution, groups
from assess.i18n import t
from assess.model.catalog import Catalog
from assess.render import svg_charts
from assess.render.html_page import Cell, cell, markup, prose, rule_lines, stream_page
from assess.render.portfolio_markdown import TOP_NORMS
from assess.render.text import percent_text, result_label, status_label
from assess.render.trend import delta_text

LINK_ORDER = ("html", "md", "json", "csv", "xlsx")  # the report a service's name links to


@dataclass(frozen=True)
class ServiceLine:
    rank: int
    name: str
    location: str | None
    href: str | None
    cells: tuple[Cell, ...]
    partial: tuple[bool, ...]  # the principle's score is over part of its norms
    overall: Cell
    critical: bool
    disputed: bool  # a critical norm still disputed: the overall status is at most amber
    completeness: str
    settings: str
    trend: str  # the overall score against the previous assessment (– when there is none)


def _href(entry: Entry, data: PortfolioData) -> str | None:
    fmt = next((f for f in LINK_ORDER if f in data.formats), None)
    return f"{quote(entry.stem)}.{fmt}" if fmt else None


def _line(rank: int, entry: Entry, data: PortfolioData, catalog: Catalog, lang: str) -> ServiceLine:
    s = entry.summary
    by_id = {r.id: r for r in s.principles}
    cells, partial = [], []
    for p in catalog.principles:
        row = by_id.get(p.id)
        cells.append(cell(row.score, row.status, lang) if row else cell(None, None, lang))
        partial.append(bool(row and row.score is not None and row.completeness < 100))
    return ServiceLine(rank, s.name, s.location, _href(entry, data), tuple(cells), tuple(partial),
                       cell(s.score, s.status, lang), bool(s.critical_not_fully_met), bool(s.critical_disputed),
                       percent_text(s.completeness, lang), ", ".join(s.settings) or "–",
                       delta_text(entry.trend.overall, lang) if entry.trend else "–")


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "–"


def _group_title(name: str | None, by: str, lang: str) -> str:
    return t("html.group", lang, what=t(f"html.group_{by}", lang), name=name or t("html.group_none", lang))


def write(data: PortfolioData, catalog: Catalog, lang: str, write: Callable[[str], Any],
                   group_by: str | None = None) -> None:
    """portfolio.html in ``lang``, written piece by piece through ``write``."""
    spread = distribution(data)
    bands = [(f"{b.low}–{b.high}", b.count) for b in spread.bands] + [(t("html.no_score_band", lang),
                                                                     spread.no_score)]
    chart = svg_charts.histogram(bands, t("html.distribution_title", lang), t("html.radar_desc", lang))

    def heat_groups() -> Iterator[tuple[str | None, Iterator[ServiceLine]]]:
        for group in groups(data, group_by):
            title = _group_title(group.name, group_by, lang) if group_by else None
            yield title, (_line(e.rank, e, data, catalog, lang) for e in group.entries)

    def critical_rows() -> Iterator[tuple[ServiceLine, str, str, str]]:
        for entry in data.services.having("critical_gaps"):
            line = _line(entry.rank, entry, data, catalog, lang)
            for gap in entry.summary.critical_gaps:
                yield (line, gap.norm,
                       result_label(catalog, gap.result, lang), gap.action or "–")

    def trend_rows() -> Iterator[tuple[ServiceLine, str, str, str, list[str]]]:
        for entry in data.services.having("trend"):
            trend = entry.trend
            assert trend is not None
            by_id = dict(trend.principles)
            yield (_line(entry.rank, entry, data, catalog, lang), _day(trend.previous_date), _day(entry.summary.date),
                   delta_text(trend.overall, lang), [delta_text(by_id.get(p.id), lang) for p in catalog.principles])

    def not_counted_rows() -> Iterator[tuple[str, str, str, str, str]]:
        for gone in data.superseded:
            yield (gone.path, gone.name, _day(gone.date), t(f"portfolio.reason.{gone.reason}", lang), gone.counted_path)

    def disputed_rows() -> Iterator[tuple[ServiceLine, str, bool]]:
        for entry in data.services.having("disputed"):
            line = _line(entry.rank, entry, data, catalog, lang)
            for item, critical in sorted(entry.summary.disputed, key=lambda pair: not pair[1]):
                yield line, item, critical

    def setting_rows() -> Iterator[tuple[ServiceLine, str, Cell, str]]:
        for entry in data.services.having("setting_scores"):
            line = _line(entry.rank, entry, data, catalog, lang)
            for row in entry.summary.setting_scores:
                yield (line, f"{row.id} ({catalog.settings[row.id].label(lang)})", cell(row.score, row.status, lang),
                       percent_text(row.completeness, lang))

    norms = [(c.id + (f" ⚠ {t('critical', lang)}" if c.critical else ""), catalog.item(c.id).text[lang],
              str(c.not_met), str(c.applicable), "–" if c.share is None else percent_text(c.share, lang),
              str(c.partial)) for c in data.norms_not_met[:TOP_NORMS]]
    counts = data.status_counts()
    status_counts = " · ".join(f"{status_label(None if k == 'none' else k, lang)} {v}" for k, v in counts.items())
    stream_page(
        "portfolio.html.j2", lang, write, data=data, catalog=catalog,
        checklist=f"{t('report.checklist', lang)}: {catalog.title[lang]} ({data.catalog_id}, "
                  f"{t('report.version', lang)} {data.catalog_version})",
        status_counts=status_counts, chart=markup(chart), bands=bands, heat_groups=heat_groups(),
        principles=[(t("portfolio.col.principle", lang, id=p.id), p.label(lang), p.title[lang])
                    for p in catalog.principles],
        norms=norms, more=max(0, len(data.norms_not_met) - TOP_NORMS), critical_rows=critical_rows(),
        has_critical_gaps=data.has("critical_gaps"), has_trend=data.has("trend"), trend_rows=trend_rows(),
        not_counted_rows=not_counted_rows(), has_disputed=data.has("disputed"), disputed_rows=disputed_rows(),
        has_settings=data.has("setting_scores"), setting_rows=setting_rows(), has_partial=data.has("partial"),
        prose=prose,
        problems=data.problems, rules=rule_lines(t("report.rules_text", lang)),
        portfolio_rules=rule_lines(t("portfolio.rules_text", lang)), source=t("report.source", lang),
    )


def render(data: PortfolioData, catalog: Catalog, lang: str, group_by: str | None = None) -> str:
    parts: list[str] = []
    write(data, catalog, lang, parts.append, group_by)
    return "".join(parts)
