"""The portfolio: one overview of many services' scorecards (``assess batch``).

Every number per service is taken from its :class:`assess.scoring.Scorecard` as is; the portfolio
recomputes no score and averages nothing across services. What it adds is counting: how many services
assessed each norm as not met, out of how many that assessed it as applicable.

The builder is fed one small :class:`ServiceSummary` at a time and keeps only what the overview shows,
so a portfolio of thousands of services stays small in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from assess.catalog import Catalog
from assess.errors import Problem
from assess.i18n import LABELS as CORE_LABELS
from assess.i18n import pick
from assess.i18n import t as core_t
from assess.scoring import Scorecard, round1

FORMAT_VERSION = 1
TOP_NORMS = 20  # rows of "norms most often not met" in portfolio.md (portfolio.json has them all)

LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "pf.title": ("Portfolio-overzicht", "Portfolio overview"),
    "pf.processed": ("Verwerkte diensten", "Services processed"),
    "pf.failed": ("Niet verwerkte invoer", "Inputs not processed"),
    "pf.see_below": ("zie „Niet verwerkt”", "see “Not processed”"),
    "pf.status_counts": ("Totaalstatus", "Overall status"),
    "pf.critical_services": ("Diensten met een kritieke norm niet voldaan", "Services with a critical norm not met"),
    "pf.matrix": ("Scores per beginsel", "Scores per principle"),
    "pf.matrix_intro": (
        "Per dienst de score en status van elk beginsel, de totaalscore met de totaalstatus, en de volledigheid. "
        "Gesorteerd op totaalscore, hoogste eerst; diensten zonder score staan onderaan.",
        "Per service the score and status of each principle, the overall score with the overall status, and the "
        "completeness. Sorted by overall score, highest first; services without a score come last.",
    ),
    "pf.col.service": ("Dienst", "Service"),
    "pf.col.principle": ("B{id}", "P{id}"),
    "pf.col.overall": ("Totaal", "Overall"),
    "pf.col.settings": ("Settings", "Settings"),
    "pf.col.setting": ("Setting", "Setting"),
    "pf.col.not_met": ("Niet voldaan", "Not met"),
    "pf.col.applicable": ("Van (toepasselijk beoordeeld)", "Out of (assessed as applicable)"),
    "pf.col.share": ("Aandeel", "Share"),
    "pf.col.partial": ("Gedeeltelijk", "Partially met"),
    "pf.legend": ("{col} = {label}: {title}", "{col} = {label}: {title}"),
    "pf.partial_mark": (
        "\\* = niet elke norm van dit beginsel is beoordeeld: de score telt alleen de beoordeelde normen; "
        "de volledigheid per beginsel staat in het rapport van de dienst en in portfolio.json.",
        "\\* = not every norm of this principle was assessed: the score counts only the assessed norms; "
        "the completeness per principle is in the service's report and in portfolio.json.",
    ),
    "pf.critical_mark": (
        "⚠ = een kritieke norm is niet voldaan: de totaalstatus is ROOD, ongeacht de score.",
        "⚠ = a critical norm is not met: the overall status is RED, whatever the score.",
    ),
    "pf.settings": ("Settings (apart gescoord)", "Settings (scored apart)"),
    "pf.norms": ("Normen die het vaakst niet voldaan zijn", "Norms most often not met"),
    "pf.norms_intro": (
        "„Niet voldaan” telt de diensten die de norm als niet voldaan beoordeelden. „Van” is de noemer van het "
        "aandeel: de diensten die de norm als toepasselijk beoordeelden (voldaan, gedeeltelijk of niet voldaan); "
        "niet van toepassing en niet beoordeeld tellen niet mee. Aandeel = niet voldaan / van. Een setting-norm "
        "telt alleen bij de diensten die die setting kozen. Gesorteerd op aantal, dan aandeel, dan normvolgorde.",
        "“Not met” counts the services that assessed the norm as not met. “Out of” is the denominator of the "
        "share: the services that assessed the norm as applicable (met, partially met or not met); not applicable "
        "and not assessed are excluded. Share = not met / out of. A setting's norm counts only at the services "
        "that chose that setting. Sorted by count, then share, then norm order.",
    ),
    "pf.norms_more": (
        "Nog {n} normen zijn bij ten minste één dienst niet voldaan; portfolio.json bevat de volledige lijst.",
        "{n} more norms are not met at one or more services; portfolio.json has the full list.",
    ),
    "pf.norms_none": ("Geen enkele norm is bij een dienst als niet voldaan beoordeeld.",
                      "No norm was assessed as not met at any service."),
    "pf.critical": ("Kritieke tekortkomingen per dienst", "Critical gaps by service"),
    "pf.critical_intro": (
        "Kritieke normen ({ids}; de lezing van het assess-project) die niet of gedeeltelijk voldaan zijn. "
        "Een kritieke norm die niet voldaan is, maakt de totaalstatus van de dienst ROOD.",
        "Critical norms ({ids}; the assess project's reading) that are not met or partially met. "
        "A critical norm not met makes the service's overall status RED.",
    ),
    "pf.critical_none": ("Geen kritieke tekortkomingen.", "No critical gaps."),
    "pf.not_processed": ("Niet verwerkt", "Not processed"),
    "pf.not_processed_intro": (
        "Deze invoer kon niet worden gebruikt en telt nergens mee. Per regel: BESTAND:REGEL: melding.",
        "These inputs could not be used and count nowhere. One per line: FILE:LINE: message.",
    ),
    "pf.all_processed": ("Alle invoer is verwerkt.", "All inputs were processed."),
    "pf.no_services": ("Geen diensten verwerkt.", "No services processed."),
    "pf.rules_portfolio": ("Portfolio", "Portfolio"),
    "pf.rules_text": (
        "- Elke dienst is gescoord zoals in zijn eigen gap-rapport, met de rekenregels hierboven. Het portfolio rekent "
        "geen scores opnieuw uit en berekent geen gemiddelde over diensten.\n"
        "- Een cel B1–B7 is de score van dat beginsel met de status van die score. „Totaal” is de totaalscore (de 7 "
        "beginselen, zonder settings) met de totaalstatus, die ROOD is als een kritieke norm niet voldaan is.\n"
        "- Settings worden apart gescoord en tellen nergens in de beginselscores of de totaalscore mee.\n"
        "- Sortering: totaalscore (afgerond, zoals getoond), hoogste eerst; zonder score onderaan; bij gelijke score "
        "op naam, dan op bestandsvolgorde.\n"
        "- Normen die het vaakst niet voldaan zijn: aantal = diensten met niet voldaan; noemer = diensten die de "
        "norm als toepasselijk beoordeelden; aandeel afgerond op één decimaal (half naar boven).\n"
        "- Niet verwerkte invoer telt nergens mee: niet in de aantallen, niet in de noemers.",
        "- Each service is scored as in its own gap report, with the scoring rules above. The portfolio recomputes no "
        "score and computes no average across services.\n"
        "- A cell P1–P7 is that principle's score with that score's status. “Overall” is the overall score (the 7 "
        "principles, without settings) with the overall status, which is RED when a critical norm is not met.\n"
        "- Settings are scored apart and never count towards principle scores or the overall score.\n"
        "- Sorting: overall score (rounded, as shown), highest first; no score last; equal scores by name, then "
        "by file order.\n"
        "- Norms most often not met: count = services with not met; denominator = services that assessed the norm "
        "as applicable; share rounded to one decimal (half up).\n"
        "- Inputs not processed count nowhere: not in the counts, not in the denominators.",
    ),
}


def t(key: str, lang: str, **values: object) -> str:
    """The portfolio's own labels, else the core's (:func:`assess.i18n.t`)."""
    if key not in LABELS:
        return core_t(key, lang, **values)
    return pick(LABELS, key, lang, **values)


assert not set(LABELS) & set(CORE_LABELS), "portfolio labels must not shadow core labels"


# --------------------------------------------------------------------------------------------------
# What a worker sends back for one service


@dataclass(frozen=True, slots=True)
class SectionRow:
    id: str
    score: float | None
    status: str | None
    completeness: float


@dataclass(frozen=True, slots=True)
class CriticalGap:
    norm: str
    result: str
    action: str | None


@dataclass(frozen=True, slots=True)
class ServiceSummary:
    """One service's numbers for the portfolio, copied from its scorecard (small and picklable)."""

    index: int
    path: str
    name: str
    kind: str | None
    location: str | None
    settings: tuple[str, ...]
    score: float | None
    status: str | None
    score_status: str | None
    completeness: float
    counted: int
    met: int
    partial: int
    not_met: int
    na: int
    not_assessed: int
    total: int
    principles: tuple[SectionRow, ...]
    setting_scores: tuple[SectionRow, ...]
    critical_not_met: tuple[str, ...]
    critical_gaps: tuple[CriticalGap, ...]
    applicable: tuple[tuple[str, str], ...] = ()  # (item id, result) for assessed, applicable items
    warnings: tuple[Problem, ...] = ()
    date: dt.date | None = None
    assessors: tuple[str, ...] = ()


def _row(entry) -> SectionRow:
    return SectionRow(entry.section.id, entry.score, entry.status, entry.completeness)


def summarize(index: int, path: str, card: Scorecard, warnings: Iterable[Problem] = ()) -> ServiceSummary:
    a = card.assessment
    counted_ids = {o.id for o in card.catalog.answer_set.options if not o.excluded}
    applicable = tuple((n.id, r) for n in card.catalog.items_for(a.settings)
                       if (r := a.result(n.id)) in counted_ids)
    o = card.overall
    return ServiceSummary(
        index=index, path=path, name=a.service.name, kind=a.service.kind, location=a.service.location,
        settings=tuple(a.settings), score=card.score, status=card.status, score_status=card.score_status,
        completeness=card.completeness, counted=o.counted, met=o.met, partial=o.partial, not_met=o.not_met,
        na=o.na, not_assessed=o.not_assessed, total=o.total,
        principles=tuple(_row(e) for e in card.principles), setting_scores=tuple(_row(e) for e in card.settings),
        critical_not_met=tuple(n.id for n in card.critical_failures),
        critical_gaps=tuple(CriticalGap(g.norm.id, g.answer.result or "",
                                        g.answer.action.description if g.answer.action else None)
                            for g in card.gaps if g.norm.critical),
        applicable=applicable, warnings=tuple(warnings), date=a.date, assessors=tuple(a.assessors),
    )


# --------------------------------------------------------------------------------------------------
# Building the portfolio


@dataclass(frozen=True)
class Entry:
    summary: ServiceSummary
    stem: str  # report file name without extension


@dataclass(frozen=True)
class NormCount:
    id: str
    section: str
    critical: bool
    not_met: int
    partial: int
    applicable: int

    @property
    def exact_share(self) -> Fraction:
        return Fraction(100 * self.not_met, self.applicable)

    @property
    def share(self) -> float | None:
        return round1(self.exact_share)


@dataclass(frozen=True)
class Failed:
    file: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class PortfolioData:
    catalog_id: str
    catalog_version: str
    formats: tuple[str, ...]
    services: tuple[Entry, ...]  # sorted by overall score
    norms_not_met: tuple[NormCount, ...]  # norms not met at one or more services, most often first
    critical_ids: tuple[str, ...]
    failures: tuple[Failed, ...]  # in input order

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.failures for p in f.problems]

    def status_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
        for entry in self.services:
            counts[entry.summary.status or "none"] += 1
        return counts

    @property
    def critical_services(self) -> int:
        return sum(1 for e in self.services if e.summary.critical_not_met)


def _sort_key(entry: Entry) -> tuple:
    s = entry.summary
    return (s.score is None, -(s.score or 0.0), s.name.casefold(), s.name, s.index)


_STATUSES = {s: s for s in ("green", "amber", "red")}


def _canonical(status: str | None) -> str | None:
    """One shared string per status (unpickling makes a copy per service otherwise)."""
    return _STATUSES.get(status, status) if status else None


def _compact(row: SectionRow) -> SectionRow:
    return SectionRow(sys.intern(row.id), row.score, _canonical(row.status), row.completeness)


class PortfolioBuilder:
    """Takes services one at a time (in input order) and failures; :meth:`build` gives the portfolio."""

    def __init__(self, catalog: Catalog, formats: tuple[str, ...] = ("md",)) -> None:
        self.catalog = catalog
        self.formats = formats
        self._entries: list[Entry] = []
        self._failures: list[Failed] = []
        self._not_met: Counter[str] = Counter()
        self._partial: Counter[str] = Counter()
        self._applicable: Counter[str] = Counter()

    def add(self, summary: ServiceSummary, stem: str) -> None:
        for item_id, result in summary.applicable:
            self._applicable[item_id] += 1
            if result == "not_met":
                self._not_met[item_id] += 1
            elif result == "partial":
                self._partial[item_id] += 1
        compact = replace(summary, applicable=(), warnings=(), status=_canonical(summary.status),
                          score_status=_canonical(summary.score_status),
                          principles=tuple(_compact(r) for r in summary.principles),
                          setting_scores=tuple(_compact(r) for r in summary.setting_scores))
        self._entries.append(Entry(compact, stem))

    def fail(self, file: str, problems: Iterable[Problem]) -> None:
        """An input that could not be used, with every problem found in it."""
        self._failures.append(Failed(file, tuple(problems)))

    def build(self) -> PortfolioData:
        catalog = self.catalog
        order = {n.id: i for i, n in enumerate(catalog.items_for(tuple(catalog.settings)))}
        counts = []
        for item_id, not_met in self._not_met.items():
            norm = catalog.item(item_id)
            counts.append(NormCount(item_id, norm.section, norm.critical, not_met, self._partial[item_id],
                                    self._applicable[item_id]))
        counts.sort(key=lambda c: (-c.not_met, -c.exact_share, order[c.id]))
        return PortfolioData(
            catalog_id=catalog.id, catalog_version=catalog.version, formats=self.formats,
            services=tuple(sorted(self._entries, key=_sort_key)), norms_not_met=tuple(counts),
            critical_ids=tuple(n.id for n in catalog.items_for(tuple(catalog.settings)) if n.critical),
            failures=tuple(self._failures),
        )


# --------------------------------------------------------------------------------------------------
# Rendering. Both formats are written piece by piece through a ``write`` function, so even the portfolio
# of thousands of services is never held in memory as one text.

Write = Callable[[str], Any]


def _section_json(row: SectionRow) -> dict[str, Any]:
    return {"id": row.id, "score": row.score, "status": row.status, "completeness": row.completeness}


def _service_json(rank: int, entry: Entry, formats: tuple[str, ...]) -> dict[str, Any]:
    s = entry.summary
    return {
        "rank": rank, "name": s.name, "kind": s.kind, "location": s.location, "file": s.path,
        "reports": {fmt: f"{entry.stem}.{fmt}" for fmt in formats},
        "settings": list(s.settings),
        "overall": {"score": s.score, "status": s.status, "score_status": s.score_status,
                    "completeness": s.completeness, "counted": s.counted, "met": s.met, "partial": s.partial,
                    "not_met": s.not_met, "na": s.na, "not_assessed": s.not_assessed, "total": s.total},
        "principles": [_section_json(r) for r in s.principles],
        "setting_scores": [_section_json(r) for r in s.setting_scores],
        "critical_not_met": list(s.critical_not_met),
        "critical_gaps": [{"id": g.norm, "result": g.result, "action": g.action} for g in s.critical_gaps],
    }


def portfolio_head(data: PortfolioData) -> dict[str, Any]:
    """portfolio.json without its ``services`` (which :func:`write_json` appends last, one by one)."""
    return {
        "portfolio": FORMAT_VERSION,
        "checklist": data.catalog_id,
        "checklist_version": data.catalog_version,
        "summary": {"processed": len(data.services), "not_processed": len(data.failures),
                    "status": data.status_counts(), "critical_not_met": data.critical_services},
        "rules": {
            "scores": "copied from each service's scorecard (assess.scoring); no average across services",
            "sorted_by": "overall score (rounded, as shown), highest first; no score last; then name, then file order",
            "norms_not_met": "not_met = services that assessed the norm as not met; share = not_met / applicable, "
                             "where applicable = services that assessed the norm as met, partial or not_met "
                             "(na and not assessed excluded); share rounded half up to one decimal",
            "settings": "scored apart; never part of principle or overall scores",
            "not_processed": "inputs that failed count nowhere",
        },
        "not_processed": [{"file": f.file, "problems": [{"file": p.file, "line": p.line, "message": p.message,
                                                         "text": str(p)} for p in f.problems]}
                          for f in data.failures],
        "norms_not_met": [{"id": c.id, "section": c.section, "critical": c.critical, "not_met": c.not_met,
                           "applicable": c.applicable, "share": c.share, "partial": c.partial}
                          for c in data.norms_not_met],
    }


def write_json(data: PortfolioData, write: Write) -> None:
    """portfolio.json: language-neutral; ``services`` last, in the order of portfolio.md."""
    head = json.dumps(portfolio_head(data), ensure_ascii=False, indent=2)
    write(head[:-2] + ",\n" if head.endswith("\n}") else head[:-1])  # reopen the object
    if not data.services:
        write('  "services": []\n}\n')
        return
    write('  "services": [\n')
    last = len(data.services)
    for rank, entry in enumerate(data.services, 1):
        text = json.dumps(_service_json(rank, entry, data.formats), ensure_ascii=False, indent=2)
        write("    " + text.replace("\n", "\n    ") + (",\n" if rank < last else "\n"))
    write("  ]\n}\n")


def render_json(data: PortfolioData) -> str:
    parts: list[str] = []
    write_json(data, parts.append)
    return "".join(parts)


def pipe_table(headers: list[str], rows: Callable[[], Iterable[list[str]]], align: list[str]) -> Iterator[str]:
    """The lines of a Markdown pipe table, as :func:`assess.reports.markdown.table` makes them (tabulate's
    ``pipe`` format), but from rows produced twice by ``rows()`` (widths, then lines) instead of held."""
    widths = [len(h) + 2 for h in headers]
    for row in rows():
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell.strip()))

    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(c.strip().rjust(w) if a == "right" else c.strip().ljust(w)
                                 for c, w, a in zip(cells, widths, align, strict=True)) + " |"

    yield line(headers)
    yield "|" + "|".join("-" * (w + 1) + ":" if a == "right" else ":" + "-" * (w + 1)
                         for w, a in zip(widths, align, strict=True)) + "|"
    for row in rows():
        yield line(row)


def _cell(score: float | None, status: str | None, lang: str, completeness: float = 100.0) -> str:
    """Score and status; ``*`` marks a score over part of the section (not every norm assessed)."""
    from assess.reports.text import score_text, status_label

    if score is None:
        return "–"
    return f"{score_text(score, lang)} {status_label(status, lang)}" + (" *" if completeness < 100 else "")


def _service_cell(entry: Entry, data: PortfolioData) -> str:
    from assess.reports.text import md_escape

    s = entry.summary
    name = md_escape(s.name)
    fmt = "md" if "md" in data.formats else data.formats[0] if data.formats else None
    link = f"[{name}]({entry.stem}.{fmt})" if fmt else name
    return link + (f" · {md_escape(s.location)}" if s.location else "")


def _fence(lines: list[str]) -> list[str]:
    """A code block around ``lines``, its fence longer than any run of backticks inside."""
    longest = 0
    for line in lines:
        run = 0
        for char in line:
            run = run + 1 if char == "`" else 0
            longest = max(longest, run)
    ticks = "`" * max(3, longest + 1)
    return [ticks + "text", *lines, ticks]


def write_md(data: PortfolioData, catalog: Catalog, lang: str, write: Write) -> None:
    from assess.reports.markdown import table
    from assess.reports.text import md_escape, percent_text, result_label, short, status_label

    def lines(*items: str) -> None:
        for item in items:
            write(item + "\n")

    lines(f"# {t('pf.title', lang)}", "",
          f"{t('report.checklist', lang)}: {md_escape(catalog.title[lang])} ({data.catalog_id}, "
          f"{t('report.version', lang)} {data.catalog_version})", "")
    counts = data.status_counts()
    failed = len(data.failures)
    summary_rows = [
        [t("pf.processed", lang), str(len(data.services))],
        [t("pf.failed", lang), f"{failed} ({t('pf.see_below', lang)})" if failed else "0"],
        [t("pf.status_counts", lang), " · ".join(f"{status_label(None if k == 'none' else k, lang)} {v}"
                                                 for k, v in counts.items())],
        [t("pf.critical_services", lang), str(data.critical_services)],
    ]
    lines(f"## {t('report.summary', lang)}", "", table(["", ""], summary_rows), "")

    lines(f"## {t('pf.matrix', lang)}", "")
    principles = catalog.principles
    if data.services:
        def matrix_rows() -> Iterator[list[str]]:
            for rank, entry in enumerate(data.services, 1):
                s = entry.summary
                by_id = {r.id: r for r in s.principles}
                cells = [_cell(by_id[p.id].score, by_id[p.id].status, lang, by_id[p.id].completeness)
                         if p.id in by_id else "–" for p in principles]
                overall = _cell(s.score, s.status, lang) if s.score is not None else status_label(s.status, lang)
                yield [str(rank), _service_cell(entry, data), *cells, overall + (" ⚠" if s.critical_not_met else ""),
                       percent_text(s.completeness, lang), ", ".join(s.settings) or "–"]

        headers = (["#", t("pf.col.service", lang)]
                   + [t("pf.col.principle", lang, id=p.id) for p in principles]
                   + [t("pf.col.overall", lang), t("col.complete", lang), t("pf.col.settings", lang)])
        align = ["right", "left"] + ["right"] * len(principles) + ["right", "right", "left"]
        lines(t("pf.matrix_intro", lang), "", *pipe_table(headers, matrix_rows, align), "")
        if any(r.score is not None and r.completeness < 100 for e in data.services for r in e.summary.principles):
            lines(t("pf.partial_mark", lang), "")
        if data.critical_services:
            lines(t("pf.critical_mark", lang), "")
        lines(*("- " + t("pf.legend", lang, col=t("pf.col.principle", lang, id=p.id), label=p.label(lang),
                         title=md_escape(short(p.title[lang], 100))) for p in principles), "")
    else:
        lines(t("pf.no_services", lang), "")

    if any(e.summary.setting_scores for e in data.services):
        def setting_rows() -> Iterator[list[str]]:
            for entry in data.services:
                for row in entry.summary.setting_scores:
                    section = catalog.settings[row.id]
                    yield [_service_cell(entry, data), md_escape(f"{row.id} ({section.label(lang)})"),
                           _cell(row.score, row.status, lang), percent_text(row.completeness, lang)]

        headers = [t("pf.col.service", lang), t("pf.col.setting", lang), t("col.score", lang), t("col.complete", lang)]
        lines(f"## {t('pf.settings', lang)}", "", t("report.settings_apart", lang), "",
              *pipe_table(headers, setting_rows, ["left", "left", "right", "right"]), "")

    lines(f"## {t('pf.norms', lang)}", "")
    if data.norms_not_met:
        rows = []
        for c in data.norms_not_met[:TOP_NORMS]:
            label = c.id + (f" ⚠ {t('critical', lang)}" if c.critical else "")
            rows.append([md_escape(label), md_escape(short(catalog.item(c.id).text[lang], 70)), str(c.not_met),
                         str(c.applicable), "–" if c.share is None else percent_text(c.share, lang),
                         str(c.partial)])
        headers = [t("col.norm", lang), t("col.text", lang), t("pf.col.not_met", lang), t("pf.col.applicable", lang),
                   t("pf.col.share", lang), t("pf.col.partial", lang)]
        lines(t("pf.norms_intro", lang), "", table(headers, rows, ["left", "left", "right", "right", "right", "right"]),
              "")
        more = len(data.norms_not_met) - TOP_NORMS
        if more > 0:
            lines(t("pf.norms_more", lang, n=more), "")
    else:
        lines(t("pf.norms_none", lang), "")

    lines(f"## {t('pf.critical', lang)}", "", t("pf.critical_intro", lang, ids=", ".join(data.critical_ids)), "")
    if any(e.summary.critical_gaps for e in data.services):
        def gap_rows() -> Iterator[list[str]]:
            for entry in data.services:
                for gap in entry.summary.critical_gaps:
                    yield [_service_cell(entry, data), md_escape(gap.norm),
                           md_escape(result_label(catalog, gap.result, lang)),
                           md_escape(gap.action) if gap.action else "–"]

        headers = [t("pf.col.service", lang), t("col.norm", lang), t("col.result", lang), t("col.action", lang)]
        lines(*pipe_table(headers, gap_rows, ["left"] * 4), "")
    else:
        lines(t("pf.critical_none", lang), "")

    lines(f"## {t('pf.not_processed', lang)} ({failed})", "")
    if data.failures:
        lines(t("pf.not_processed_intro", lang), "", *_fence([str(p) for p in data.problems]), "")
    else:
        lines(t("pf.all_processed", lang), "")

    lines(f"## {t('report.rules', lang)}", "", t("report.rules_text", lang), "",
          f"### {t('pf.rules_portfolio', lang)}", "", t("pf.rules_text", lang), "", "---", "",
          f"_{t('report.source', lang)}_")


def render_md(data: PortfolioData, catalog: Catalog, lang: str) -> str:
    parts: list[str] = []
    write_md(data, catalog, lang, parts.append)
    return "".join(parts)
