"""The optional ``source`` column of a spreadsheet of answers: the kind of source of each evidence line."""

from __future__ import annotations

import re

from assess.model.assessment import Evidence
from assess.model.catalog import Catalog
from assess.terminal_text import lines


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


def source_ids(catalog: Catalog) -> dict[str, str]:
    """Each kind of source by its id and its Dutch and English labels (``interview cliënt`` -> id)."""
    names = {}
    for source in catalog.evidence_sources:
        for name in (source.id, source.label.nl, source.label.en):
            names[_key(name)] = source.id
    return names


def typed_evidence(texts: tuple[str, ...], raw_sources: str,
                   catalog: Catalog) -> tuple[tuple[Evidence, ...], str | None]:
    """The evidence lines with their kinds of source: one source for every line, or one per line.

    Returns the items and a problem message (None when the cell is fine)."""
    given = [line.strip() for line in lines(raw_sources) if line.strip()]
    if not given:
        return tuple(Evidence(text) for text in texts), None
    names = source_ids(catalog)
    unknown = [g for g in given if _key(g) not in names]
    if unknown:
        known = ", ".join(s.id for s in catalog.evidence_sources)
        return (), f"{unknown[0]!r} is not a kind of source; use one of {known} (or their Dutch names)"
    ids = [names[_key(g)] for g in given]
    if not texts:
        return (), "a source needs evidence: write the evidence in the evidence column"
    if len(ids) == 1:
        ids = ids * len(texts)
    if len(ids) != len(texts):
        return (), (f"{len(ids)} sources for {len(texts)} evidence lines; give one source for all lines, "
                    f"or one per line")
    return tuple(Evidence(text, source) for text, source in zip(texts, ids, strict=True)), None
