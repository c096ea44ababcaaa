"""strict_yaml's one-walk construction gives what PyYAML's constructor gives, problems included, in order."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml

from assess.files import strict_yaml
from tests.hostile.generate import yaml_cases

CASES = [
    "", "a: 1", "- 1\n- [2, 3]\n- {a: b}", "a: &x 1\nb: *x", "a: [&x 1, *x]", "<<: {a: 1}", "a: 1\na: 2",
    "l:\n  - {a: 1, a: 2}\nm: {b: 1, b: 2}", "l:\n  - [{a: 1, a: 2}]\nm: [{b: 1, b: 2}]", "? [a]\n: 1",
    "a: !!binary aGVsbG8=", "a: !!set {x, y}", "a: !!omap [{x: 1}, {y: 2}]", "a: !!python/name:os.system",
    "a: !custom 1", "d: 2027-02-30", "d: 2026-10-14", "t: 2026-10-14T10:00:00Z", "n: ~", "b: yes", "f: .5",
    "i: 0x1F", "i: " + "9" * 5000, "s: !!str 12", "k\u202e: 1", "1.10: met\n1.1: met", "a: [1, [2, [3, [4]]]]",
    "{a: [b, {c: [d, &e f]}], g: *e}", "a: R&D", "a: x &y", "&a a: 1", "a: [&b c]", "- &c\n  - 1",
    "a: !!set {b}", "a:\n  - *missing", "a: {b: [1, 2], c: {d: [3, {e: 4, e: 5}]}}",
]


def outcome(load: Any, text: str) -> tuple[str, Any]:
    try:
        return "ok", load(text)
    except Exception as error:  # the kind and the fields of the problem, compared
        fields = {k: v for k, v in vars(error).items() if isinstance(v, str | int)}
        return type(error).__name__, fields


def pyyaml(text: str) -> Any:
    data = yaml.load(text, Loader=strict_yaml.StrictLoader)
    return data, strict_yaml._depth(data)


def walk(text: str) -> Any:
    data, depth, _ = strict_yaml._load(text)
    # _depth stops counting past MAX_DEPTH; parse only asks whether the depth is past it
    return data, strict_yaml._depth(data) if depth is None else min(depth, strict_yaml.MAX_DEPTH + 1)


@pytest.mark.usefixtures("yaml_loader")
@pytest.mark.parametrize("text", CASES + [case.decode("utf-8", "replace") for _, case in yaml_cases()])
def test_the_walk_is_pyyamls_constructor(text: str) -> None:
    assert outcome(walk, text) == outcome(pyyaml, text)


def test_random_documents(yaml_loader: str) -> None:
    rng = random.Random(3)
    atoms = ["1", "x", "~", "yes", "2026-01-01", "'q'", "&a v", "*a", "!!str 5", "[]", "{}"]
    keys = ["a", "b", "a", "1.1", "<<"]

    def node(depth: int) -> str:
        roll = rng.random()
        if depth > 3 or roll < 0.4:
            return rng.choice(atoms)
        if roll < 0.7:
            return "[" + ", ".join(node(depth + 1) for _ in range(rng.randint(0, 3))) + "]"
        return "{" + ", ".join(f"{rng.choice(keys)}: {node(depth + 1)}" for _ in range(rng.randint(0, 3))) + "}"

    for _ in range(600):
        text = node(0)
        assert outcome(walk, text) == outcome(pyyaml, text), text


@pytest.mark.parametrize("text", ["a: R&D & co", "a: &x 1", "a:\n  &x b: 1", "a: [1,&x 2]", "&x\n- 1", "a: {b: &x 1}",
                                  "a: 'x &y'", "a:\t&x 1", "a\u00a0&x: 1", "a: &"])
def test_anchor_scan_finds_what_the_line_pattern_found(text: str) -> None:
    import re

    old = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]", re.MULTILINE)
    assert bool(strict_yaml._ANCHOR_LIKE.search(text)) == bool(old.search(text))


SCALARS = ["", "~", "null", "Null", "yes", "No", "on", "OFF", "true", "False", "1", "-1", "+1", "0x1F", "0o17",
           "0b101", "1_000", "1.10", "1.1", ".5", "-.inf", ".NaN", "1e3", "6.8523015e+5", "190:20:30",
           "2026-10-14", "2026-10-14T10:00:00Z", "2026-1-4 1:00", "=", "<<", "!", "&", "*", "a", "naloxon", "-",
           "+", ".", "0", "00", "012", "-0", "1:20", "y", "n", "Y", "é", " ", "1.10.2", "-", "ok"]


def tags(loader: type[yaml.SafeLoader], text: str) -> list[tuple[str, str]]:
    def walk(node: yaml.Node) -> list[tuple[str, str]]:
        here = [(type(node).__name__, node.tag)]
        if isinstance(node, yaml.MappingNode):
            return here + [t for key, value in node.value for t in walk(key) + walk(value)]
        if isinstance(node, yaml.SequenceNode):
            return here + [t for child in node.value for t in walk(child)]
        return here
    root = yaml.compose(text, Loader=loader)
    return walk(root) if root is not None else []


@pytest.mark.parametrize("loader", [strict_yaml.StrictLoader, strict_yaml.PythonStrictLoader])
def test_the_quick_resolver_gives_pyyaml_s_tags(loader: type[yaml.SafeLoader]) -> None:
    """strict_yaml resolves tags without PyYAML's path-resolver bookkeeping; every tag must be PyYAML's own."""
    plain = "\n".join(f"- {s}" if s.strip() else "- ''" for s in SCALARS)
    keyed = "\n".join(f"k{i}: {s}" for i, s in enumerate(SCALARS) if s.strip() not in ("", "-", "!", "&", "*"))
    quoted = "\n".join(f"- '{s}'" for s in SCALARS)
    texts = [plain, keyed, quoted, "a: [1, {b: 2}, [c]]\n? x\n: y", *(c for c in CASES if "!!python" not in c)]
    reference = yaml.SafeLoader if loader is strict_yaml.PythonStrictLoader else strict_yaml._BaseLoader
    compared = 0
    for text in texts:
        try:
            expected = tags(reference, text)
        except yaml.YAMLError:
            continue
        assert tags(loader, text) == expected, text
        compared += 1
    assert compared >= 30


def test_the_deep_line_check_finds_what_a_multiline_search_finds() -> None:
    import re

    multiline = re.compile(r"^[ ?:-]{200}", re.MULTILINE)
    run = " " * 150 + "- " * 30
    samples = [run, "a: 1\n" + run, "a: 1\r\n" + run + "\n", "x" + run, "a:\n " + run[:198] + "\nb", "a\r" + run,
               " " * 199, "\n" * 3 + "?" * 200, "a: 1\n" * 50, "", "-" * 199 + "\n" + "-" * 200]
    for text in samples:
        assert strict_yaml._has_deep_line(text) == bool(multiline.search(text)), repr(text[:20])
    assert sum(strict_yaml._has_deep_line(t) for t in samples) == 5


@pytest.mark.parametrize("text", ['"1.1\\u202e": met', "1.1\u200b: met", "a: R&D\nb: &x 1\nc: *x", "a: [&x 1, *x]"])
def test_the_walk_still_refuses_hidden_keys_and_aliases_when_it_skips_those_checks_elsewhere(text: str) -> None:
    """The walk checks keys for invisible characters only when the text could hold one (an escape counts),
    and tracks nodes for aliases only when the text has an anchor sign."""
    from assess.errors import InputError

    with pytest.raises(InputError) as raised:
        strict_yaml.parse(text, "f.yaml")
    assert "invisible" in str(raised.value) or "alias" in str(raised.value)


def test_the_remembered_tags_are_pyyamls_before_and_after_the_memo_starts_afresh() -> None:
    texts = ["1.10", "1.1", "no", "No", "yes", "~", "null", "", "2026-10-14", "2026-02-30", "0x1F", "0o17", ".5",
             ".inf", "-.Inf", "1_000", "+12", "met", "not_met", "=", "<<", "true", "a" * 200, "12" * 100]
    loader = strict_yaml.StrictLoader("")
    stock = yaml.SafeLoader("")
    try:
        for round_ in range(3):
            for text in texts:
                for implicit in ((True, False), (False, True)):
                    assert loader.resolve(yaml.ScalarNode, text, implicit) == \
                        stock.resolve(yaml.ScalarNode, text, implicit), (round_, text, implicit)
            for k in range(strict_yaml.MEMO_SIZE):  # fills the memo, which then starts afresh
                assert loader.resolve(yaml.ScalarNode, f"v{k}", (True, False)) == "tag:yaml.org,2002:str"
    finally:
        loader.dispose()
        stock.dispose()
