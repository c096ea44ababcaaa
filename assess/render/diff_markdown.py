"""The diff as Markdown (``assess diff``), from a :class:`assess.analysis.compare.Diff` (never computing numbers)."""

from __future__ import annotations

from assess.analysis.compare import CHANGED, IMPROVED, REGRESSED, ActionStatus, Diff, NormChange, ScoreChange
from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.render.markdown_table import table
from assess.render.text import md_escape, percent_text, result_label, score_text, short, status_label
from assess.render.trend import delta_text


def _result(diff: Diff, result: str | None, lang: str) -> str:
    if result is None:
        return t("diff.not_assessed", lang)
    return md_escape(result_label(diff.new.catalog, result, lang))


def _norm_table(diff: Diff, items: tuple[NormChange, ...], lang: str) -> list[str]:
    if not items:
        return [t("diff.none", lang)]
    catalog = diff.new.catalog
    headers = [t("col.norm", lang), t("diff.before", lang), t("diff.after", lang), t("col.text", lang)]
    rows = [[md_escape(c.id), _result(diff, c.before, lang), _result(diff, c.after, lang),
             md_escape(short(catalog.item(c.id).text[lang], 80))] for c in items]
    return [table(headers, rows)]


def _action_table(diff: Diff, items: tuple[ActionStatus, ...], lang: str) -> list[str]:
    if not items:
        return [t("diff.none", lang)]
    headers = [t("col.norm", lang), t("col.action", lang), t("col.owner", lang), t("col.due", lang),
               t("diff.now", lang)]
    rows = []
    for item in items:
        a = item.action
        text = md_escape(a.description) + (f" ({t('diff.from_old', lang)})" if item.from_old else "")
        rows.append([md_escape(item.id), text, md_escape(a.owner) if a.owner else "–",
                     a.due.isoformat() if a.due else "–", _result(diff, item.result, lang)])
    return [table(headers, rows)]


def _score_rows(diff: Diff, entries: tuple[ScoreChange, ...], lang: str) -> list[list[str]]:
    catalog = diff.new.catalog
    rows = []
    for entry in entries:
        assert entry.id is not None, "section rows only; the overall score has a row of its own"
        section = catalog.section(entry.id)
        before = score_text(entry.before, lang) if entry.before_tally else t("diff.not_chosen", lang)
        after = score_text(entry.after, lang) if entry.after_tally else t("diff.not_chosen", lang)
        rows.append([md_escape(section.label(lang)), md_escape(short(section.title[lang], 60)),
                     before, after, delta_text(entry.delta, lang)])
    return rows


def _side(file: str, card: Scorecard) -> str:
    date = card.assessment.date.isoformat() if card.assessment.date else "–"
    return f"{md_escape(file)} ({date})" if file else date


def _summary(diff: Diff, lang: str) -> str:
    old, new = diff.old, diff.new
    headers = ["", t("diff.before", lang), t("diff.after", lang), t("diff.delta", lang)]
    rows = [
        [t("report.overall_score", lang), score_text(diff.overall.before, lang), score_text(diff.overall.after, lang),
         delta_text(diff.overall.delta, lang)],
        [t("report.status", lang), status_label(old.status, lang), status_label(new.status, lang), ""],
        [t("report.completeness", lang), percent_text(old.completeness, lang), percent_text(new.completeness, lang),
         ""],
        [t("report.gaps", lang), str(len(old.gaps)), str(len(new.gaps)), ""],
    ]
    return table(headers, rows, ["left", "right", "right", "right"])


def render(diff: Diff, lang: str) -> str:
    new = diff.new
    out = [f"# {t('diff.title', lang)}: {md_escape(new.assessment.service.name)}", "",
           f"**{t('diff.before', lang)}:** {_side(diff.old_file, diff.old)} · **{t('diff.after', lang)}:** "
           f"{_side(diff.new_file, new)}", ""]
    out += [f"## {t('report.summary', lang)}", "", _summary(diff, lang), ""]
    section_headers = [t("col.section", lang), t("col.title", lang), t("diff.before", lang), t("diff.after", lang),
                       t("diff.delta", lang)]
    align = ["left", "left", "right", "right", "right"]
    out += [f"## {t('diff.scores', lang)}", "",
            table(section_headers, _score_rows(diff, diff.principles, lang), align), ""]
    if diff.settings:
        out += [f"## {t('report.settings', lang)}", "", t("diff.settings_apart", lang), "",
                table(section_headers, _score_rows(diff, diff.settings, lang), align), ""]
    out += [f"## {t('diff.changes', lang)}", ""]
    for which in (IMPROVED, REGRESSED, CHANGED):
        items = diff.by_direction(which)
        out += [f"### {t('diff.' + which, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    for key, items in (("newly_assessed", diff.newly_assessed), ("no_longer_assessed", diff.no_longer_assessed)):
        out += [f"### {t('diff.' + key, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    for key, items in (("gaps_closed", diff.gaps_closed), ("gaps_opened", diff.gaps_opened)):
        out += [f"## {t('diff.' + key, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    why = t("diff.today", lang) if diff.reference_is_today else t("diff.new_date", lang)
    out += [f"## {t('diff.actions_completed', lang)} ({len(diff.actions_completed)})", "",
            *_action_table(diff, diff.actions_completed, lang), ""]
    out += [f"## {t('diff.actions_overdue', lang)} ({len(diff.actions_overdue)})", "",
            t("diff.reference", lang, date=diff.reference_date.isoformat(), why=why), "",
            *_action_table(diff, diff.actions_overdue, lang), ""]
    out += [f"## {t('diff.rules', lang)}", "", t("diff.rules_text", lang), ""]
    return "\n".join(out)
