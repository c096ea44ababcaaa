"""The JSON Schemas shipped with assess, read as plain JSON (no ``jsonschema`` import needed)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from assess.files.paths import norms_directory, package_data

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

ASSESSMENT = "assessment"  # the schema of assessment files, whose results come from the answer set


def schema_path(schema_name: str) -> Path:
    """``<schema_name>.schema.json``: the assessment schema in the package, the checklist's in ``norms/``."""
    for directory in (package_data("schemas"), norms_directory() / "schema"):
        path = directory / f"{schema_name}.schema.json"
        if path.is_file():
            return path
    raise KeyError(schema_name)


@cache
def schema_contents(schema_name: str, results: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The schema as shipped; with ``results`` (the ids of a checklist's answer set), the assessment schema's
    results are those, so a checklist with another answer set (``norms/answer-sets.yaml``) needs no schema of
    its own. The shipped schema lists the bundled answer set's results, for editors."""
    if results is not None:
        shipped = schema_contents(schema_name)
        if schema_name != ASSESSMENT or list(results) == shipped["$defs"]["result"]["enum"]:
            return shipped
        patched: dict[str, Any] = json.loads(json.dumps(shipped))  # a deep copy: the shipped one stays cached
        patched["$defs"]["result"]["enum"] = list(results)
        return patched
    contents: dict[str, Any] = json.loads(schema_path(schema_name).read_text(encoding="utf-8"))
    return contents


def schema_text(schema_name: str, results: tuple[str, ...] | None = None) -> str:
    """What ``assess schema`` prints: the shipped file, or the schema with ``results`` when they differ."""
    contents = schema_contents(schema_name) if results is None else schema_contents(schema_name, results)
    if contents is schema_contents(schema_name):
        return schema_path(schema_name).read_text(encoding="utf-8")
    return json.dumps(contents, indent=2, ensure_ascii=False) + "\n"
