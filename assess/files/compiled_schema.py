"""The assessment JSON Schema compiled to plain Python checks, for speed in batch runs.

:func:`schema_accepts` returns a function that is True only when ``jsonschema`` would find no problem at
all. When it says False (or cannot judge a value exactly), the caller runs the full ``jsonschema`` pass,
which explains the problems with file lines. So no check is ever skipped; ``tests/test_batch_schema.py``
holds the two to the same answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from types import CodeType

from assess.files.schema_files import schema_contents

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

    Check = Callable[[Any], bool]

_OTHER_FILE = re.compile(r"([a-z][a-z-]*)\.schema\.json(#/[^#]*)?")


class NotCompilable(Exception):
    """The schema uses something :func:`compile_schema` does not implement; use jsonschema alone."""


class _Unsure(Exception):
    """The compiled code cannot judge this value exactly; let jsonschema decide."""


_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples",
                          "deprecated", "readOnly", "writeOnly",
                          # jsonschema asserts "format" only with a format checker, which assess does not use
                          "format"})
_WORDS_ONLY = frozenset({"title", "description", "$comment"})  # words for people, no check
# jsonschema's Draft 2020-12 type checker, condition by condition
_TYPE_CONDITIONS = {
    "object": "isinstance(v, dict)",
    "array": "isinstance(v, list)",
    "string": "isinstance(v, str)",
    "null": "v is None",
    "boolean": "isinstance(v, bool)",
    "number": "(not isinstance(v, bool) and isinstance(v, _Number))",
    "integer": "(not isinstance(v, bool) and (isinstance(v, int) or (isinstance(v, float) and v.is_integer())))",
}


def _unique(items: list[Any]) -> bool:
    if all(isinstance(item, str) for item in items):
        return len(set(items)) == len(items)
    if len(items) < 2:
        return True
    raise _Unsure("uniqueItems over non-text items")


class _Compiler:
    """Turns each schema node into a Python function ``_sN(v) -> bool`` (source text, then ``exec``)."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.names: dict[int, str] = {}
        self.keep: list[Any] = []  # schema nodes, so their ids stay unique while compiling
        self.constants: dict[str, Any] = {}
        self.source: list[str] = []
        self.following: set[int] = set()  # references being followed (a cycle of bare references)

    def constant(self, value: Any) -> str:
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def equals(self, target: Any) -> str:
        """A condition for ``v`` equal to the scalar ``target`` as jsonschema's ``equal`` sees it."""
        if isinstance(target, str):
            return f"v == {target!r}"
        if target is None or isinstance(target, bool):
            return f"v is {target!r}"
        if isinstance(target, int | float):
            return f"(v is not True and v is not False and not isinstance(v, str) and v == {target!r})"
        raise NotCompilable(f"const/enum value {target!r}")

    def resolve(self, ref: str) -> Any:
        other_file = _OTHER_FILE.fullmatch(ref)
        if other_file:
            # a part of another shipped schema (the catalog's refer to localized.schema.json): inlined, so
            # only one without references of its own, whose "#/..." would mean that file's root
            part_of: Any = schema_contents(other_file.group(1))
            for part in (other_file.group(2) or "").split("/")[1:]:
                part_of = part_of.get(part) if isinstance(part_of, dict) else None
            if not isinstance(part_of, dict) or "$ref" in json.dumps(part_of):
                raise NotCompilable(f"$ref {ref!r}")
            inlined = {k: v for k, v in part_of.items() if k not in ("$id", "$schema")}
            self.keep.append(inlined)
            return inlined
        if not ref.startswith("#/"):
            raise NotCompilable(f"$ref {ref!r}")
        target: Any = self.root
        try:
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
        except (KeyError, IndexError, TypeError):
            raise NotCompilable(f"$ref {ref!r}") from None
        return target

    def function(self, schema: Any) -> str:
        if id(schema) in self.names:
            return self.names[id(schema)]
        if isinstance(schema, dict) and set(schema) - _WORDS_ONLY == {"$ref"}:
            # nothing but a reference: the function of what it refers to (no wrapper to call through)
            if id(schema) in self.following:
                raise NotCompilable("a $ref that refers to itself")
            self.following.add(id(schema))
            target = self.function(self.resolve(schema["$ref"]))
            self.names[id(schema)] = target
            self.keep.append(schema)
            return target
        name = f"_s{len(self.names)}"
        self.names[id(schema)] = name
        self.keep.append(schema)
        body = self.body(schema, nested=len(self.names) > 1)
        self.source += [f"def {name}(v):", *(f"    {line}" for line in body), "    return True", ""]
        return name

    def body(self, schema: Any, nested: bool) -> list[str]:
        if schema is True:
            return []
        if schema is False:
            return ["return False"]
        if not isinstance(schema, dict):
            raise NotCompilable(repr(schema))
        if nested and "$id" in schema:
            raise NotCompilable("nested $id")
        if "patternProperties" in schema or "prefixItems" in schema:
            raise NotCompilable("patternProperties/prefixItems")
        out: list[str] = []
        # uniqueItems last: it is the one check that may be unsure, and "items" usually settles it first
        for key, value in sorted(schema.items(), key=lambda kv: kv[0] == "uniqueItems"):
            if key in _ANNOTATIONS:
                continue
            if key == "type":
                names = [value] if isinstance(value, str) else list(value)
                if any(n not in _TYPE_CONDITIONS for n in names):
                    raise NotCompilable(f"type {value!r}")
                out.append(f"if not ({' or '.join(_TYPE_CONDITIONS[n] for n in names)}): return False")
            elif key == "const":
                out.append(f"if not ({self.equals(value)}): return False")
            elif key == "enum":
                if value and all(isinstance(o, str) for o in value):
                    out.append(f"if not (isinstance(v, str) and v in {self.constant(frozenset(value))}): return False")
                else:
                    out.append(f"if not ({' or '.join(self.equals(o) for o in value) or 'False'}): return False")
            elif key == "pattern":
                rx = self.constant(re.compile(value))
                out.append(f"if isinstance(v, str) and {rx}.search(v) is None: return False")
            elif key in ("minLength", "maxLength", "minItems", "maxItems"):
                kind = "str" if key.endswith("Length") else "list"
                op = "<" if key.startswith("min") else ">"
                out.append(f"if isinstance(v, {kind}) and len(v) {op} {int(value)}: return False")
            elif key in ("minimum", "maximum"):
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise NotCompilable(f"{key} {value!r}")
                op = "<" if key == "minimum" else ">"
                out.append(f"if not isinstance(v, bool) and isinstance(v, _Number) and v {op} {value!r}: return False")
            elif key == "required":
                if value:
                    present = " and ".join(f"{k!r} in v" for k in value)
                    out.append(f"if isinstance(v, dict) and not ({present}): return False")
            elif key == "properties":
                out.append("if isinstance(v, dict):")
                for prop, sub in value.items():
                    out.append(f"    if {prop!r} in v and not {self.function(sub)}(v[{prop!r}]): return False")
                out.append("    pass")
            elif key == "additionalProperties":
                known = self.constant(frozenset(schema.get("properties", ())))
                if value is False:
                    out.append(f"if isinstance(v, dict) and not {known}.issuperset(v): return False")
                else:
                    check = self.function(value)
                    out += ["if isinstance(v, dict):", "    for k, x in v.items():",
                            f"        if k not in {known} and not {check}(x): return False"]
            elif key == "propertyNames":
                check = self.function(value)
                out += ["if isinstance(v, dict):", "    for k in v:", f"        if not {check}(k): return False"]
            elif key == "items":
                check = self.function(value)
                out += ["if isinstance(v, list):", "    for x in v:", f"        if not {check}(x): return False"]
            elif key == "uniqueItems":
                if value:
                    out.append("if isinstance(v, list) and not _unique(v): return False")
            elif key == "oneOf":
                out.append("n = 0")
                for sub in value:
                    out += [f"if {self.function(sub)}(v):", "    n += 1", "    if n > 1: return False"]
                out.append("if n != 1: return False")
            elif key == "anyOf":
                out.append(f"if not ({' or '.join(f'{self.function(s)}(v)' for s in value)}): return False")
            elif key == "allOf":
                out.append(f"if not ({' and '.join(f'{self.function(s)}(v)' for s in value)}): return False")
            elif key == "$ref":
                out.append(f"if not {self.function(self.resolve(value))}(v): return False")
            else:
                raise NotCompilable(key)
        return out


def compile_schema(root: dict[str, Any]) -> Check:
    """Compile a JSON Schema (the subset assess's schemas use) into one Python function ``value -> bool``.

    The function returns what ``Draft202012Validator(root).is_valid(value)`` returns (jsonschema's own type
    checker and its equality, where ``true`` is not ``1``), or raises ``_Unsure`` in the rare case it cannot
    tell exactly. A keyword outside the subset raises :class:`NotCompilable` here, so a schema that grows a
    new keyword falls back to jsonschema instead of being checked loosely.
    """
    import numbers

    compiler = _Compiler(root)
    entry = compiler.function(root)
    namespace: dict[str, Any] = {"_Number": numbers.Number, "_unique": _unique, **compiler.constants}
    exec(_code("\n".join(compiler.source)), namespace)
    check: Check = namespace[entry]
    return check


def _code(source: str) -> CodeType:
    """The compiled ``source``, kept in the user's cache between runs (compiling it is most of the time a
    single-file command spends on the schema); keyed by the source and the Python version, so a cached
    entry is only ever the compiled form of this very source."""
    import importlib.util
    import marshal

    from assess.files.user_cache import cache_directory, key_digest, read_own, store

    folder = cache_directory()
    digest = key_digest()
    digest.update(importlib.util.MAGIC_NUMBER + source.encode("utf-8"))
    key = digest.hexdigest()[:32]
    name = f"schema-{key}.marshal"
    if folder is not None:
        raw = read_own(folder / name)
        if raw is not None:
            try:
                code = marshal.loads(raw)
            except (EOFError, ValueError, TypeError):
                code = None
            if isinstance(code, CodeType):
                return code
    code = compile(source, "<compiled assessment schema>", "exec")
    if folder is not None:
        store(folder, name, marshal.dumps(code))
    return code


@cache
def schema_accepts(schema_name: str = "assessment", results: tuple[str, ...] | None = None) -> Check:
    """A fast check for ``schema_name``: True only when jsonschema would find no problem at all; ``results``:
    the answer set's result ids (see :func:`assess.files.schema_files.schema_contents`)."""
    return part_accepts(schema_name, results=results)


@cache
def part_accepts(schema_name: str, *keys: str, results: tuple[str, ...] | None = None) -> Check:
    """Like :func:`schema_accepts`, for the part of the schema at ``keys`` (such as one entry of
    ``answers``); its ``$ref``s still resolve against the whole schema."""
    root = schema_contents(schema_name, results)
    part: Any = root
    for key in keys:
        part = part[key]
    try:
        check = compile_schema({"$defs": root.get("$defs", {}), **part})
    except NotCompilable:
        return lambda data: False

    def accepts(data: Any) -> bool:
        try:
            return check(data)
        except (_Unsure, RecursionError):
            return False

    return accepts
