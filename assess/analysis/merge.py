"""Merging independent assessments of one service into a consensus file (``assess merge``).

Rules (also in the README, "Several assessors"):

* Inputs: two or more files of the same service (``service.name``, ignoring case and spacing), the same
  checklist and the same ``checklist_version`` where stated. A file with disputed norms must be settled
  before it is merged again.
* Each input is one assessor: labelled by its ``assessors`` (joined with ", "), else by its file name.
* A norm every input assessed with the same result keeps that result. A norm assessed differently, or
  assessed by some inputs but not all, is *disputed*: no ``result``, and a ``disputed`` list with one
  position (assessor, result, evidence, note) per input, so the team can settle it. A norm no input
  assessed stays unassessed.
* Evidence and notes of agreed (and unassessed) norms are all kept, labelled ``[assessor] ...``; notes
  one per line, every line labelled. Actions: kept when only one input has one, or all are identical;
  otherwise the first is kept and all of them are recorded in the note, labelled.
* ``merged_from`` lists every input with the sha256 of its bytes and its assessors; ``assessors`` is the
  union in order; ``date`` the latest input date; settings the union.
* Agreement (percent, Cohen's kappa for two inputs, Fleiss' kappa for more) is computed over the norms
  assessed by *every* input, with met / partial / not_met / na as categories. Overall means the norms of
  the 7 principles, like the overall score; each chosen setting is reported apart.

Plain results only: the summary a person reads is rendered by ``assess.render.merge_markdown`` and
``assess.render.merge_json``. The one text made here is the note on differing actions, which is part of
the consensus file, in its language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assess.analysis import agreement as agr
from assess.analysis.action_phrases import action_details
from assess.analysis.compare import same_service
from assess.errors import InputError, Problem
from assess.files.assessment_file import Loaded, loads
from assess.files.input_file import read_bytes
from assess.files.storage import digest
from assess.model.assessment import Action, Answer, Assessment, Position, Service, Source
from assess.model.catalog import Catalog
from assess.terminal_text import lines

Words = Callable[[str], str]
"""The consensus file's words: the text of an ``assess.i18n`` key (``col.owner``) in the file's language.

Analysis imports no words; the command passes them in (``lambda key: t(key, lang)``)."""


@dataclass(frozen=True)
class Input:
    """One assessment to merge: its file as given, the sha256 of its bytes, and what it says."""

    file: str
    sha256: str
    loaded: Loaded

    @property
    def assessment(self) -> Assessment:
        return self.loaded.assessment


def read_input(path: str, catalog: Catalog) -> Input:
    """Load a file, hashing exactly the bytes that were parsed."""
    if path == "-":
        raise InputError.single("<stdin>", None, "assess merge needs files (their sha256 is recorded), not stdin")
    data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        from assess.files.input_file import is_utf16

        if is_utf16(data):  # the byte-order mark of UTF-16 (Windows' "Unicode"), said as assess check says it
            raise InputError.single(path, 1, "UTF-16 text (saved as \"Unicode\"): save the file as UTF-8") from None
        raise InputError.single(path, None, f"not UTF-8 text ({err.reason})") from None
    return Input(path, digest(data), loads(text, path, catalog))


def assessor_labels(inputs: Sequence[Input]) -> tuple[str, ...]:
    """One distinct label per input: its assessors, else its file name; clashes get the file added."""
    base = [", ".join(i.assessment.assessors) or Path(i.file).name for i in inputs]
    labels = [f"{name} ({inputs[k].file})" if base.count(name) > 1 else name for k, name in enumerate(base)]
    if len(set(labels)) < len(labels):
        labels = [f"{name} [{k + 1}]" for k, name in enumerate(labels)]
    return tuple(labels)


def check_inputs(inputs: Sequence[Input], force: bool = False) -> list[Problem]:
    """Raise :class:`InputError` when the inputs cannot be merged; return warnings (mismatches under --force)."""
    if len(inputs) < 2:
        raise InputError.single(inputs[0].file if inputs else "assess merge", None,
                                "assess merge needs at least two assessment files")
    errors: list[Problem] = []
    warnings: list[Problem] = []
    first = inputs[0]
    a = first.assessment
    for index, other in enumerate(inputs[1:], start=1):
        b = other.assessment
        for earlier in inputs[:index]:
            if other.sha256 == earlier.sha256:
                errors.append(Problem(other.file, None, f"identical to {earlier.file} (same sha256); "
                                                        "give each assessor's own file"))
            for consensus, source in ((other, earlier), (earlier, other)):
                if any(m.sha256 == source.sha256 for m in consensus.assessment.merged_from):
                    errors.append(Problem(source.file, None, f"already merged into {consensus.file} "
                                                             "(its merged_from lists this file's sha256); "
                                                             "an assessor would count twice"))
        if b.checklist != a.checklist:
            errors.append(Problem(other.file, other.loaded.line_of(["checklist"]),
                                  f"checklist: {b.checklist!r} differs from {a.checklist!r} in {first.file}"))
        mismatches = []
        if not same_service(a.service.name, b.service.name):
            mismatches.append((["service", "name"], f"service.name: {b.service.name!r} differs from "
                                                    f"{a.service.name!r} in {first.file}"))
        if a.checklist_version and b.checklist_version and a.checklist_version != b.checklist_version:
            mismatches.append((["checklist_version"], f"checklist_version: {b.checklist_version} differs from "
                                                      f"{a.checklist_version} in {first.file}"))
        for path, message in mismatches:
            line = other.loaded.line_of(path)
            if force:
                warnings.append(Problem(other.file, line, f"warning: {message}; merged anyway (--force)"))
            else:
                errors.append(Problem(other.file, line, f"{message} (use --force to merge anyway)"))
    for item in inputs:
        if not any(answer.result for answer in item.assessment.answers.values()):
            warnings.append(Problem(item.file, None, "warning: no norm is assessed in this file; every norm another "
                                                     "assessor answered becomes disputed"))
        for norm_id, answer in item.assessment.answers.items():
            if answer.disputed:
                errors.append(Problem(item.file, item.loaded.line_of(["answers", norm_id]),
                                      f'answers."{norm_id}": disputed; settle it before merging this file again'))
    if errors:
        raise InputError(errors)
    return warnings


@dataclass(frozen=True)
class Disputed:
    id: str
    positions: tuple[Position, ...]

    @property
    def partly_assessed(self) -> bool:
        return any(p.result is None for p in self.positions)


@dataclass(frozen=True)
class SectionAgreement:
    id: str | None  # None: overall (the 7 principles)
    norms: int
    agreement: agr.Agreement  # over the norms assessed by every input


@dataclass(frozen=True)
class Merged:
    consensus: Assessment
    catalog: Catalog
    labels: tuple[str, ...]
    agreed: tuple[str, ...]
    disputed: tuple[Disputed, ...]
    unassessed: tuple[str, ...]
    overall: SectionAgreement
    principles: tuple[SectionAgreement, ...]
    settings: tuple[SectionAgreement, ...]

    @property
    def raters(self) -> int:
        return len(self.labels)


def action_note(action: Action, words: Words) -> str:
    """An action as one line of a consensus note: ``actie: … (eigenaar: …; uiterlijk: …; prioriteit: …)``."""
    details = action_details(action, words)
    return f"{words('col.action').lower()}: {action.description}" + (f" ({'; '.join(details)})" if details else "")


def _merge_actions(labels: Sequence[str], answers: Sequence[Answer], words: Words) -> tuple[Action | None, list[str]]:
    actions = [(name, a.action) for name, a in zip(labels, answers, strict=True) if a.action]
    if not actions:
        return None, []
    first = actions[0][1]
    if all(action == first for _, action in actions):
        return first, []
    # They differ: the first is kept as the action, and every one is in the note with its assessor.
    return first, [f"[{name}] {action_note(action, words)}" for name, action in actions]


def _merge_answer(labels: Sequence[str], answers: Sequence[Answer], words: Words) -> Answer:
    results = [a.result for a in answers]
    action, action_notes = _merge_actions(labels, answers, words)
    assessed = [r for r in results if r is not None]
    if assessed and (len(assessed) < len(results) or len(set(assessed)) > 1):
        positions = tuple(Position(name, a.result, a.evidence, a.note) for name, a in zip(labels, answers,
                                                                                          strict=True))
        return Answer(None, (), "\n".join(action_notes) or None, action, positions)
    evidence = tuple(replace(e, text=f"[{name}] {e.text}") for name, a in zip(labels, answers, strict=True)
                     for e in a.evidence)
    notes = [f"[{name}] {line}" for name, a in zip(labels, answers, strict=True) if a.note
             for line in lines(a.note)] + action_notes
    return Answer(assessed[0] if assessed else None, evidence, "\n".join(notes) or None, action)


def _agreement(norm_ids: Sequence[str], inputs: Sequence[Input], section_id: str | None,
               answer_ids: tuple[str, ...]) -> SectionAgreement:
    ratings = []
    for norm_id in norm_ids:
        results = tuple(i.assessment.result(norm_id) for i in inputs)
        if all(r is not None for r in results):
            ratings.append(results)
    return SectionAgreement(section_id, len(norm_ids), agr.agreement(ratings, len(inputs), answer_ids))


def merge(inputs: Sequence[Input], catalog: Catalog, words: Words) -> Merged:
    """Merge checked inputs (see :func:`check_inputs`); ``words`` writes the notes on extra actions."""
    labels = assessor_labels(inputs)
    chosen = {s for i in inputs for s in i.assessment.settings}
    settings = tuple(s for s in catalog.settings if s in chosen)
    answers: dict[str, Answer] = {}
    agreed, disputed, unassessed = [], [], []
    for norm in catalog.items_for(settings):
        merged = _merge_answer(labels, [i.assessment.answer(norm.id) for i in inputs], words)
        if merged.disputed:
            disputed.append(Disputed(norm.id, merged.disputed))
        elif merged.result:
            agreed.append(norm.id)
        else:
            unassessed.append(norm.id)
        if not merged.is_empty:
            answers[norm.id] = merged
    first = inputs[0].assessment
    assessors: list[str] = []
    for item in inputs:
        assessors += [a for a in item.assessment.assessors if a not in assessors]
    dates = [i.assessment.date for i in inputs if i.assessment.date]
    service = Service(first.service.name,
                      next((i.assessment.service.kind for i in inputs if i.assessment.service.kind), None),
                      next((i.assessment.service.location for i in inputs if i.assessment.service.location), None))
    consensus = Assessment(
        checklist=catalog.id, checklist_version=catalog.version, service=service, assessors=tuple(assessors),
        date=max(dates) if dates else None,
        language=next((i.assessment.language for i in inputs if i.assessment.language), None),
        settings=settings, answers=answers,
        merged_from=tuple(Source(i.file, i.sha256, i.assessment.assessors) for i in inputs),
    )
    principle_ids = [n.id for n in catalog.principle_norms]
    answer_ids = catalog.answer_set.ids
    return Merged(
        consensus, catalog, labels, tuple(agreed), tuple(disputed), tuple(unassessed),
        _agreement(principle_ids, inputs, None, answer_ids),
        tuple(_agreement(p.norm_ids, inputs, p.id, answer_ids) for p in catalog.principles),
        tuple(_agreement(catalog.settings[s].norm_ids, inputs, s, answer_ids) for s in settings),
    )
