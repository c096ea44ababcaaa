"""The edit form's evidence field: one item per line, a kind of source first when the item names one
(``observatie: rondgang 12 mei``), read back into evidence items. No Textual here.

A line shown for an item and left as it is gives back that very item (its date and reference too, which the
form does not show); two items shown as the same line give back one each, in their order, and a field left as
it was filled gives back the items exactly. Another line starting with a kind of source (its id, or its Dutch or
English label, in any case) and a colon names that source; an item whose text stays the same keeps its date and
reference when only its source changes (an item no other line gave back). Any other line is a plain item.
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
    shown = [evidence_line(item, sources, lang) for item in before]
    if text == "\n".join(shown):  # the field as it was filled: every item as it was (a text with a line break too)
        return tuple(before)
    unused: dict[str, list[int]] = {}  # a line as shown -> the items shown so not yet given back, in order
    for index, line in enumerate(shown):
        unused.setdefault(line, []).append(index)
    lines = [raw for raw in text.splitlines() if raw.strip()]
    items: list[Evidence | None] = [None] * len(lines)
    taken: set[int] = set()
    for k, raw in enumerate(lines):  # first the lines left as shown: each gives back its own item, once
        alike = unused.get(raw) or unused.get(raw.strip())
        if alike:
            taken.add(alike[0])
            items[k] = before[alike.pop(0)]
    names = _source_names(sources, before)
    for k, raw in enumerate(lines):  # then the lines typed or changed
        if items[k] is not None:
            continue
        line = raw.strip()
        head, colon, rest = line.partition(":")
        source = names.get(head.strip().casefold()) if colon and rest.strip() else None
        item_text = rest.strip() if source else line
        earlier = next((i for i, item in enumerate(before) if i not in taken and item.text == item_text), None)
        if earlier is None:
            items[k] = Evidence(item_text, source=source)
        else:  # the same text with another source (or none): its date and reference stay
            taken.add(earlier)
            items[k] = replace(before[earlier], source=source)
    return tuple(item for item in items if item is not None)
