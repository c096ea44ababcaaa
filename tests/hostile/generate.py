"""Hostile inputs made on the fly: the large ones are generated, never committed."""

from __future__ import annotations

HEAD = 'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "Generated"}\n'


def unknown_ids(count: int) -> str:
    """An assessment with ``count`` unknown norm ids (40,000 make about 650 KB)."""
    return HEAD + "answers:\n" + "".join(f'  "99.{k}": met\n' for k in range(1, count + 1))


def unknown_fields(count: int) -> str:
    """One answer with ``count`` unknown fields."""
    return HEAD + 'answers:\n  "1.1":\n    result: met\n' + "".join(f"    field{k}: x\n" for k in range(count))
