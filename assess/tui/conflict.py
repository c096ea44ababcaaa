"""The file changed on disk while the audit had it open: what differs, and a backup before anything is replaced.

No Textual here: the conflict dialog (``components/conflict_screen.py``) shows what this computes.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.model.assessment import Answer, Assessment
from assess.model.catalog import AnswerSet, Catalog
from assess.tui.labels import label


@dataclass(frozen=True)
class NormDifference:
    norm_id: str
    mine: Answer
    theirs: Answer


def differences(catalog: Catalog, mine: Assessment, theirs: Assessment) -> tuple[NormDifference, ...]:
    """Every norm (of the settings either side chose) whose answer differs, in catalog order."""
    settings = tuple(dict.fromkeys(mine.settings + theirs.settings))
    return tuple(NormDifference(n.id, mine.answer(n.id), theirs.answer(n.id)) for n in catalog.items_for(settings)
                 if mine.answer(n.id) != theirs.answer(n.id))


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def describe(answer: Answer, answer_set: AnswerSet, lang: str, width: int = 60) -> str:
    """One line: the result, then note, evidence and action, each cut to fit ``width`` or so."""
    result = answer.result
    parts = [answer_set.option(result).label[lang] if result else label("audit.not_assessed", lang)]
    if answer.note:
        parts.append(f"{label('audit.note', lang).lower()}: {clip(answer.note, width // 2)}")
    if answer.evidence:
        parts.append(f"{label('audit.evidence', lang).lower()}: {clip('; '.join(answer.evidence_texts), width // 2)}")
    if answer.action:
        parts.append(f"{label('audit.action', lang).lower()}: {clip(answer.action.description, width // 3)}")
    return " · ".join(parts)
