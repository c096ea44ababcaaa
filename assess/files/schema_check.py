"""JSON Schema validation whose errors read as ``FILE:LINE: field: message``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from assess.errors import Problem, field_path
from assess.files.paths import norms_directory, package_data
from assess.files.strict_yaml import Document

SCHEMA_BASE = "https://assess.invalid/schema/"


@cache
def _registry() -> Registry:
    resources_ = []
    for directory in (norms_directory() / "schema", package_data("schemas")):
        for entry in sorted(directory.glob("*.schema.json")):
            contents = json.loads(entry.read_text(encoding="utf-8"))
            resources_.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources_)


@cache
def validator(schema_name: str, results: tuple[str, ...] | None = None) -> Draft202012Validator:
    """A validator for ``<schema_name>.schema.json`` from the norms or the package schemas; ``results``: the
    answer set's result ids (see :func:`assess.files.schema_files.schema_contents`)."""
    contents = _registry().contents(SCHEMA_BASE + schema_name + ".schema.json")
    if results is not None:
        from assess.files.schema_files import schema_contents

        contents = schema_contents(schema_name, results)  # the shipped one itself when the results are its own
    return Draft202012Validator(contents, registry=_registry())


def describe_value(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def yaml_trap_hint(doc: Document, path: Sequence[object], value: object) -> str:
    """Explain what YAML did to an unquoted scalar, when it did something surprising."""
    raw = doc.raw_text(path)
    if isinstance(value, dt.date) and raw is not None:
        return f' (YAML reads unquoted {raw} as a date: put it in quotes, "{raw}")'
    if isinstance(value, bool) and raw is not None:
        return f" (YAML reads unquoted {raw} as {str(value).lower()}: put it in quotes)"
    if isinstance(value, int | float) and raw is not None:
        if raw != str(value):
            return f" (YAML reads unquoted {raw} as {value}: put it in quotes, \"{raw}\")"
        return f' (put it in quotes, "{raw}")'
    return ""


_TYPE_WORDS = {"string": "text", "object": "a mapping", "array": "a list", "integer": "a whole number",
               "number": "a number", "boolean": "true or false", "null": "nothing"}


def _properties(error: ValidationError) -> Mapping[str, Any]:
    """The ``properties`` of the schema node that failed (none for a boolean schema)."""
    schema = error.schema
    return schema.get("properties", {}) if isinstance(schema, Mapping) else {}


def _wanted_types(value: object) -> list[str]:
    """A ``type`` keyword's value as a list: ``"string"`` or ``["string", "null"]``."""
    return [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []


def message(doc: Document, error: ValidationError) -> str:
    path = list(error.absolute_path)
    where = field_path(path)
    value = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: missing field {missing!r}"
    if error.validator == "additionalProperties":
        allowed = sorted(_properties(error))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        return f"{where}: unknown field {', '.join(map(repr, extra))}; allowed: {', '.join(allowed)}"
    if error.validator == "type":
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in _wanted_types(error.validator_value))
        return f"{where}: expected {words}, got {describe_value(value)}{yaml_trap_hint(doc, path, value)}"
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value) if isinstance(error.validator_value, list) else ""
        return f"{where}: {describe_value(value)} is not one of {choices}{yaml_trap_hint(doc, path, value)}"
    if error.validator == "pattern" and error.validator_value == r"\S":
        return f"{where}: must not be blank"
    if error.validator == "pattern":
        return f"{where}: {value!r} does not have the expected form ({error.validator_value})"
    if error.validator in ("minLength", "minItems"):
        return f"{where}: must not be empty"
    if error.validator == "uniqueItems" and isinstance(value, list):
        twice = next((item for index, item in enumerate(value) if item in value[:index]), None)
        return f"{where}: {describe_value(twice)} is listed twice"
    if error.validator == "oneOf" and error.context:
        if all(e.validator == "type" for e in error.context):
            wanted = [w for e in error.context for w in _wanted_types(e.validator_value)]
            words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
            return f"{where}: expected {words}, got {describe_value(value)}{yaml_trap_hint(doc, path, value)}"
        best = min(error.context, key=lambda e: len(e.message))
        return f"{where}: {best.message}"
    return f"{where}: {error.message}"


def problems(doc: Document, error: ValidationError) -> list[Problem]:
    """The problems one schema error stands for, each at its line: an unknown field at the field's own line."""
    path = list(error.absolute_path)
    value = error.instance
    if error.validator == "oneOf" and error.context:
        # a value of the right shape with a wrong part (a list of texts with a number in it): name the part
        deeper = [e for e in error.context if e.relative_path]
        if deeper:
            return problems(doc, deeper[0])
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(_properties(error))
        where = field_path(path)
        return [Problem(doc.name, doc.line_of([*path, key]),
                        f"{where}: unknown field {key!r}; allowed: {', '.join(allowed)}")
                for key in value if key not in allowed]
    return [Problem(doc.name, doc.line_of(path), message(doc, error))]


def check(doc: Document, schema_name: str, data: Any | None = None) -> Iterator[Problem]:
    """Yield one problem per schema violation, in document order."""
    instance = doc.data if data is None else data
    errors: Iterable[ValidationError] = validator(schema_name).iter_errors(instance)
    found = [problem for error in errors for problem in problems(doc, error)]
    found.sort(key=lambda p: (p.line or 0, p.message))
    yield from found
