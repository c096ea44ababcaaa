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
    """What is to be done about a gap: what, who, by when, how urgent, and whether it is done."""

    description: str
    owner: str | None = None
    due: dt.date | None = None
    priority: str | None = None
    done: bool = False


@dataclass(frozen=True, eq=False)
class Evidence:
    """One evidence item: a text, and optionally the kind of source it comes from (an id of
    ``norms/evidence-sources.yaml``), its date and a reference (a document number, a file name).

    A plain text in a file is an item with only ``text``; it is written back as plain text.
    """

    text: str
    source: str | None = None
    date: dt.date | None = None
    ref: str | None = None

    @property
    def typed(self) -> bool:
        """Does it say more than its text (written as a mapping)?"""
        return self.source is not None or self.date is not None or self.ref is not None

    def _fields(self) -> tuple[str, str | None, dt.date | None, str | None]:
        return (self.text, self.source, self.date, self.ref)

    def __eq__(self, other: object) -> bool:
        """Equal to an item with the same fields; an untyped item also equals its plain text, so code and
        files that know evidence only as texts keep working."""
        if isinstance(other, Evidence):
            return self._fields() == other._fields()
        if isinstance(other, str):
            return not self.typed and self.text == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)


EvidenceLike = Evidence | str


def evidence_items(items: tuple[EvidenceLike, ...] | list[EvidenceLike]) -> tuple[Evidence, ...]:
    """Evidence items, plain texts turned into untyped :class:`Evidence`."""
    return tuple(item if isinstance(item, Evidence) else Evidence(item) for item in items)


def _normalise_evidence(instance: object) -> None:
    evidence = instance.evidence  # type: ignore[attr-defined]
    if any(not isinstance(item, Evidence) for item in evidence):
        object.__setattr__(instance, "evidence", evidence_items(evidence))


@dataclass(frozen=True)
class Position:
    """One assessor's answer to a disputed norm (see ``assess merge``)."""

    assessor: str
    result: str | None = None
    evidence: tuple[Evidence, ...] = ()  # plain texts given here are turned into Evidence
    note: str | None = None

    def __post_init__(self) -> None:
        _normalise_evidence(self)


@dataclass(frozen=True)
class Answer:
    """What an assessment says about one norm. ``result`` None means not assessed."""

    result: str | None = None
    evidence: tuple[Evidence, ...] = ()  # plain texts given here are turned into Evidence
    note: str | None = None
    action: Action | None = None
    disputed: tuple[Position, ...] = ()

    def __post_init__(self) -> None:
        _normalise_evidence(self)

    @property
    def evidence_texts(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.evidence)

    @property
    def sources(self) -> tuple[str, ...]:
        """The kinds of source its evidence names, each once, in the order first named."""
        return tuple(dict.fromkeys(item.source for item in self.evidence if item.source))

    @property
    def is_empty(self) -> bool:
        """Says nothing (equal to :data:`NO_ANSWER`), field by field without building tuples to compare."""
        return self is NO_ANSWER or (self.result is None and self.evidence == () and self.note is None
                                     and self.action is None and self.disputed == ())


NO_ANSWER = Answer()  # a norm not answered (Answer is frozen, so one will do)


@dataclass(frozen=True)
class Service:
    """The service assessed: its name, and optionally its kind and location."""

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
class Signature:
    """A sign-off (``assess sign``): who, when (UTC, ISO 8601), and hashes of the answers signed: of them all,
    and per assessed norm, so that the norms changed afterwards can be named."""

    by: str
    at: str
    answers_sha256: str
    norms: Mapping[str, str] = field(default_factory=dict)
    role: str | None = None


@dataclass(frozen=True)
class Assessment:
    """One assessment file: the service, the checklist it answers, its answers by norm id, and the rest of
    its fields."""

    checklist: str
    service: Service
    checklist_version: str | None = None
    assessors: tuple[str, ...] = ()
    date: dt.date | None = None
    language: str | None = None
    settings: tuple[str, ...] = ()
    answers: Mapping[str, Answer] = field(default_factory=dict)
    merged_from: tuple[Source, ...] = ()
    signed: Signature | None = None
    signatures_history: tuple[Signature, ...] = ()

    def answer(self, norm_id: str) -> Answer:
        return self.answers.get(norm_id, NO_ANSWER)

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


def is_signed(assessment: Assessment) -> bool:
    """Is the assessment signed off (final)? A signed file is opened read-only by the TUI until reopened."""
    return assessment.signed is not None
