"""The diff as one self-contained HTML page (``assess diff --format html``), from a Diff (never computing).

The radar shows NEW with OLD drawn over it; tables give the same numbers, the changed norms, the gaps
closed and opened and the actions completed or overdue, as the Markdown diff does.
"""

from __future__ import annotations

import datetime as dt

from assess.analysis.compare import CHANGED, IMPROVED, REGRESSED, ActionStatus, Diff, NormChange, ScoreChange
from assess.i18n import t
from assess.render import svg_charts
from assess.render.html_page import markup, render_page, rule_lines
from assess.render.text import percent_text, result_label, score_text, status_label
from assess.render.trend import delta_text

Row = tuple[str, ...]


def _result(diff: Diff, result: str | None, lang: str) -> str:
    return t("diff.not_assessed", lang) if result is None else result_label(diff.new.catalog, result, lang)


def _norms(diff: Diff, items: tuple[NormChange, ...], lang: str) -> list[Row]:
    catalog = diff.new.catalog
    return [(c.id, _result(diff, c.before, lang), _result(diff, c.after, lang), catalog.item(c.id).text[lang])
            for c in items]


def _actions(diff: Diff, items: tuple[ActionStatus, ...], lang: str) -> list[Row]:
    return [(i.id, i.action.description + (f" ({t('diff.from_old', lang)})" if i.from_old else ""),
             i.action.owner or "–", i.action.due.isoformat() if i.action.due else "–",
             _result(diff, i.result, lang)) for i in items]


def _scores(diff: Diff, entries: tuple[ScoreChange, ...], lang: str) -> list[Row]:
    rows: list[Row] = []
    for entry in entries:
        assert entry.id is not None
        section = diff.new.catalog.section(entry.id)
        before = score_text(entry.before, lang) if entry.before_tally else t("diff.not_chosen", lang)
        after = score_text(entry.after, lang) if entry.after_tally else t("diff.not_chosen", lang)
        rows.append((section.label(lang), section.title[lang], before, after, delta_text(entry.delta, lang)))
    return rows


def _side(file: str, when: dt.date | None) -> str:
    date = when.isoformat() if when else "–"
    return f"{file} ({date})" if file else date


def render(diff: Diff, lang: str) -> str:
    old, new = diff.old, diff.new
    labels = [t("portfolio.col.principle", lang, id=c.id) for c in diff.principles]
    radar = svg_charts.radar(labels, [c.after for c in diff.principles], t("html.radar_title", lang),
                             t("html.radar_desc", lang), [c.before for c in diff.principles],
                             (t("diff.after", lang), t("diff.before", lang)))
    summary = [
        (t("report.overall_score", lang), score_text(diff.overall.before, lang), score_text(diff.overall.after, lang),
         delta_text(diff.overall.delta, lang)),
        (t("report.status", lang), status_label(old.status, lang), status_label(new.status, lang), ""),
        (t("report.completeness", lang), percent_text(old.completeness, lang), percent_text(new.completeness, lang),
         ""),
        (t("report.gaps", lang), str(len(old.gaps)), str(len(new.gaps)), ""),
    ]
    changes = [(t("diff." + which, lang), _norms(diff, diff.by_direction(which), lang))
               for which in (IMPROVED, REGRESSED, CHANGED)]
    changes += [(t("diff.newly_assessed", lang), _norms(diff, diff.newly_assessed, lang)),
                (t("diff.no_longer_assessed", lang), _norms(diff, diff.no_longer_assessed, lang))]
    gaps = [(t("diff.gaps_closed", lang), _norms(diff, diff.gaps_closed, lang)),
            (t("diff.gaps_opened", lang), _norms(diff, diff.gaps_opened, lang))]
    why = t("diff.today", lang) if diff.reference_is_today else t("diff.new_date", lang)
    return render_page(
        "diff.html.j2", lang,
        title=f"{t('diff.title', lang)}: {new.assessment.service.name}",
        before=_side(diff.old_file, old.assessment.date), after=_side(diff.new_file, new.assessment.date),
        summary=summary, radar=markup(radar), principles=_scores(diff, diff.principles, lang),
        settings=_scores(diff, diff.settings, lang), changes=changes, gaps=gaps,
        completed=_actions(diff, diff.actions_completed, lang), overdue=_actions(diff, diff.actions_overdue, lang),
        reference=t("diff.reference", lang, date=diff.reference_date.isoformat(), why=why),
        rules=rule_lines(t("diff.rules_text", lang)),
    )
