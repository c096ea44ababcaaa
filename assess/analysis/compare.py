"""Comparing two assessments of one service (``assess diff``, ``assess report --previous``).

Every number comes from :func:`assess.analysis.scoring.score`; this module only subtracts. A delta is the
difference of the exact scores (fractions), rounded half up to one decimal like every score, so it
can differ by 0.1 from the difference of the two rounded scores.

Direction of a change: met > partial > not_met. A change to or from na is "changed" (neither better
nor worse). A gap (not_met or partial) is *closed* when the norm is now met or na; a norm no longer
assessed is listed as such, not as a closed gap. A gap is *opened* when a norm that was not a gap
(met, na or not assessed) now is. An action is *completed* when it is done in NEW and was not done
(or absent) in OLD; it is *overdue* when it is not done, its due date is before the reference date
(NEW's ``date``, else today) and its norm is still a gap in NEW. NEW's action is used, else OLD's.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from assess.analysis.scoring import GAP_RESULTS, Scorecard, Tally, is_overdue, round1, score
from assess.i18n import number, pick, t
from assess.model.assessment import Action, Assessment
from assess.model.catalog import Catalog

RANK = {"not_met": 0, "partial": 1, "met": 2}
IMPROVED, REGRESSED, CHANGED = "improved", "regressed", "changed"
UP, DOWN, SAME = "↑", "↓", "="

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Vergelijking", "Comparison"),
    "trend": ("Trend", "Trend"),
    "previous": ("Vorige beoordeling", "Previous assessment"),
    "before": ("Voor", "Before"),
    "after": ("Na", "After"),
    "delta": ("Verschil", "Change"),
    "today": ("vandaag", "today"),
    "new_date": ("datum van de nieuwe beoordeling", "date of the new assessment"),
    "reference": ("Peildatum voor acties over tijd: {date} ({why}).",
                  "Reference date for overdue actions: {date} ({why})."),
    "summary": ("Samenvatting", "Summary"),
    "scores": ("Scores per beginsel", "Scores per principle"),
    "settings": ("Settings", "Settings"),
    "settings_apart": ("De settings worden apart gescoord en tellen niet mee in de totaalscore.",
                       "Settings are scored apart and do not count towards the overall score."),
    "not_chosen": ("niet gekozen", "not chosen"),
    "changes": ("Veranderde normen", "Changed norms"),
    "improved": ("Verbeterd", "Improved"),
    "regressed": ("Verslechterd", "Regressed"),
    "changed": ("Anders (van of naar niet van toepassing)", "Changed (to or from not applicable)"),
    "newly_assessed": ("Nieuw beoordeeld", "Newly assessed"),
    "no_longer_assessed": ("Niet meer beoordeeld", "No longer assessed"),
    "gaps_closed": ("Tekortkomingen opgelost", "Gaps closed"),
    "gaps_opened": ("Nieuwe tekortkomingen", "Gaps opened"),
    "actions_completed": ("Acties afgerond", "Actions completed"),
    "actions_overdue": ("Acties over tijd", "Actions overdue"),
    "none": ("Geen.", "None."),
    "not_assessed": ("niet beoordeeld", "not assessed"),
    "from_old": ("uit de vorige beoordeling", "from the previous assessment"),
    "now": ("Nu", "Now"),
    "rules": ("Rekenregels", "How changes are counted"),
    "rules_text": (
        "- Verschil = nieuwe min oude score, berekend met de exacte scores en afgerond op één decimaal "
        "(half naar boven).\n"
        "- Richting: voldaan > gedeeltelijk voldaan > niet voldaan. Van of naar niet van toepassing heet "
        "'anders'.\n"
        "- Een tekortkoming is opgelost als de norm nu voldaan of niet van toepassing is; een norm die niet meer "
        "beoordeeld is, staat bij 'niet meer beoordeeld'.\n"
        "- Een actie is over tijd als ze niet afgerond is, de uiterste datum vóór de peildatum ligt en de norm nog "
        "een tekortkoming is.",
        "- Change = new minus old score, computed from the exact scores and rounded to one decimal (half up).\n"
        "- Direction: met > partially met > not met. To or from not applicable is 'changed'.\n"
        "- A gap is closed when the norm is now met or not applicable; a norm no longer assessed is listed under "
        "'no longer assessed'.\n"
        "- An action is overdue when it is not done, its due date is before the reference date and its norm is "
        "still a gap.",
    ),
}


def label(key: str, lang: str, **values: object) -> str:
    return pick(LABELS, key, lang, **values)


def direction(before: str, after: str) -> str | None:
    """improved / regressed / changed for two different results; None when they are the same."""
    if before == after:
        return None
    if before in RANK and after in RANK:
        return IMPROVED if RANK[after] > RANK[before] else REGRESSED
    return CHANGED


def score_delta(before: Tally | None, after: Tally | None) -> float | None:
    """after - before from the exact scores, rounded half up to one decimal; None if either has no score."""
    if before is None or after is None or before.exact_score is None or after.exact_score is None:
        return None
    return round1(after.exact_score - before.exact_score)


def arrow(delta: float | None) -> str | None:
    if delta is None:
        return None
    return UP if delta > 0 else DOWN if delta < 0 else SAME


def delta_text(delta: float | None, lang: str) -> str:
    """``↑ +7.5``, ``↓ -3.0`` (Dutch ``↑ +7,5``), ``=`` or ``–`` (no score on one side)."""
    if delta is None:
        return "–"
    return SAME if delta == 0 else f"{arrow(delta)} {number(delta, lang, sign=True)}"


def trend_text(before: Tally | None, after: Tally | None, lang: str) -> str:
    """The report's trend column: :func:`delta_text` of the two tallies' scores."""
    return delta_text(score_delta(before, after), lang)


@dataclass(frozen=True)
class ScoreChange:
    """Scores of one section (or overall, id None); a tally is None where the setting was not chosen."""

    id: str | None
    before_tally: Tally | None
    after_tally: Tally | None

    @property
    def before(self) -> float | None:
        return self.before_tally.score if self.before_tally else None

    @property
    def after(self) -> float | None:
        return self.after_tally.score if self.after_tally else None

    @property
    def delta(self) -> float | None:
        return score_delta(self.before_tally, self.after_tally)


@dataclass(frozen=True)
class NormChange:
    id: str
    before: str | None
    after: str | None

    @property
    def direction(self) -> str | None:
        if self.before is None or self.after is None:
            return None
        return direction(self.before, self.after)


@dataclass(frozen=True)
class ActionStatus:
    id: str
    action: Action
    result: str | None  # the norm's result in NEW
    from_old: bool = False  # NEW has no action for the norm; this is OLD's


@dataclass(frozen=True)
class Diff:
    old: Scorecard
    new: Scorecard
    reference_date: dt.date
    reference_is_today: bool
    overall: ScoreChange
    principles: tuple[ScoreChange, ...]
    settings: tuple[ScoreChange, ...]
    changes: tuple[NormChange, ...]  # assessed in both, different result
    newly_assessed: tuple[NormChange, ...]
    no_longer_assessed: tuple[NormChange, ...]
    gaps_closed: tuple[NormChange, ...]
    gaps_opened: tuple[NormChange, ...]
    actions_completed: tuple[ActionStatus, ...]
    actions_overdue: tuple[ActionStatus, ...]
    old_file: str = ""
    new_file: str = ""

    def by_direction(self, which: str) -> tuple[NormChange, ...]:
        return tuple(c for c in self.changes if c.direction == which)


def _settings(catalog: Catalog, old: Assessment, new: Assessment) -> tuple[str, ...]:
    chosen = set(old.settings) | set(new.settings)
    return tuple(s for s in catalog.settings if s in chosen)


def compare(old: Assessment, new: Assessment, catalog: Catalog, today: dt.date | None = None,
            old_file: str = "", new_file: str = "") -> Diff:
    """What changed from ``old`` to ``new`` (both already loaded against ``catalog``)."""
    old_card, new_card = score(old, catalog), score(new, catalog)
    reference = new.date or today or dt.date.today()
    overall = ScoreChange(None, old_card.overall, new_card.overall)
    principles = tuple(ScoreChange(b.section.id, b.tally, a.tally)
                       for b, a in zip(old_card.principles, new_card.principles, strict=True))
    old_sections = {s.section.id: s.tally for s in old_card.settings}
    new_sections = {s.section.id: s.tally for s in new_card.settings}
    settings_ids = _settings(catalog, old, new)
    settings = tuple(ScoreChange(s, old_sections.get(s), new_sections.get(s)) for s in settings_ids)

    changes, newly, dropped, closed, opened = [], [], [], [], []
    completed, overdue = [], []
    for norm in catalog.items_for(settings_ids):
        before, after = old.result(norm.id), new.result(norm.id)
        change = NormChange(norm.id, before, after)
        if before is None and after is not None:
            newly.append(change)
        elif before is not None and after is None:
            dropped.append(change)
        elif before != after:
            changes.append(change)
        if before in GAP_RESULTS and after in ("met", "na"):
            closed.append(change)
        if before not in GAP_RESULTS and after in GAP_RESULTS:
            opened.append(change)
        old_action, new_action = old.answer(norm.id).action, new.answer(norm.id).action
        if new_action and new_action.done and not (old_action and old_action.done):
            completed.append(ActionStatus(norm.id, new_action, after))
        action = new_action or old_action
        if action is not None and is_overdue(action, reference) and after in GAP_RESULTS:
            overdue.append(ActionStatus(norm.id, action, after, from_old=new_action is None))
    return Diff(old_card, new_card, reference, new.date is None, overall, principles, settings,
                tuple(changes), tuple(newly), tuple(dropped), tuple(closed), tuple(opened),
                tuple(completed), tuple(overdue), old_file, new_file)


# ---------------------------------------------------------------- JSON


def _action_json(item: ActionStatus) -> dict[str, Any]:
    a = item.action
    return {"id": item.id, "description": a.description, "owner": a.owner,
            "due": a.due.isoformat() if a.due else None, "priority": a.priority, "done": a.done,
            "result": item.result, "from": "old" if item.from_old else "new"}


def _side(file: str, card: Scorecard) -> dict[str, Any]:
    a = card.assessment
    return {"file": file or None, "service": a.service.name, "date": a.date.isoformat() if a.date else None,
            "assessors": list(a.assessors), "checklist": a.checklist, "checklist_version": a.checklist_version,
            "settings": list(a.settings), "status": card.status, "completeness": card.completeness}


def diff_data(diff: Diff) -> dict[str, Any]:
    def scores(entry: ScoreChange) -> dict[str, Any]:
        return {"id": entry.id, "before": entry.before, "after": entry.after, "delta": entry.delta}

    def change(c: NormChange) -> dict[str, Any]:
        return {"id": c.id, "before": c.before, "after": c.after, "direction": c.direction}

    def results(items: tuple[NormChange, ...]) -> list[dict[str, Any]]:
        return [{"id": c.id, "before": c.before, "after": c.after} for c in items]

    overall = scores(diff.overall)
    del overall["id"]
    return {
        "old": _side(diff.old_file, diff.old),
        "new": _side(diff.new_file, diff.new),
        "reference_date": diff.reference_date.isoformat(),
        "overall": overall,
        "principles": [scores(e) for e in diff.principles],
        # null means "no score" or "setting not chosen": the chosen_* fields tell which
        "settings": [{**scores(e), "chosen_before": e.before_tally is not None,
                      "chosen_after": e.after_tally is not None} for e in diff.settings],
        "changes": [change(c) for c in diff.changes],
        "newly_assessed": results(diff.newly_assessed),
        "no_longer_assessed": results(diff.no_longer_assessed),
        "gaps_closed": results(diff.gaps_closed),
        "gaps_opened": results(diff.gaps_opened),
        "actions_completed": [_action_json(a) for a in diff.actions_completed],
        "actions_overdue": [_action_json(a) for a in diff.actions_overdue],
    }


def render_json(diff: Diff, lang: str = "en") -> str:
    return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- Markdown


def _result(diff: Diff, result: str | None, lang: str) -> str:
    from assess.render.text import md_escape, result_label

    if result is None:
        return label("not_assessed", lang)
    return md_escape(result_label(diff.new.catalog, result, lang))


def _norm_table(diff: Diff, items: tuple[NormChange, ...], lang: str) -> list[str]:
    from assess.render.markdown_table import table
    from assess.render.text import md_escape, short

    if not items:
        return [label("none", lang)]
    catalog = diff.new.catalog
    headers = [t("col.norm", lang), label("before", lang), label("after", lang), t("col.text", lang)]
    rows = [[md_escape(c.id), _result(diff, c.before, lang), _result(diff, c.after, lang),
             md_escape(short(catalog.item(c.id).text[lang], 80))] for c in items]
    return [table(headers, rows)]


def _action_table(diff: Diff, items: tuple[ActionStatus, ...], lang: str) -> list[str]:
    from assess.render.markdown_table import table
    from assess.render.text import md_escape

    if not items:
        return [label("none", lang)]
    headers = [t("col.norm", lang), t("col.action", lang), t("col.owner", lang), t("col.due", lang), label("now", lang)]
    rows = []
    for item in items:
        a = item.action
        text = md_escape(a.description) + (f" ({label('from_old', lang)})" if item.from_old else "")
        rows.append([md_escape(item.id), text, md_escape(a.owner) if a.owner else "–",
                     a.due.isoformat() if a.due else "–", _result(diff, item.result, lang)])
    return [table(headers, rows)]


def _score_rows(diff: Diff, entries: tuple[ScoreChange, ...], lang: str) -> list[list[str]]:
    from assess.render.text import md_escape, score_text, short

    catalog = diff.new.catalog
    rows = []
    for entry in entries:
        assert entry.id is not None, "section rows only; the overall score has a row of its own"
        section = catalog.section(entry.id)
        before = score_text(entry.before, lang) if entry.before_tally else label("not_chosen", lang)
        after = score_text(entry.after, lang) if entry.after_tally else label("not_chosen", lang)
        rows.append([md_escape(section.label(lang)), md_escape(short(section.title[lang], 60)),
                     before, after, delta_text(entry.delta, lang)])
    return rows


def render_markdown(diff: Diff, lang: str) -> str:
    from assess.render.markdown_table import table
    from assess.render.text import md_escape, percent_text, score_text, status_label

    old, new = diff.old, diff.new

    def side(file: str, card: Scorecard) -> str:
        date = card.assessment.date.isoformat() if card.assessment.date else "–"
        return f"{md_escape(file)} ({date})" if file else date

    out = [f"# {label('title', lang)}: {md_escape(new.assessment.service.name)}", "",
           f"**{label('before', lang)}:** {side(diff.old_file, old)} · **{label('after', lang)}:** "
           f"{side(diff.new_file, new)}", ""]
    headers = ["", label("before", lang), label("after", lang), label("delta", lang)]
    summary = [
        [t("report.overall_score", lang), score_text(diff.overall.before, lang), score_text(diff.overall.after, lang),
         delta_text(diff.overall.delta, lang)],
        [t("report.status", lang), status_label(old.status, lang), status_label(new.status, lang), ""],
        [t("report.completeness", lang), percent_text(old.completeness, lang), percent_text(new.completeness, lang),
         ""],
        [t("report.gaps", lang), str(len(old.gaps)), str(len(new.gaps)), ""],
    ]
    out += [f"## {label('summary', lang)}", "", table(headers, summary, ["left", "right", "right", "right"]), ""]
    section_headers = [t("col.section", lang), t("col.title", lang), label("before", lang), label("after", lang),
                       label("delta", lang)]
    align = ["left", "left", "right", "right", "right"]
    out += [f"## {label('scores', lang)}", "", table(section_headers, _score_rows(diff, diff.principles, lang),
                                                     align), ""]
    if diff.settings:
        out += [f"## {label('settings', lang)}", "", label("settings_apart", lang), "",
                table(section_headers, _score_rows(diff, diff.settings, lang), align), ""]
    out += [f"## {label('changes', lang)}", ""]
    for which in (IMPROVED, REGRESSED, CHANGED):
        items = diff.by_direction(which)
        out += [f"### {label(which, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    for key in ("newly_assessed", "no_longer_assessed"):
        items = getattr(diff, key)
        out += [f"### {label(key, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    for key in ("gaps_closed", "gaps_opened"):
        items = getattr(diff, key)
        out += [f"## {label(key, lang)} ({len(items)})", "", *_norm_table(diff, items, lang), ""]
    why = label("today", lang) if diff.reference_is_today else label("new_date", lang)
    out += [f"## {label('actions_completed', lang)} ({len(diff.actions_completed)})", "",
            *_action_table(diff, diff.actions_completed, lang), ""]
    out += [f"## {label('actions_overdue', lang)} ({len(diff.actions_overdue)})", "",
            label("reference", lang, date=diff.reference_date.isoformat(), why=why), "",
            *_action_table(diff, diff.actions_overdue, lang), ""]
    out += [f"## {label('rules', lang)}", "", label("rules_text", lang), ""]
    return "\n".join(out)


def render(diff: Diff, fmt: str, lang: str) -> str:
    if fmt == "json":
        return render_json(diff, lang)
    if fmt == "md":
        return render_markdown(diff, lang)
    raise ValueError(fmt)


# ---------------------------------------------------------------- checks shared with assess merge


def same_service(first: str, second: str) -> bool:
    """Service names match ignoring case and runs of spaces ("De  Overloop" is "de overloop")."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()
