"""The JSON Schemas shipped with assess, read as plain JSON (no ``jsonschema`` import needed)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from assess.files.paths import norms_directory, package_data

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any


def schema_path(schema_name: str) -> Path:
    """``<schema_name>.schema.json``: the assessment schema in the package, the checklist's in ``norms/``."""
    for directory in (package_data("schemas"), norms_directory() / "schema"):
        path = directory / f"{schema_name}.schema.json"
        if path.is_file():
            return path
    raise KeyError(schema_name)


@cache
def schema_contents(schema_name: str) -> dict[str, Any]:
    contents: dict[str, Any] = json.loads(schema_path(schema_name).read_text(encoding="utf-8"))
    return contents
