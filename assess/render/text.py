"""Small text helpers shared by the report formats."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assess.i18n import number, t
from assess.model.catalog import Catalog
from assess.terminal_text import C0_ESCAPED, OTHERS_ESCAPED, visible

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:  # the table writer's users (`assess norms`) need no assessment model
    from assess.model.assessment import Action

BAR_WIDTH = 20
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


# Any character md_escape changes: Markdown's specials, line breaks, and all that terminal_text.visible escapes.
_MD_CHANGES = f"[\\\\`*_\\[\\]<>|#~\r\n{C0_ESCAPED}{OTHERS_ESCAPED}]"
_md_changes: list[re.Pattern[str]] = []  # the class of _MD_CHANGES, compiled at the first call


def md_escape(text: str) -> str:
    """Escape user text for a Markdown table cell: no ``|`` or newline can break the table, a control character
    shows as ``\\x1b`` (``cat report.md`` on a terminal runs no escape sequence) and a BiDi override or
    zero-width character as ``\\u202e`` instead of reordering or hiding text."""
    # One search of a character class: most cells need no escape, and a batch escapes some 200 cells per report.
    if not _md_changes:
        _md_changes.append(re.compile(_MD_CHANGES))
    if not _md_changes[0].search(text):
        return text  # most cells: one scan instead of two substitutions and two replacements
    escaped = _MD_SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    return visible(escaped).replace("\n", "<br>")


_BLOCK_START = re.compile(r"^([-+])|^([0-9]+)([.)])")


def md_line_start(escaped: str) -> str:
    """Escaped text that starts a line of its own: it cannot turn into a list, a rule or a code block."""
    return _BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
                            escaped.lstrip(), count=1)


@lru_cache(maxsize=4096)  # mostly the catalog's texts, cut again in every report
def short(text: str, limit: int = 90) -> str:
    """The start of a text, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def bar(score: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of text characters that renders anywhere: ``█████░░░░░``."""
    if score is None:
        return "·" * width
    filled = int(score * width / 100 + 0.5)
    return "█" * filled + "░" * (width - filled)


def status_label(status: str | None, lang: str) -> str:
    return t(f"status.{status}" if status else "status.none", lang)


def score_text(score: float | None, lang: str) -> str:
    """A score as ``lang`` writes it (``72,5`` in Dutch), or ``–`` when there is none."""
    return "–" if score is None else number(score, lang)


def provisional(score: float | None, completeness: float) -> bool:
    """A score that rests on part of its norms (not every one assessed): provisional, marked ``*``."""
    return score is not None and completeness < 100


def marked_score(score: float | None, completeness: float, lang: str, mark: str = "*") -> str:
    """:func:`score_text`, with ``mark`` when the score is provisional (``72,5*``)."""
    return score_text(score, lang) + (mark if provisional(score, completeness) else "")


def percent_text(value: float, lang: str) -> str:
    return f"{number(value, lang)}%"


def result_label(catalog: Catalog, result: str | None, lang: str) -> str:
    if result is None:
        return "–"
    return catalog.answer_set.option(result).label[lang]


def action_details(action: Action, lang: str, escape: Callable[[str], str] = str) -> list[str]:
    """Owner, due date, priority and done as readable phrases (``eigenaar: …``), for reports and screens."""
    from assess.analysis import action_phrases

    return action_phrases.action_details(action, lambda key: t(key, lang), escape)
