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
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assess import agreement as agr
from assess.assessment import RESULTS, Action, Answer, Assessment, Loaded, Position, Service, Source, loads
from assess.catalog import Catalog
from assess.compare import line_in, same_service
from assess.errors import InputError, Problem
from assess.i18n import number, pick
from assess.inputfile import read_bytes
from assess.reports.text import action_details
from assess.storage import digest

LABELS: dict[str, tuple[str, str]] = {
    "action": ("actie", "action"),
    "written": ("Consensus geschreven naar {file}: {count} beoordelingen van {service}.",
                "Consensus written to {file}: {count} assessments of {service}."),
    "counts": ("{agreed} normen eensgezind, {disputed} betwist, {unassessed} door niemand beoordeeld.",
               "{agreed} norms agreed, {disputed} disputed, {unassessed} assessed by nobody."),
    "agreement": ("Overeenstemming", "Agreement"),
    "agreement_intro": (
        "Berekend over de normen die door alle beoordelaars beoordeeld zijn; n.v.t. telt als eigen categorie. "
        "Totaal: de normen van de 7 beginselen; settings apart. {method}.",
        "Computed over the norms every assessor assessed; not applicable counts as a category of its own. "
        "Overall: the norms of the 7 principles; settings apart. {method}.",
    ),
    "cohen": ("Cohens kappa (twee beoordelaars)", "Cohen's kappa (two assessors)"),
    "fleiss": ("Fleiss' kappa ({raters} beoordelaars)", "Fleiss' kappa ({raters} assessors)"),
    "bands": ("Duiding volgens Landis & Koch (1977).", "Interpretation after Landis & Koch (1977)."),
    "col.section": ("Onderdeel", "Section"),
    "col.norms": ("Normen", "Norms"),
    "col.by_all": ("Door allen", "By all"),
    "col.percent": ("Overeenstemming", "Agreement"),
    "col.kappa": ("Kappa", "Kappa"),
    "overall": ("Totaal (7 beginselen)", "Overall (7 principles)"),
    "na": ("n.b.", "n/a"),
    agr.NO_ITEMS: ("geen normen die door alle beoordelaars beoordeeld zijn",
                   "no norms assessed by every assessor"),
    agr.CHANCE_IS_ONE: ("alle antwoorden in één categorie, kansovereenstemming is 1",
                        "all answers in one category, chance agreement is 1"),
    "poor": ("slecht", "poor"),
    "slight": ("gering", "slight"),
    "fair": ("matig", "fair"),
    "moderate": ("redelijk", "moderate"),
    "substantial": ("aanzienlijk", "substantial"),
    "almost_perfect": ("bijna volledig", "almost perfect"),
    "disputed": ("Betwiste normen", "Disputed norms"),
    "no_disputed": ("Geen: alle beoordelaars waren het eens.", "None: the assessors agreed on every norm."),
    "settle": (
        "Beslis elke betwiste norm in het consensusbestand: vul result in en verwijder de lijst disputed "
        "(neem eerst over wat u van het bewijs en de opmerkingen wilt houden).",
        "Settle each disputed norm in the consensus file: give it a result and delete its disputed list "
        "(first copy what you want to keep of the evidence and notes).",
    ),
    "not_assessed": ("niet beoordeeld", "not assessed"),
}


def label(key: str, lang: str, **values: object) -> str:
    return pick(LABELS, key, lang, **values)


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
            errors.append(Problem(other.file, line_in(other.loaded.text, other.file, ["checklist"]),
                                  f"checklist: {b.checklist!r} differs from {a.checklist!r} in {first.file}"))
        mismatches = []
        if not same_service(a.service.name, b.service.name):
            mismatches.append((["service", "name"], f"service.name: {b.service.name!r} differs from "
                                                    f"{a.service.name!r} in {first.file}"))
        if a.checklist_version and b.checklist_version and a.checklist_version != b.checklist_version:
            mismatches.append((["checklist_version"], f"checklist_version: {b.checklist_version} differs from "
                                                      f"{a.checklist_version} in {first.file}"))
        for path, message in mismatches:
            line = line_in(other.loaded.text, other.file, path)
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
                errors.append(Problem(item.file, line_in(item.loaded.text, item.file, ["answers", norm_id]),
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


def _action_note(action: Action, lang: str) -> str:
    details = action_details(action, lang)
    return f"{label('action', lang)}: {action.description}" + (f" ({'; '.join(details)})" if details else "")


def _merge_actions(labels: Sequence[str], answers: Sequence[Answer], lang: str) -> tuple[Action | None, list[str]]:
    actions = [(name, a.action) for name, a in zip(labels, answers, strict=True) if a.action]
    if not actions:
        return None, []
    first = actions[0][1]
    if all(action == first for _, action in actions):
        return first, []
    # They differ: the first is kept as the action, and every one is in the note with its assessor.
    return first, [f"[{name}] {_action_note(action, lang)}" for name, action in actions]


def _merge_answer(labels: Sequence[str], answers: Sequence[Answer], lang: str) -> Answer:
    results = [a.result for a in answers]
    action, action_notes = _merge_actions(labels, answers, lang)
    assessed = [r for r in results if r is not None]
    if assessed and (len(assessed) < len(results) or len(set(assessed)) > 1):
        positions = tuple(Position(name, a.result, a.evidence, a.note) for name, a in zip(labels, answers,
                                                                                          strict=True))
        return Answer(None, (), "\n".join(action_notes) or None, action, positions)
    evidence = tuple(f"[{name}] {e}" for name, a in zip(labels, answers, strict=True) for e in a.evidence)
    notes = [f"[{name}] {line}" for name, a in zip(labels, answers, strict=True) if a.note
             for line in a.note.splitlines()] + action_notes
    return Answer(assessed[0] if assessed else None, evidence, "\n".join(notes) or None, action)


def _agreement(norm_ids: Sequence[str], inputs: Sequence[Input], section_id: str | None) -> SectionAgreement:
    ratings = []
    for norm_id in norm_ids:
        results = tuple(i.assessment.result(norm_id) for i in inputs)
        if all(r is not None for r in results):
            ratings.append(results)
    return SectionAgreement(section_id, len(norm_ids), agr.agreement(ratings, len(inputs), RESULTS))


def merge(inputs: Sequence[Input], catalog: Catalog, lang: str) -> Merged:
    """Merge checked inputs (see :func:`check_inputs`); ``lang`` is the language of notes on extra actions."""
    labels = assessor_labels(inputs)
    chosen = {s for i in inputs for s in i.assessment.settings}
    settings = tuple(s for s in catalog.settings if s in chosen)
    answers: dict[str, Answer] = {}
    agreed, disputed, unassessed = [], [], []
    for norm in catalog.items_for(settings):
        merged = _merge_answer(labels, [i.assessment.answer(norm.id) for i in inputs], lang)
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
    principle_ids = [n.id for n in catalog.norms]
    return Merged(
        consensus, labels, tuple(agreed), tuple(disputed), tuple(unassessed),
        _agreement(principle_ids, inputs, None),
        tuple(_agreement(p.norm_ids, inputs, p.id) for p in catalog.principles),
        tuple(_agreement(catalog.settings[s].norm_ids, inputs, s) for s in settings),
    )


# ---------------------------------------------------------------- output


def kappa_text(kappa: agr.Kappa, lang: str) -> str:
    if kappa.value is None:
        return f"{label('na', lang)} ({label(kappa.reason or agr.NO_ITEMS, lang)})"
    shown = number(agr.round_half_up(kappa.value, 2), lang, places=2)
    return f"{shown} ({label(agr.band(kappa.value) or 'poor', lang)})"


def agreement_percent(value: float | None, lang: str) -> str:
    from assess.scoring import round1

    return "–" if value is None else f"{number(round1(100 * value), lang)}%"


def method_text(merged: Merged, lang: str) -> str:
    return label("cohen", lang) if merged.raters == 2 else label("fleiss", lang, raters=merged.raters)


def render_text(merged: Merged, catalog: Catalog, lang: str, output: str) -> str:
    from assess.reports.markdown import table
    from assess.reports.text import md_escape, result_label

    c = merged.consensus
    out = [label("written", lang, file=output, count=merged.raters, service=c.service.name),
           "- " + "\n- ".join(f"{name}: {source.file} (sha256 {source.sha256[:12]}…)"
                              for name, source in zip(merged.labels, c.merged_from, strict=True)),
           "", label("counts", lang, agreed=len(merged.agreed), disputed=len(merged.disputed),
                     unassessed=len(merged.unassessed)), ""]
    out += [f"## {label('agreement', lang)}", "", label("agreement_intro", lang, method=method_text(merged, lang)),
            label("bands", lang), ""]
    rows = []
    for entry in (merged.overall, *merged.principles, *merged.settings):
        name = label("overall", lang) if entry.id is None else catalog.section(entry.id).label(lang)
        a = entry.agreement
        rows.append([md_escape(name), str(entry.norms), str(a.items), agreement_percent(a.percent, lang),
                     kappa_text(a.kappa, lang)])
    headers = [label(k, lang) for k in ("col.section", "col.norms", "col.by_all", "col.percent", "col.kappa")]
    out += [table(headers, rows, ["left", "right", "right", "right", "left"]), ""]
    out += [f"## {label('disputed', lang)} ({len(merged.disputed)})", ""]
    if merged.disputed:
        headers = ["Norm", *(md_escape(name) for name in merged.labels)]
        rows = [[d.id, *(md_escape(result_label(catalog, p.result, lang)) if p.result else
                         label("not_assessed", lang) for p in d.positions)] for d in merged.disputed]
        out += [table(headers, rows), "", label("settle", lang), ""]
    else:
        out += [label("no_disputed", lang), ""]
    return "\n".join(out)


def _agreement_json(entry: SectionAgreement) -> dict[str, Any]:
    a, k = entry.agreement, entry.agreement.kappa
    return {"id": entry.id, "norms": entry.norms, "assessed_by_all": a.items,
            "percent": None if a.percent is None else agr.round_half_up(100 * a.percent, 1),
            "kappa": agr.round_half_up(k.value, 3), "kappa_reason": k.reason, "band": agr.band(k.value),
            "observed": agr.round_half_up(k.observed, 3), "expected": agr.round_half_up(k.expected, 3)}


def render_json(merged: Merged, output: str) -> str:
    c = merged.consensus
    data = {
        "consensus": output,
        "service": c.service.name,
        "method": "cohen" if merged.raters == 2 else "fleiss",
        "inputs": [{"file": s.file, "sha256": s.sha256, "label": name, "assessors": list(s.assessors)}
                   for name, s in zip(merged.labels, c.merged_from, strict=True)],
        "agreed": list(merged.agreed),
        "disputed": [{"id": d.id, "positions": [{"assessor": p.assessor, "result": p.result} for p in d.positions]}
                     for d in merged.disputed],
        "unassessed": list(merged.unassessed),
        "agreement": {
            "basis": "norms assessed by every assessor; overall = the 7 principles",
            "overall": _agreement_json(merged.overall),
            "principles": [_agreement_json(e) for e in merged.principles],
            "settings": [_agreement_json(e) for e in merged.settings],
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
