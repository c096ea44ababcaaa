"""Dutch and English words for everything a person reads in reports and on the command line: ``t(key, lang)``."""

from __future__ import annotations

import os
from collections.abc import Mapping

from assess.i18n import (
    check_words,
    diff_words,
    html_words,
    judgement_words,
    merge_words,
    portfolio_words,
    report_words,
    tui_words,
    workbook_words,
)

# Every word a person reads, from one table per area; ``t`` looks them all up, and a key defined in two
# tables is an error at import (tests/test_i18n.py), so no area can silently redefine another's word.
TABLES: tuple[Mapping[str, tuple[str, str]], ...] = (
    report_words.WORDS, diff_words.WORDS, merge_words.WORDS, portfolio_words.WORDS, workbook_words.WORDS,
    tui_words.WORDS, html_words.WORDS, judgement_words.WORDS, check_words.WORDS,
)


def _merged(tables: tuple[Mapping[str, tuple[str, str]], ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        for key, words in table.items():
            if key in merged:
                raise ValueError(f"i18n: the key {key!r} is defined twice")
            merged[key] = words
    return merged


LABELS = _merged(TABLES)


def pick(table: Mapping[str, tuple[str, str]], key: str, lang: str, /, **values: object) -> str:
    """The ``lang`` text of ``key`` in a table of (nl, en) pairs, with ``values`` filled in."""
    nl, en = table[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def number(value: float, lang: str, places: int = 1, sign: bool = False) -> str:
    """A decimal number as ``lang`` writes it: 72.5 in English, 72,5 in Dutch."""
    text = f"{value:+.{places}f}" if sign else f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "nl" else text


def t(key: str, lang: str, /, **values: object) -> str:
    """A word or sentence of the reports and the CLI in ``lang``."""
    nl, en = LABELS[key]  # pick(LABELS, ...) written out: reports look up words thousands of times
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return None


def resolve_language(requested: str | None, file_language: str | None = None,
                     environ: Mapping[str, str] | None = None) -> str:
    """``--lang``, else the file's ``language``, else the system locale (nl_* -> nl), else en."""
    return requested or file_language or system_language(environ) or "en"
