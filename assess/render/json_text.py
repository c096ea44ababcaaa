"""JSON text as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, byte for byte, but quicker.

The standard library writes indented JSON with its pure-Python encoder (the C one handles only compact
output), through a generator per level; a batch writes a JSON report per service and one entry per service
in portfolio.json, so that encoder was a tenth of the time per file. This writer builds the same text in one
recursive pass, strings escaped by the C escaper the standard library uses itself. A value it does not write
the same way (a key that is not text, a type other than dict, list, tuple, str, int, float, bool or None)
goes to ``json.dumps``; tests/test_json_text.py compares the two.

One difference, made on purpose: the characters a terminal acts on or that hide or reorder text (DEL, the C1
controls such as U+009B, BiDi overrides, zero-width characters, lone surrogates), which ``json.dumps`` leaves raw
with ``ensure_ascii=False``, are written as ``\\u`` escapes (C0 controls it escapes itself). The JSON reads back
to the same text, and ``cat report.json`` runs no escape sequence.
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring

from assess.terminal_text import OTHERS_ESCAPED

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

_INFINITY = float("inf")
# what terminal_text.visible escapes, less what JSON already escapes in a string (C0) or writes as layout (\n)
_RAW = re.compile(f"[{OTHERS_ESCAPED}]")


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str) -> str:
    """JSON ``text`` with the characters of :data:`_RAW` written as ``\\u`` escapes (they occur only in strings)."""
    if text.isascii() and "\x7f" not in text:  # two quick scans: most reports in English need no more
        return text
    return _RAW.sub(_unicode_escape, text) if _RAW.search(text) else text


class _Other(Exception):
    """A value this writer leaves to json.dumps."""


def _number(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _write(value: Any, parts: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        parts.append(_number(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Other
            parts.append(separator)
            parts.append(encode_basestring(key))
            parts.append(": ")
            _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        raise _Other


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, :func:`escaped`."""
    parts: list[str] = []
    try:
        _write(value, parts, "\n")
    except (_Other, RecursionError):
        return escaped(json.dumps(value, ensure_ascii=False, indent=2))
    return escaped("".join(parts))
