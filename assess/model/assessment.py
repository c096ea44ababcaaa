"""An assessment (file format version 1) as frozen data: answers, actions, positions of a merge.

Read and checked by :mod:`assess.files.assessment_file`; written by :mod:`assess.files.writer`.

A file is plain YAML that people write by hand, version in git, and that the TUI and
batch mode read and write. See ``assess schema`` for its JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

FORMAT_VERSION = 1
PRIORITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class Action:
    description: str
    owner: str | None = None
    due: dt.date | None = None
    priority: str | None = None
    done: bool = False


@dataclass(frozen=True)
class Position:
    """One assessor's answer to a disputed norm (see ``assess merge``)."""

    assessor: str
    result: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Answer:
    """What an assessment says about one norm. ``result`` None means not assessed."""

    result: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    action: Action | None = None
    disputed: tuple[Position, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Answer()


@dataclass(frozen=True)
class Service:
    name: str
    kind: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Source:
    """An assessment a consensus file was merged from."""

    file: str
    sha256: str
    assessors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    checklist: str
    service: Service
    checklist_version: str | None = None
    assessors: tuple[str, ...] = ()
    date: dt.date | None = None
    language: str | None = None
    settings: tuple[str, ...] = ()
    answers: Mapping[str, Answer] = field(default_factory=dict)
    merged_from: tuple[Source, ...] = ()

    def answer(self, norm_id: str) -> Answer:
        return self.answers.get(norm_id, Answer())

    def result(self, norm_id: str) -> str | None:
        answer = self.answers.get(norm_id)
        return answer.result if answer else None

    def with_answer(self, norm_id: str, answer: Answer) -> Assessment:
        """A copy with ``norm_id`` answered (or removed, when ``answer`` is empty)."""
        answers = dict(self.answers)
        if answer.is_empty:
            answers.pop(norm_id, None)
        else:
            answers[norm_id] = answer
        return replace(self, answers=answers)
