"""Findings of :mod:`assess.analysis.lint` in words: ``FILE:LINE: rule-id: message``, JSON, and the Markdown
report's "Quality of the assessment" section."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assess.analysis.lint import RULES, Finding
from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.model.assessment import Assessment
from assess.model.catalog import Catalog
from assess.render.markdown_table import table
from assess.render.text import md_escape, result_label

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

LineOf = Callable[[Sequence[object]], "int | None"]


def message(finding: Finding, assessment: Assessment, catalog: Catalog, lang: str) -> str:
    """The finding's message in ``lang``."""
    answer = assessment.answer(finding.norm)
    values: dict[str, object] = {"norm": finding.norm, "count": finding.count,
                                 "date": finding.date.isoformat() if finding.date else "",
                                 "on": assessment.date.isoformat() if assessment.date else ""}
    if finding.rule == "gap-without-action":
        values["result"] = result_label(catalog, answer.result, lang)
    if finding.rule == "action-incomplete" and answer.action is not None:
        missing = ("both" if not answer.action.owner and not answer.action.due
                   else "owner" if not answer.action.owner else "due")
        values["missing"] = t(f"check.missing.{missing}", lang)
    return t(f"check.msg.{finding.rule}", lang, **values)


def line_text(name: str, line: int | None, finding: Finding, text: str) -> str:
    return f"{name}:{line}: {finding.rule}: {text}" if line else f"{name}: {finding.rule}: {text}"


def finding_json(name: str, line: int | None, finding: Finding, text: str) -> dict[str, Any]:
    return {"file": name, "line": line, "rule": finding.rule, "norm": finding.norm, "message": text}


def quality_section(card: Scorecard, found: Sequence[Finding], lang: str) -> list[str]:
    """The Markdown report's short section: one row per rule that found something, with its norms
    (``assess check FILE`` gives each finding with its line)."""
    out = [f"## {t('check.quality', lang)} ({len(found)})", "", t("check.quality_intro", lang), ""]
    if not found:
        return [*out, t("check.quality_none", lang), ""]
    by_rule: dict[str, list[str]] = {}
    for finding in found:
        by_rule.setdefault(finding.rule, []).append(finding.norm)
    rows = [[f"`{rule}`", md_escape(t(f"check.rule.{rule}", lang)), str(len(norms)),
             md_escape(", ".join(dict.fromkeys(norms)))] for rule in RULES if (norms := by_rule.get(rule))]
    headers = [t("check.col.rule", lang), t("check.col.finding", lang), t("check.col.count", lang), t("col.norm", lang)]
    return [*out, table(headers, rows, ["left", "left", "right", "left"]), ""]
