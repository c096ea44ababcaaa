"""The Markdown gap report, for a board, a funder or a municipality."""

from __future__ import annotations

from datetime import date

from assess.analysis.lint import findings
from assess.analysis.scoring import PRIORITY_ORDER, Scorecard, SectionScore, action_state
from assess.i18n import t
from assess.model.assessment import Action
from assess.render.judgements_markdown import (
    disputed_section,
    evidence_cell,
    floor_lead,
    signoff_lines,
    status_cell,
)
from assess.render.lint_text import quality_section
from assess.render.markdown_table import table
from assess.render.text import (
    action_details,
    bar,
    marked_score,
    md_escape,
    md_line_start,
    percent_text,
    provisional,
    result_label,
    score_text,
    short,
    status_label,
)
from assess.render.trend import trend_text


def _section_rows(entries: tuple[SectionScore, ...], lang: str,
                  previous: Scorecard | None = None) -> list[list[str]]:
    before = {e.section.id: e.tally for e in previous.sections} if previous else {}
    rows = []
    for entry in entries:
        tl = entry.tally
        row = [
            md_escape(entry.section.label(lang)), md_escape(short(entry.section.title[lang], 60)),
            marked_score(entry.score, entry.completeness, lang, "\\*"), status_label(entry.status, lang),
            percent_text(entry.completeness, lang),
            str(tl.met), str(tl.partial), str(tl.not_met), str(tl.na), str(tl.not_assessed),
        ]
        if previous is not None:
            row.insert(3, trend_text(before.get(entry.section.id), tl, lang))
        rows.append(row)
    return rows


def _section_table(entries: tuple[SectionScore, ...], lang: str, previous: Scorecard | None = None) -> str:
    headers = [t(k, lang) for k in ("col.section", "col.title", "col.score", "col.status", "col.complete",
                                     "col.met", "col.partial", "col.not_met", "col.na", "col.not_assessed")]
    align = ["left", "left", "right", "left", "right", "right", "right", "right", "right", "right"]
    if previous is not None:
        headers.insert(3, t("diff.trend", lang))
        align.insert(3, "right")
    return table(headers, _section_rows(entries, lang, previous), align)


def _previous_row(card: Scorecard, previous: Scorecard, lang: str) -> list[str]:
    assessed_on = previous.assessment.date
    when = f" ({assessed_on.isoformat()})" if assessed_on else ""
    change = ""
    from assess.analysis.compare import score_delta  # only against a previous report

    if score_delta(previous.overall, card.overall) is not None:
        change = f"; {t('diff.delta', lang).lower()} {trend_text(previous.overall, card.overall, lang)}"
    return [t("diff.previous", lang),
            f"{score_text(previous.score, lang)}{when}, {status_label(previous.status, lang)}{change}"]


def _bars(card: Scorecard, lang: str) -> str:
    """A bar per section and overall, each with its completeness (assessed of total norms)."""
    rows = [(e.section.label(lang), e.score, status_label(e.status, lang), e.tally) for e in card.sections]
    rows.append((t("report.overall_score", lang), card.score, status_label(card.status, lang), card.overall))
    width = max(len(name) for name, *_ in rows)
    status_width = max(len(status) for _, _, status, _ in rows)
    marked = any(provisional(score, tally.completeness) for _, score, _, tally in rows)
    lines = []
    for name, score, status, tally in rows:
        completeness = t("report.completeness_detail", lang, assessed=tally.assessed, total=tally.total)
        shown = score_text(score, lang).rjust(5)
        if marked:  # the numbers stay aligned, the marks after them
            shown += "*" if provisional(score, tally.completeness) else " "
        lines.append(f"{name.ljust(width)}  {bar(score)}  {shown}  "
                     f"{status.ljust(status_width)}  {completeness}")
    block = "```text\n" + "\n".join(lines) + "\n```"
    return block + ("\n\n" + t("report.provisional", lang) if marked else "")


def _legend(entries: tuple[SectionScore, ...], lang: str) -> list[str]:
    """The line that says what ``*`` means, under a table that has one."""
    return [t("report.provisional", lang), ""] if any(provisional(e.score, e.completeness) for e in entries) else []


def _action_text(card: Scorecard, action: Action | None, lang: str) -> str:
    if action is None:
        return "–"
    parts = [md_escape(action.description)]
    details = action_details(action, lang, md_escape)
    if details:
        parts.append("(" + "; ".join(details) + ")")
    return " ".join(parts)


def _gap_table(card: Scorecard, lang: str) -> str:
    headers = [t(k, lang) for k in ("col.norm", "col.text", "col.result", "col.evidence", "col.note", "col.action")]
    rows = []
    for gap in card.gaps:
        norm_id = gap.norm.id + (f" ⚠ {t('critical', lang)}" if gap.norm.critical else "")
        rows.append([
            md_escape(norm_id), md_escape(short(gap.norm.text[lang])),
            md_escape(result_label(card.catalog, gap.answer.result, lang)),
            evidence_cell(card, gap.answer, lang),
            md_escape(gap.answer.note) if gap.answer.note else "–",
            _action_text(card, gap.answer.action, lang),
        ])
    return table(headers, rows)


def _action_status(action: Action, assessed_on: date | None, lang: str) -> str:
    """Done, overdue (due before the assessment date and still a gap) or open; never "today"."""
    return t("action." + action_state(action, assessed_on), lang)


def _action_plan(card: Scorecard, lang: str) -> list[str]:
    """Actions of the gaps, most urgent first: priority, then due date, then gap order."""
    with_action = sorted(((g, g.answer.action) for g in card.gaps if g.answer.action),
                         key=lambda pair: (PRIORITY_ORDER[pair[1].priority], pair[1].due or date.max))
    out = []
    if with_action:
        headers = [t(k, lang) for k in ("col.priority", "col.norm", "col.action", "col.owner", "col.due", "col.status")]
        rows = []
        for gap, action in with_action:
            rows.append([
                t("priority." + action.priority, lang) if action.priority else "–",
                md_escape(gap.norm.id), md_escape(action.description),
                md_escape(action.owner) if action.owner else "–",
                action.due.isoformat() if action.due else "–",
                _action_status(action, card.assessment.date, lang),
            ])
        out.append(table(headers, rows))
    else:
        out.append(t("report.no_actions", lang))
    without = [g.norm.id for g in card.gaps if not g.answer.action]
    if with_action and without:
        out += ["", t("report.gaps_without_action", lang, ids=", ".join(without))]
    return out


def render(card: Scorecard, lang: str, previous: Scorecard | None = None) -> str:
    """The Markdown gap report; with ``previous`` (the last assessment's scorecard) a trend column (↑ ↓ =)."""
    a = card.assessment
    catalog = card.catalog
    out: list[str] = [f"# {t('report.title', lang)}: {md_escape(a.service.name)}", ""]
    about = [md_escape(x) for x in (a.service.kind, a.service.location) if x]
    if a.date:
        about.append(f"{t('report.assessed_on', lang)} {a.date.isoformat()}")
    if a.assessors:
        about.append(f"{t('report.by', lang)} {md_escape(', '.join(a.assessors))}")
    if about:
        out += [md_line_start(" · ".join(about)), ""]
    out += [f"{t('report.checklist', lang)}: {md_escape(catalog.title[lang])} ({catalog.id}, "
            f"{t('report.version', lang)} {catalog.version})", ""]
    out += signoff_lines(card, lang)
    out += floor_lead(card, lang)
    o = card.overall
    summary_rows = [
        [t("report.overall_score", lang), f"**{score_text(card.score, lang)}**"
         + ("\\*" if provisional(card.score, card.completeness) else "")],
        [t("report.status", lang), status_cell(card, lang, status_label(card.status, lang))],
        [t("report.completeness", lang), f"{percent_text(card.completeness, lang)} "
         f"({t('report.completeness_detail', lang, assessed=o.assessed, total=o.total)})"],
        [t("report.counted", lang), t("report.counted_detail", lang, counted=o.counted, met=o.met,
                                      partial=o.partial, not_met=o.not_met)],
        [t("report.excluded", lang), t("report.excluded_detail", lang, na=o.na, not_assessed=o.not_assessed)],
    ]
    if previous is not None:
        summary_rows.append(_previous_row(card, previous, lang))
    out += [f"## {t('report.summary', lang)}", "", table(["", ""], summary_rows), ""]
    if provisional(card.score, card.completeness):
        out += [t("report.provisional", lang), ""]
    out += [f"## {t('report.principles', lang)}", "", _section_table(card.principles, lang, previous), "",
            *_legend(card.principles, lang)]
    if card.settings:
        out += [f"## {t('report.settings', lang)}", "", t("report.settings_apart", lang), "",
                _section_table(card.settings, lang, previous), "", *_legend(card.settings, lang)]
    out += [f"## {t('report.bars', lang)}", "", _bars(card, lang), ""]
    out += [f"## {t('report.gaps', lang)} ({len(card.gaps)})", ""]
    if card.gaps:
        out += [t("report.gaps_intro", lang), "", _gap_table(card, lang), ""]
    else:
        out += [t("report.no_gaps", lang), ""]
    out += disputed_section(card, lang)
    out += [f"## {t('report.action_plan', lang)}", "", *_action_plan(card, lang), ""]
    out += [f"## {t('report.na', lang)} ({len(card.not_applicable)})", ""]
    if card.not_applicable:
        rows = [[md_escape(g.norm.id), md_escape(short(g.norm.text[lang])),
                 md_escape(g.answer.note) if g.answer.note else f"**{t('report.na_no_reason', lang)}**"]
                for g in card.not_applicable]
        out += [table([t("col.norm", lang), t("col.text", lang), t("col.reason", lang)], rows), ""]
    else:
        out += [t("report.na_none", lang), ""]
    out += [f"## {t('report.not_assessed', lang)} ({len(card.not_assessed)})", ""]
    if card.not_assessed:
        out += [f"- **{n.id}** {md_escape(short(n.text[lang], 80))}" for n in card.not_assessed]
        out.append("")
    else:
        out += [t("report.all_assessed", lang), ""]
    out += quality_section(card, findings(card.assessment, catalog), lang)
    out += [f"## {t('report.rules', lang)}", "", t("report.rules_text", lang), "", "---", "",
            f"_{t('report.source', lang)}_", ""]
    return "\n".join(out)
