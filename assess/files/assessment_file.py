"""Assessment files: read, check against the schema and the catalog, and build the model.

Every problem names its file and line (``FILE:LINE: field: message``); see ``assess schema``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assess.errors import SHOWN_PROBLEMS, InputError, Problem, field_path
from assess.files.compiled_schema import part_accepts, schema_accepts
from assess.files.date_fields import date_places, dates_to_text
from assess.files.strict_yaml import Document, parse, paused_gc, read
from assess.model.assessment import (
    Action,
    Answer,
    Assessment,
    Evidence,
    Position,
    Service,
    Signature,
    Source,
)
from assess.model.catalog import Catalog

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Loaded:
    """A loaded assessment, the warnings that did not stop it from loading, and the parsed file."""

    assessment: Assessment
    warnings: tuple[Problem, ...] = ()
    text: str = ""
    document: Document | None = field(default=None, repr=False, compare=False)

    def line_of(self, path: Sequence[object]) -> int | None:
        """The line of ``path`` in the file (for FILE:LINE messages), from the document's line index."""
        return self.document.line_of(path) if self.document is not None else None


def _answer_problems(doc: Document, norm_id: str, value: Any, results: tuple[str, ...]) -> list[Problem]:
    """Precise messages for one entry of ``answers`` (the schema's oneOf says too little)."""
    path: list[object] = ["answers", norm_id]
    where = field_path(path)
    line = doc.line_of(path)
    from assess.files import schema_check  # jsonschema, imported only to explain a problem

    if isinstance(value, str):
        return [Problem(doc.name, line, f"{where}: unknown result {value!r}; expected one of {', '.join(results)}")]
    if isinstance(value, dict):
        sub = schema_check.validator("assessment", results)
        answer_schema = sub.schema["$defs"]["answer"]  # type: ignore[index]
        checker = sub.evolve(schema=answer_schema)
        problems = []
        for error in checker.iter_errors(value):
            full = Document(doc.name, doc.text, doc.data)
            full._root, full._keys = doc._root, doc._keys  # the tree and its indexes are composed once
            error.path.extendleft(reversed(path))
            problems.extend(schema_check.problems(full, error))
        return problems
    hint = schema_check.yaml_trap_hint(doc, path, value)
    return [Problem(doc.name, line, f"{where}: expected a result ({', '.join(results)}) or a mapping, "
                                    f"got {schema_check.describe_value(value)}{hint}")]


DETAILED_ANSWERS = 1000  # invalid answers explained field by field (at most 100 problems are shown anyway)


def _schema_problems(doc: Document, data: Any, results: tuple[str, ...]) -> list[Problem]:
    from assess.files import schema_check  # jsonschema, imported only to explain a problem

    problems = []
    if isinstance(data.get("answers"), dict):
        # jsonschema explains problems slowly: only the answers the fast check refuses go through it
        # (each answer is checked on its own; the names are checked by _known), so this stays fast
        answer_ok = part_accepts("assessment", "properties", "answers", "additionalProperties", results=results)
        refused = [key for key, value in data["answers"].items() if not answer_ok(value)]
        data = {**data, "answers": {key: data["answers"][key] for key in refused[:DETAILED_ANSWERS]}}
        for key in refused[DETAILED_ANSWERS:]:  # far more than is shown: one problem each, fast, still counted
            path = ["answers", key]
            problems.append(Problem(doc.name, doc.line_of(path), f"{field_path(path)}: not a valid answer (only "
                                    f"the first {DETAILED_ANSWERS} invalid answers are explained)"))
    for error in schema_check.validator("assessment", results).iter_errors(data):
        path = list(error.absolute_path)
        if len(path) == 2 and path[0] == "answers" and error.validator == "oneOf":
            problems.extend(_answer_problems(doc, str(path[1]), error.instance, results))
        elif path == ["answers"] and "propertyNames" in error.schema_path:
            continue  # an id of the wrong form is an unknown norm id, reported at its own line by _known
        else:
            problems.extend(schema_check.problems(doc, error))
    return problems


def _evidence(doc: Document, path: list[object], value: Any, problems: list[Problem]) -> tuple[Evidence, ...]:
    """Evidence as given: a text, a typed item, or a list of either."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            out.append(Evidence(item))
            continue
        where = [*path, index] if isinstance(value, list) else path
        out.append(Evidence(item["text"], item.get("source"), _date(doc, [*where, "date"], item.get("date"), problems),
                            item.get("ref")))
    return tuple(out)


_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _impossible_dates(doc: Document, data: dict[str, Any], problems: list[Problem]) -> None:
    """Dates of the right shape that do not exist (2027-02-30), for a file that also has schema problems:
    the schema checks only the shape, so without this they would show up only once the rest is fixed."""
    for path, value in date_places(data):
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
            _date(doc, path, value, problems)


def _date(doc: Document, path: list[object], value: Any, problems: list[Problem]) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = f"{field_path(path)}: {value!r} is not a date (YYYY-MM-DD)"
        problems.append(Problem(doc.name, doc.line_of(path), message))
        return None


def _build_answer(doc: Document, norm_id: str, raw: Any, problems: list[Problem]) -> Answer:
    if raw is None:
        return Answer()
    if isinstance(raw, str):
        return Answer(result=raw)
    action = None
    if "action" in raw:
        a = raw["action"]
        action = Action(a["description"], a.get("owner"),
                        _date(doc, ["answers", norm_id, "action", "due"], a.get("due"), problems),
                        a.get("priority"), bool(a.get("done", False)))
    path: list[object] = ["answers", norm_id]
    disputed = tuple(Position(p["assessor"], p.get("result"),
                              _evidence(doc, [*path, "disputed", k, "evidence"], p.get("evidence"), problems),
                              p.get("note"))
                     for k, p in enumerate(raw.get("disputed", ())))
    return Answer(raw.get("result"), _evidence(doc, [*path, "evidence"], raw.get("evidence"), problems),
                  raw.get("note"), action, disputed)


def _signature(raw: dict[str, Any]) -> Signature:
    return Signature(raw["by"], raw["at"], raw["answers_sha256"], dict(raw["norms"]), raw.get("role"))


def _known(doc: Document, catalog: Catalog, norm_id: str, version: str | None, settings: tuple[str, ...],
           problems: list[Problem]) -> bool:
    """Is ``norm_id`` a norm of this checklist and of the chosen settings? Records why not."""
    if not catalog.has_item(norm_id):
        # a hint costs a fuzzy match against every norm: only for the problems that will be shown
        hint = catalog.suggest(norm_id) if len(problems) < SHOWN_PROBLEMS else None
        moved = version and version != catalog.version
        gone = f" (it is not in {catalog.id} version {catalog.version})" if moved else ""
        problems.append(Problem(doc.name, doc.line_of(["answers", norm_id]),
                                f"answers.\"{norm_id}\": unknown norm id{gone}"
                                + (f"; did you mean {hint!r}?" if hint else "")))
        return False
    section = catalog.item(norm_id).section
    if section in catalog.settings and section not in settings:
        problems.append(Problem(doc.name, doc.line_of(["answers", norm_id]),
                                f"answers.\"{norm_id}\": belongs to setting {section!r}, "
                                f"which is not listed under settings"))
        return False
    return True


def from_document(doc: Document, catalog: Catalog, schema_ok: Callable[[Any], bool] | None = None) -> Loaded:
    """Validate a parsed assessment against the schema and the catalog.

    ``schema_ok`` accepts exactly what the JSON Schema accepts, fast (by default the compiled schema of
    :mod:`assess.files.compiled_schema`); only when it does not accept does the slower ``jsonschema`` pass run, which
    explains each problem with its line.
    """
    with paused_gc():  # thousands of problems are many objects and no cycles: see strict_yaml.paused_gc
        return _from_document(doc, catalog, schema_ok)


def _from_document(doc: Document, catalog: Catalog, schema_ok: Callable[[Any], bool] | None) -> Loaded:
    if schema_ok is None:
        schema_ok = schema_accepts("assessment", catalog.answer_set.ids)
    data = doc.data
    if not isinstance(data, dict):
        raise InputError.single(doc.name, doc.line_of([]), "an assessment file must be a YAML mapping "
                                "(see `assess template`)")
    checked = dates_to_text(data)
    problems = [] if schema_ok(checked) else _schema_problems(doc, checked, catalog.answer_set.ids)
    if problems:
        _impossible_dates(doc, checked, problems)
        given = data.get("answers")
        if isinstance(given, dict):  # unknown ids too, so one run shows every problem
            listed: list[str] = data["settings"] if isinstance(data.get("settings"), list) else []
            for norm_id in given:
                _known(doc, catalog, str(norm_id), data.get("checklist_version"), tuple(listed), problems)
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    warnings: list[Problem] = []
    if data["checklist"] != catalog.id:
        raise InputError.single(doc.name, doc.line_of(["checklist"]),
                                f"checklist: unknown checklist {data['checklist']!r}; this assess knows {catalog.id!r}")
    version = data.get("checklist_version")
    if version is not None and version != catalog.version:
        warnings.append(Problem(doc.name, doc.line_of(["checklist_version"]),
                                f"warning: written against {catalog.id} version {version}, "
                                f"this assess has version {catalog.version}"))
    settings = tuple(data.get("settings", ()))
    for index, setting in enumerate(settings):
        if setting not in catalog.settings:
            problems.append(Problem(doc.name, doc.line_of(["settings", index]),
                                    f"settings[{index}]: unknown setting {setting!r}"))
    answers: dict[str, Answer] = {}
    for norm_id, raw in data["answers"].items():
        if not _known(doc, catalog, norm_id, version, settings, problems):
            continue
        answer = _build_answer(doc, norm_id, raw, problems)
        if not answer.is_empty:
            answers[norm_id] = answer
    service = data["service"]
    assessment = Assessment(
        checklist=data["checklist"],
        checklist_version=version,
        service=Service(service["name"], service.get("kind"), service.get("location")),
        assessors=tuple(data.get("assessors", ())),
        date=_date(doc, ["date"], data.get("date"), problems),
        language=data.get("language"),
        settings=settings,
        answers=answers,
        merged_from=tuple(Source(m["file"], m["sha256"], tuple(m.get("assessors", ())))
                          for m in data.get("merged_from", ())),
        signed=_signature(data["signed"]) if "signed" in data else None,
        signatures_history=tuple(_signature(s) for s in data.get("signatures_history", ())),
    )
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    doc.forget_nodes()  # a loaded file is kept (the audit) without its composed nodes
    return Loaded(assessment, tuple(warnings), doc.text, doc)


def loads(text: str, name: str, catalog: Catalog) -> Loaded:
    return from_document(parse(text, name), catalog)


def load(path: str, catalog: Catalog) -> Loaded:
    """Load an assessment file (``-`` for stdin); raises :class:`InputError` on any defect."""
    return from_document(read(path), catalog)
