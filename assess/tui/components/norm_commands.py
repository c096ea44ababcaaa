"""The command palette's commands (ctrl+p): go to a norm by its id or words of its text, open a screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from assess.tui.labels import label, section_name
from assess.tui.palette import find
from assess.tui.safe import shown_line

if TYPE_CHECKING:
    from assess.tui.app import AuditApp

MAX_HITS = 30


class NormCommands(Provider):
    @property
    def audit(self) -> AuditApp:
        return cast("AuditApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object]]]:
        app = self.audit
        return [(label(f"palette.{name}", app.lang), partial(app.palette_command, name))
                for name in ("summary", "overview", "details", "filter", "help", "language")]

    async def discover(self) -> Hits:
        for text, command in self._commands():
            yield DiscoveryHit(Content(text), command, text=text)

    async def search(self, query: str) -> Hits:
        app = self.audit
        lang = app.lang
        given = {norm_id: " ".join([*answer.evidence_texts, answer.note or ""])
                 for norm_id, answer in app.assessment.answers.items()}
        for found in find(app.catalog.items_for(app.assessment.settings), query, lang, given)[:MAX_HITS]:
            norm = found.norm
            display = shown_line(f"{norm.id}  {' '.join(norm.text[lang].split())}")
            yield Hit(found.score, Content(display[:200]), partial(app.go_to_norm, norm.id), text=display,
                      help=shown_line(section_name(app.catalog.section(norm.section), lang)))
        words = query.lower().split()
        for text, command in self._commands():
            if words and all(word in text.lower() for word in words):
                yield Hit(0.8, Content(text), command, text=text)

