"""The gap report as one self-contained HTML page (``assess report --format html``), from a Scorecard.

Every number is the Scorecard's; this module turns them into words and cells and hands them to the
template ``templates/report.html.j2`` (autoescaped). The report's content is also what the Word
document shows (:mod:`assess.render.docx_report` reads the same :class:`ReportView`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assess.analysis.compare import score_delta
from assess.analysis.scoring import PRIORITY_ORDER, Gap, Scorecard, SectionScore, action_state
from assess.i18n import t
from assess.model.assessment import Action
from assess.model.catalog import Catalog
from assess.render import svg_charts
from assess.render.html_page import Cell, cell, joined, markup, render_page, rule_lines
from assess.render.text import action_details, percent_text, result_label, score_text, short, status_label
from assess.render.trend import delta_text, trend_text
from assess.terminal_text import visible

URGENT = 3  # gaps named in the summary


@dataclass(frozen=True)
class SectionLine:
    id: str
    value: float | None  # the Scorecard's score, for the charts
    status_id: str | None
    label: str
    title: str
    cell: Cell
    completeness: str
    detail: str  # "5 of 6 norms assessed"
    counts: tuple[int, int, int, int, int]  # met, partial, not met, na, not assessed
    trend: str | None = None
    previous: str | None = None


@dataclass(frozen=True)
class GapLine:
    id: str
    critical: bool
    result: str
    text: str
    evidence: tuple[str, ...]
    note: str | None
    action: str | None
    heading: str  # "1.2 · not met": the gap's heading in the list of gaps

    @property
    def brief(self) -> str:
        """The start of the norm's text, for the summary (the gap list has it whole)."""
        return short(self.text, 160)


@dataclass(frozen=True)
class PlanLine:
    priority: str
    norm: str
    action: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class ReportView:
    """The report's content in words, for the HTML page and the Word document alike."""

    lang: str
    title: str
    service: str
    meta: str
    checklist: str
    status: Cell
    summary: str
    critical_sentence: str
    critical: tuple[tuple[str, str], ...]  # (id, full text)
    gaps_sentence: str
    urgent: tuple[GapLine, ...]
    previous_sentence: str | None
    figures: tuple[tuple[str, str], ...]
    principles: tuple[SectionLine, ...]
    settings: tuple[SectionLine, ...]
    overall: SectionLine
    gaps: tuple[GapLine, ...]
    plan: tuple[PlanLine, ...]
    without_action: str | None
    not_applicable: tuple[tuple[str, str, str | None], ...]
    not_assessed: tuple[tuple[str, str], ...]
    assessors: tuple[str, ...]
    date: str
    rules: tuple[str, ...]
    source: str
    has_previous: bool = False
    radar_values: tuple[float | None, ...] = field(default=())
    radar_previous: tuple[float | None, ...] | None = None


def _note(text: str | None) -> str | None:
    """User text for a page or a Word document: control and invisible characters written as escapes
    (``\\x01``, ``\\u202e``), since XML cannot hold the one and the other would reorder or hide what is read."""
    return visible(text) if text else text


def _action(action: Action | None, lang: str) -> str | None:
    if action is None:
        return None
    details = action_details(action, lang)
    return visible(action.description + (f" ({'; '.join(details)})" if details else ""))


def _gap(gap: Gap, catalog: Catalog, lang: str) -> GapLine:
    result = result_label(catalog, gap.answer.result, lang)
    return GapLine(gap.norm.id, gap.norm.critical, result, gap.norm.text[lang],
                   tuple(visible(e) for e in gap.answer.evidence_texts), _note(gap.answer.note),
                   _action(gap.answer.action, lang), t("html.gap_heading", lang, id=gap.norm.id, result=result))


def _section(entry: SectionScore, lang: str, before: dict[str, SectionScore]) -> SectionLine:
    tl = entry.tally
    old = before.get(entry.section.id) if before else None
    trend = trend_text(old.tally if old else None, tl, lang) if before else None
    previous = (score_text(old.score, lang) if old else "–") if before else None
    return SectionLine(entry.section.id, entry.score, entry.status, entry.section.label(lang),
                       entry.section.title[lang], cell(entry.score, entry.status, lang),
                       percent_text(entry.completeness, lang),
                       t("report.completeness_detail", lang, assessed=tl.assessed, total=tl.total),
                       (tl.met, tl.partial, tl.not_met, tl.na, tl.not_assessed), trend, previous)


def _plan(card: Scorecard, lang: str) -> tuple[PlanLine, ...]:
    with_action = sorted(((g, g.answer.action) for g in card.gaps if g.answer.action),
                         key=lambda pair: (PRIORITY_ORDER[pair[1].priority], pair[1].due or date.max))
    return tuple(PlanLine(t("priority." + a.priority, lang) if a.priority else "–", g.norm.id, visible(a.description),
                          visible(a.owner or "–"), a.due.isoformat() if a.due else "–",
                          t("action." + action_state(a, card.assessment.date), lang)) for g, a in with_action)


def view(card: Scorecard, lang: str, previous: Scorecard | None = None) -> ReportView:
    a = card.assessment
    o = card.overall
    catalog = card.catalog
    gaps = tuple(_gap(g, catalog, lang) for g in card.gaps)
    name = visible(a.service.name)
    values = {"service": name, "status": status_label(card.status, lang),
              "score": score_text(card.score, lang), "completeness": percent_text(card.completeness, lang),
              "assessed": o.assessed, "total": o.total}
    summary = t("html.summary_status" if card.score is not None else "html.summary_no_score", lang, **values)
    ids = ", ".join(n.id for n in card.critical_failures)
    previous_sentence = previous_value = None
    before: dict[str, SectionScore] = {}
    if previous is not None:
        before = {e.section.id: e for e in previous.sections}
        when = f" ({previous.assessment.date.isoformat()})" if previous.assessment.date else ""
        previous_sentence = t("html.summary_previous", lang, when=when, score=score_text(previous.score, lang),
                              status=status_label(previous.status, lang),
                              delta=delta_text(score_delta(previous.overall, o), lang))
        previous_value = t("html.previous_value", lang, when=when, score=score_text(previous.score, lang),
                           status=status_label(previous.status, lang),
                           delta=delta_text(score_delta(previous.overall, o), lang))
    figures = (
        (t("report.overall_score", lang), score_text(card.score, lang)),
        (t("report.status", lang), status_label(card.status, lang)),
        (t("report.completeness", lang), f"{percent_text(card.completeness, lang)} "
         f"({t('report.completeness_detail', lang, assessed=o.assessed, total=o.total)})"),
        (t("report.counted", lang), t("report.counted_detail", lang, counted=o.counted, met=o.met,
                                      partial=o.partial, not_met=o.not_met)),
        (t("report.excluded", lang), t("report.excluded_detail", lang, na=o.na, not_assessed=o.not_assessed)),
    ) + (((t("diff.previous", lang), previous_value),) if previous_value else ())
    overall = SectionLine("", card.score, card.status, t("report.overall_score", lang), "",
                          cell(card.score, card.status, lang), percent_text(card.completeness, lang),
                          t("report.completeness_detail", lang, assessed=o.assessed, total=o.total),
                          (o.met, o.partial, o.not_met, o.na, o.not_assessed))
    without = [g.norm.id for g in card.gaps if not g.answer.action]
    meta = joined([_note(a.service.kind), _note(a.service.location),
                   f"{t('report.assessed_on', lang)} {a.date.isoformat()}" if a.date else None,
                   f"{t('report.by', lang)} {visible(', '.join(a.assessors))}" if a.assessors else None])
    return ReportView(
        lang=lang, title=f"{t('report.title', lang)}: {name}", service=name, meta=meta,
        checklist=f"{t('report.checklist', lang)}: {catalog.title[lang]} ({catalog.id}, "
                  f"{t('report.version', lang)} {catalog.version})",
        status=cell(card.score, card.status, lang), summary=summary,
        critical_sentence=t("html.summary_critical", lang, ids=ids) if ids else t("html.summary_no_critical", lang),
        critical=tuple((n.id, n.text[lang]) for n in card.critical_failures),
        gaps_sentence=t("html.summary_gaps", lang, n=len(gaps)) if gaps else t("report.no_gaps", lang),
        urgent=gaps[:URGENT], previous_sentence=previous_sentence, figures=figures,
        principles=tuple(_section(e, lang, before) for e in card.principles),
        settings=tuple(_section(e, lang, before) for e in card.settings), overall=overall, gaps=gaps,
        plan=_plan(card, lang),
        without_action=t("report.gaps_without_action", lang, ids=", ".join(without)) if without else None,
        not_applicable=tuple((g.norm.id, g.norm.text[lang], _note(g.answer.note)) for g in card.not_applicable),
        not_assessed=tuple((n.id, n.text[lang]) for n in card.not_assessed),
        assessors=tuple(visible(x) for x in a.assessors), date=a.date.isoformat() if a.date else "",
        rules=tuple(rule_lines(t("report.rules_text", lang))), source=t("report.source", lang),
        has_previous=previous is not None,
        radar_values=tuple(e.score for e in card.principles),
        radar_previous=tuple(e.score for e in previous.principles) if previous is not None else None,
    )


def radar_svg(v: ReportView) -> str:
    labels = [t("portfolio.col.principle", v.lang, id=line.id) for line in v.principles]
    return svg_charts.radar(labels, v.radar_values, t("html.radar_title", v.lang), t("html.radar_desc", v.lang),
                            v.radar_previous, (t("html.current", v.lang), t("html.previous_short", v.lang)))


def render(card: Scorecard, lang: str, previous: Scorecard | None = None) -> str:
    """The report page; with ``previous`` its scores are drawn over the radar and a trend column added."""
    v = view(card, lang, previous)
    bars = [markup(svg_charts.bar(line.value, line.status_id, f"{line.label}: {line.cell.text}"))
            for line in (*v.principles, *v.settings, v.overall)]
    return render_page("report.html.j2", lang, v=v, radar=markup(radar_svg(v)), bars=bars)
