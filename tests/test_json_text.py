"""The quick indented JSON writer writes exactly what json.dumps(ensure_ascii=False, indent=2) writes, but for
the characters a terminal acts on or that hide text, written as \\u escapes (the same JSON once read)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from assess.render import json_text
from assess.terminal_text import visible


def as_dumps(data: Any) -> str:
    """json.dumps's text, with every character terminal_text.visible escapes (but layout) as a \\u escape."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(f"\\u{ord(c):04x}" if c not in "\n\t" and visible(c) != c else c for c in text)

SCALARS: list[Any] = ["", "a", "ë \u202e \x00 \x1f \" \\ / \n\t", "😀", "\ud800",
                      "\x1b[2J \x9b31m \x7f \u200b \ufeff", 0, -1, 10**30, True, False, None,
                      0.0, -0.0, 1.5, 1e300, 1e-300, 72.25, float("nan"), float("inf"), float("-inf")]


def value(chance: random.Random, depth: int = 0) -> Any:
    roll = chance.random()
    if depth > 4 or roll < 0.5:
        return chance.choice(SCALARS)
    if roll < 0.75:
        return {chance.choice(["id", "nl", "en", "ë", "", "1.10", "a b"]) + str(i): value(chance, depth + 1)
                for i in range(chance.randint(0, 4))}
    items = [value(chance, depth + 1) for _ in range(chance.randint(0, 4))]
    return tuple(items) if chance.random() < 0.2 else items


def test_random_values_are_written_as_json_dumps_writes_them() -> None:
    chance = random.Random(18)
    for _ in range(3000):
        data = value(chance)
        assert json_text.dumps(data) == as_dumps(data)


@pytest.mark.parametrize("data", [{1: "a"}, {None: 1, "b": [True]}, {"x": {1.5: 2}}, [{"a": {3}}], {"a": object()}])
def test_what_it_does_not_write_itself_goes_to_json_dumps(data: Any) -> None:
    try:
        json.dumps(data, ensure_ascii=False, indent=2)
    except TypeError:
        with pytest.raises(TypeError):
            json_text.dumps(data)
        return
    assert json_text.dumps(data) == as_dumps(data)


def test_it_is_quicker_than_json_dumps_on_a_report() -> None:
    """Not a timing goal (those are in bench/): the writer must do less work, counted in calls."""
    import cProfile
    import pstats

    from assess.analysis.scoring import score
    from assess.files.assessment_file import load
    from assess.files.catalog_file import load_catalog
    from assess.files.paths import package_data
    from assess.render.gap_json import report_data

    catalog = load_catalog()
    data = report_data(score(load(str(package_data("data") / "demo.yaml"), catalog).assessment, catalog))
    assert json_text.dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)  # the demo: nothing to escape
    counts = []
    for write in (json_text.dumps, lambda d: json.dumps(d, ensure_ascii=False, indent=2)):
        profile = cProfile.Profile()
        profile.runcall(write, data)
        counts.append(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]
    assert counts[0] < counts[1] / 2


def test_terminal_controls_are_escaped_and_read_back_the_same() -> None:
    data = {"note": "a\x1b]0;t\x07 b\x9b2J c\x7f d\u202e e\u200b f\ufeff", "ok": "één – 😀\n\t"}
    text = json_text.dumps(data)
    assert json.loads(text) == data
    assert "\\u009b" in text and "\\u007f" in text and "\\u202e" in text and "\\u001b" in text
    assert visible(text) == text  # nothing left for a terminal to act on
    assert "één – 😀" in text  # the rest as written (ensure_ascii=False)
