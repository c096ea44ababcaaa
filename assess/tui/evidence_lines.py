"""The edit form's evidence field: one item per line, a kind of source first when the item names one
(``observatie: rondgang 12 mei``), read back into evidence items. No Textual here.

A line shown for an item and left as it is gives back that very item (its date and reference too, which the
form does not show). Another line starting with a kind of source (its id, or its Dutch or English label, in any
case) and a colon names that source; an item whose text stays the same keeps its date and reference when only
its source changes. Any other line is a plain item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assess.model.assessment import Evidence
from assess.model.catalog import EvidenceSource


def evidence_line(item: Evidence, sources: Sequence[EvidenceSource], lang: str) -> str:
    """How the form shows ``item``: ``label: text`` when it names a source, else its text."""
    if not item.source:
        return item.text
    known = next((s for s in sources if s.id == item.source), None)
    return f"{known.label[lang] if known else item.source}: {item.text}"


def _source_names(sources: Sequence[EvidenceSource], before: Sequence[Evidence]) -> dict[str, str]:
    """Each name a line may start with (casefolded) -> the source's id."""
    names = {item.source.casefold(): item.source for item in before if item.source}  # kept even if not listed
    for source in sources:
        names[source.id.casefold()] = source.id
        for text in (source.label.nl, source.label.en):
            names[text.casefold()] = source.id
    return names


def evidence_items(text: str, before: Sequence[Evidence], sources: Sequence[EvidenceSource],
                   lang: str) -> tuple[Evidence, ...]:
    """The items ``text`` (the field, one item per line) describes, given the items it was filled with."""
    shown = {evidence_line(item, sources, lang): item for item in reversed(before)}  # the first of equal lines
    by_text = {item.text: item for item in reversed(before)}
    names = _source_names(sources, before)
    items: list[Evidence] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line in shown:
            items.append(shown[line])
            continue
        head, colon, rest = line.partition(":")
        source = names.get(head.strip().casefold()) if colon and rest.strip() else None
        item_text = rest.strip() if source else line
        earlier = by_text.get(item_text)
        items.append(replace(earlier, source=source) if earlier else Evidence(item_text, source=source))
    return tuple(items)
