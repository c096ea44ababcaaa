"""What the HTML documents share: the Jinja2 environment (autoescape on), the page words, small cells.

Jinja2 is imported here only, and this module only by the HTML renderers, which :func:`assess.render.renderer`
imports when ``--format html`` is asked for: ``assess validate`` or a Markdown report never load it.
Templates live in ``assess/render/templates/`` (package data); every value a template shows is escaped
by Jinja2 unless it is markup made here (the SVG charts, which escape their own text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from assess.i18n import t
from assess.render.text import percent_text, score_text, status_label
from assess.terminal_text import visible

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: Any) -> Any:
    """Every text a template shows, before Jinja2 escapes it: control and invisible characters (U+202E, a
    zero-width space, ESC) written as visible escapes, as on a terminal; markup made here passes as it is. Any other
    object a template shows (a Problem, whose text names a file) is shown as its text, escaped the same way."""
    if type(value) is str:  # most of what a page shows: a plain text
        return visible(value)
    if isinstance(value, Markup) or value is None or isinstance(value, int | float):
        return value
    return visible(value if isinstance(value, str) else str(value))


_PLAIN_WORD = re.compile(r'\{\{ L\["([a-z_.]+)"\] \}\}')


class WordsLoader(jinja2.FileSystemLoader):
    """Templates per language: ``report.html.j2@nl`` is ``report.html.j2`` with each ``{{ L["key"] }}`` written
    in, as the text it shows (the word escaped as :class:`PlainWords` escapes it). A table's column names are on
    every row of it: as text of the template they cost nothing per row. A word holding a character that the
    template language reads (``{``, ``}``, ``%``, ``#``), a line break (which ``trim_blocks`` and ``lstrip_blocks``
    could take away beside a tag), or only spaces, stays a lookup."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        name, at, lang = template.rpartition("@")
        if not at:
            return super().get_source(environment, template)
        source, filename, uptodate = super().get_source(environment, name)
        words = plain_words(lang)

        def written_in(match: re.Match[str]) -> str:
            word = words[match.group(1)]
            return match.group() if not word.strip() or any(c in word for c in "{}%#\n\r") else str(word)

        return _PLAIN_WORD.sub(written_in, source), filename, uptodate


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # auto_reload off: the templates are the package's own, they do not change while it runs (Jinja2 would look
    # at each file's time at every page and every include)
    return jinja2.Environment(loader=WordsLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                              finalize=_finalize, auto_reload=False)


def _template(template: str, lang: str) -> jinja2.Template:
    return environment().get_template(f"{template}@{lang}")


def render_page(template: str, lang: str, **context: Any) -> str:
    """``template`` in ``lang``; it finds the words as ``w`` (with values) and ``L`` (plain), and ``lang``."""
    return _template(template, lang).render(lang=lang, w=words(lang), L=plain_words(lang), **context)


def stream_page(template: str, lang: str, write: Callable[[str], Any], **context: Any) -> None:
    """The page written a few hundred pieces at a time (a portfolio of thousands of services is never held whole;
    Jinja2 gives a piece for every text and every value, some hundred for a service)."""
    pieces: list[str] = []
    for piece in _template(template, lang).generate(lang=lang, w=words(lang), L=plain_words(lang), **context):
        pieces.append(piece)
        if len(pieces) >= 512:
            write("".join(pieces))
            pieces.clear()
    if pieces:
        write("".join(pieces))


def markup(svg: str) -> Markup:
    """Markup made by :mod:`assess.render.svg_charts` (which escapes every text it draws)."""
    return Markup(svg)


def words(lang: str) -> Callable[..., str]:
    """``w("portfolio.legend", col=...)``: the ``lang`` words with values filled in, for a template."""
    def lookup(key: str, **values: object) -> str:
        return t(key, lang, **values)
    return lookup


class PlainWords(dict[str, Markup]):
    """``L["col.score"]``: the ``lang`` words without values, each escaped as a template escapes a text (its
    control characters made visible, then HTML-escaped), looked up once per process: a table shows the same
    column names on every row, and a call of ``w`` from a template costs Jinja2 more than the lookup."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, key: str) -> Markup:
        shown = self[key] = Markup.escape(visible(t(key, self.lang)))
        return shown


@lru_cache(maxsize=8)
def plain_words(lang: str) -> PlainWords:
    return PlainWords(lang)


def prose(text: str) -> str:
    """Words written for Markdown as plain text for a page: no code marks, no escaped stars."""
    return text.replace("`", "").replace("\\*", "*")


def rule_lines(text: str) -> list[str]:
    """The bullet lines of a ``*.rules_text`` (Markdown ``- `` lines) as plain items."""
    return [prose(line.removeprefix("- ")) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Cell:
    """A score as a page shows it: the number, the status word (always there) and its CSS class."""

    score: str
    status: str
    css: str
    completeness: str = ""

    @property
    def text(self) -> str:
        return f"{self.score} {self.status}" if self.score != "–" else self.status


@lru_cache(maxsize=4096)  # a portfolio shows thousands of cells of a few hundred kinds
def cell(score: float | None, status: str | None, lang: str, completeness: float | None = None) -> Cell:
    return Cell(score_text(score, lang), status_label(status, lang), f"st-{status or 'none'}",
                percent_text(completeness, lang) if completeness is not None else "")


def joined(parts: Iterable[str | None], separator: str = " · ") -> str:
    return separator.join(p for p in parts if p)
