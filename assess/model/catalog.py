"""The checklist catalog: principles, norms, setting checklists and answer sets, as frozen data.

Loaded by :mod:`assess.files.catalog_file` from the YAML files under ``norms/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Literal

    Lang = Literal["nl", "en"]

LANGUAGES: tuple[Lang, ...] = ("nl", "en")


@dataclass(frozen=True)
class Text:
    """A text in Dutch and English."""

    nl: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    @classmethod
    def of(cls, data: Mapping[str, str]) -> Text:
        return cls(nl=data["nl"], en=data["en"])


@dataclass(frozen=True)
class AnswerOption:
    """One possible result (``met``), what it is worth, and its label."""

    id: str
    value: float | None  # None: excluded from scores
    label: Text

    @property
    def excluded(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class AnswerSet:
    """The results a norm can have, in order."""

    id: str
    options: tuple[AnswerOption, ...]

    def option(self, option_id: str) -> AnswerOption:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    @cached_property
    def gap_ids(self) -> tuple[str, ...]:
        """Results that leave a gap: they count, short of full marks (partial, not met)."""
        return tuple(o.id for o in self.options if o.value is not None and o.value < 1)

    @cached_property
    def met_ids(self) -> tuple[str, ...]:
        """Results worth full marks (met)."""
        return tuple(o.id for o in self.options if o.value is not None and o.value >= 1)

    @cached_property
    def failing_ids(self) -> tuple[str, ...]:
        """Results worth nothing (not met): on a critical norm they make the status red."""
        return tuple(o.id for o in self.options if o.value == 0)

    @cached_property
    def excluded_ids(self) -> tuple[str, ...]:
        """Results that take a norm out of the score (not applicable)."""
        return tuple(o.id for o in self.options if o.value is None)


@dataclass(frozen=True)
class EvidenceSource:
    """A kind of source evidence may come from (``norms/evidence-sources.yaml``)."""

    id: str
    label: Text


@dataclass(frozen=True)
class Norm:
    """One item to score: a numbered norm (section = principle id) or a setting requirement."""

    id: str
    section: str
    text: Text
    scope: str = "service"
    critical: bool = False
    source_note: Text | None = None
    refers_to: Text | None = None  # the text of the standards the item refers to ("zie hierboven"), verbatim

    def full_text(self, lang: str) -> str:
        """The item's text, followed by the text it refers to, if any."""
        if self.refers_to is None:
            return self.text[lang]
        return f"{self.text[lang]} [{self.refers_to[lang]}]"


@dataclass(frozen=True)
class Section:
    """A group of norms: one of the 7 principles, or one setting checklist."""

    id: str
    kind: Literal["principle", "setting"]
    title: Text
    description: Text | None
    norm_ids: tuple[str, ...]
    source_section: str | None = None  # e.g. "4.1.3" for a setting

    def label(self, lang: str) -> str:
        if self.kind == "principle":
            return f"{'Principle' if lang == 'en' else 'Beginsel'} {self.id}"
        return f"Setting {self.source_section or self.id}"


@dataclass(frozen=True)
class Catalog:
    """A checklist: its principles and their norms, the setting checklists, the answer set, the kinds of
    evidence source."""

    id: str
    version: str
    title: Text
    answer_set: AnswerSet
    principles: tuple[Section, ...]
    settings: Mapping[str, Section]
    languages_note: Mapping[str, str]
    annotations_note: Text
    _items: Mapping[str, Norm] = field(repr=False)
    evidence_sources: tuple[EvidenceSource, ...] = ()

    def evidence_source(self, source_id: str) -> EvidenceSource:
        for source in self.evidence_sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    @cached_property
    def principle_norms(self) -> tuple[Norm, ...]:
        """The numbered norms of the principles, in catalog order."""
        return tuple(self._items[i] for p in self.principles for i in p.norm_ids)

    def item(self, item_id: str) -> Norm:
        return self._items[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items

    def section(self, section_id: str) -> Section:
        for principle in self.principles:
            if principle.id == section_id:
                return principle
        return self.settings[section_id]

    def sections_for(self, settings: Iterable[str] = ()) -> tuple[Section, ...]:
        """The principles, then each chosen setting, in the order given."""
        return self.principles + tuple(self.settings[s] for s in settings)

    def items_for(self, settings: Iterable[str] = ()) -> tuple[Norm, ...]:
        return tuple(self._items[i] for s in self.sections_for(settings) for i in s.norm_ids)

    def suggest(self, unknown_id: str) -> str | None:
        """The closest known item id, for "did you mean" hints."""
        import difflib

        close = difflib.get_close_matches(unknown_id, list(self._items), n=1, cutoff=0.6)
        return close[0] if close else None
