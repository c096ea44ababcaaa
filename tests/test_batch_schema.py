"""The compiled assessment schema (batch's fast path) accepts exactly what jsonschema accepts."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from assess.errors import InputError
from assess.files import assessment_file, schema_check
from assess.files.compiled_schema import NotCompilable, _Unsure, compile_schema, schema_accepts
from assess.files.strict_yaml import parse

VALID: dict[str, Any] = {
    "assess": 1, "checklist": "unodc-who-2020", "checklist_version": "2020.1",
    "service": {"name": "De Overloop", "kind": "gebruiksruimte", "location": "Dordrecht"},
    "assessors": ["M. de Vries", "S. Bakker"], "date": "2026-10-14", "language": "nl",
    "settings": ["outreach", "outpatient"],
    "merged_from": [{"file": "a.yaml", "sha256": "a" * 64, "assessors": ["X"]}],
    "signed": {"by": "A. Jansen", "role": "manager", "at": "2026-11-30T10:00:00Z", "answers_sha256": "b" * 64,
               "norms": {"1.1": "c" * 16}},
    "signatures_history": [{"by": "B", "at": "2026-10-01T08:00:00Z", "answers_sha256": "d" * 64, "norms": {}}],
    "answers": {
        "1.1": "met", "1.2": None, "1.10": {"result": "partial", "evidence": ["a", "b"], "note": "n"},
        "1.3": {"result": "met", "evidence": ["a", {"text": "t", "source": "observation", "date": "2026-01-02",
                                                     "ref": "r"}]},
        "1.4": {"result": "met", "evidence": {"text": "t", "source": "record-sample"}},
        "2.1": {"result": "not_met", "evidence": "e",
                "action": {"description": "d", "owner": "o", "due": "2027-01-01", "priority": "high", "done": False}},
        "outreach.3": {"disputed": [{"assessor": "A", "result": "met", "evidence": "x", "note": "y"},
                                    {"assessor": "B"}]},
    },
}
ODD_VALUES = [None, True, False, 0, 1, 1.0, 2, -1, 1.5, "", "met", "na", "not_met", "x", "2026-13-45", "1.1",
              "outreach", "a" * 64, [], ["met"], ["outreach", "outreach"], ["a", 1], [None], {}, {"result": "met"},
              {"description": ""}, {"assessor": "A"}, {"name": ""}, {"unknown": 1}, [["nested"]]]


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


def _mutate(data: Any, rng: random.Random) -> Any:
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_paths(data)[1:])
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        roll = rng.random()
        if roll < 0.6:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif roll < 0.8 and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[rng.choice(["extra", "9.9", "1.01", "Outreach.1", "outreach.0", "note"])] = rng.choice(ODD_VALUES)
        else:
            parent.append(copy.deepcopy(rng.choice(ODD_VALUES)))
    return data


def test_compiled_schema_agrees_with_jsonschema_on_thousands_of_mutations() -> None:
    validator = schema_check.validator("assessment")
    check = compile_schema(validator.schema)
    rng = random.Random(2026)
    agreed = {True: 0, False: 0}
    for _ in range(4000):
        data = _mutate(VALID, rng)
        expected = validator.is_valid(data)
        try:
            assert check(data) == expected, data
        except _Unsure:  # allowed (the caller then asks jsonschema), but it never happens with this schema
            pytest.fail(f"unsure about {data}")
        agreed[expected] += 1
    assert check(VALID) is True
    assert agreed[True] > 300 and agreed[False] > 2000  # both outcomes well covered


@pytest.mark.parametrize(("change", "valid"), [
    ({"assess": True}, False),  # JSON Schema: true is not 1
    ({"assess": 1.0}, True),  # but 1.0 is
    ({"settings": ["outreach", "outreach"]}, False),  # uniqueItems
    ({"date": "2026-13-45"}, True),  # "format" is not asserted (no format checker), only the pattern
    ({"answers": {"1.1": {"result": "met", "evidence": [1]}}}, False),
    ({"answers": {"1.1": {}}}, True),
    ({"answers": {"01.1": "met"}}, False),  # propertyNames pattern
    ({"service": {"name": ""}}, False),  # minLength
])
def test_edge_cases(change: dict, valid: bool) -> None:
    data = {**VALID, **change}
    assert schema_check.validator("assessment").is_valid(data) is valid
    assert compile_schema(schema_check.validator("assessment").schema)(data) is valid
    assert schema_accepts("assessment")(data) is valid


def test_values_it_cannot_judge_go_to_jsonschema() -> None:
    check = compile_schema({"type": "array", "uniqueItems": True})
    assert check(["a", "b"]) is True and check(["a", "a"]) is False
    with pytest.raises(_Unsure):
        check([[1], [1]])
    # schema_accepts turns "unsure" into "not accepted here": the full jsonschema pass then decides
    assert schema_accepts("assessment")({**VALID, "settings": [["a"], ["a"]]}) is False


def test_an_unknown_keyword_is_not_compiled_loosely() -> None:
    with pytest.raises(NotCompilable):
        compile_schema({"type": "object", "maxProperties": 3})
    with pytest.raises(NotCompilable):
        compile_schema({"$ref": "https://example.invalid/other.json"})


def test_loading_with_the_fast_check_gives_the_same_result_and_problems(catalog) -> None:
    accepts = schema_accepts("assessment")
    texts = [
        'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "X"}\nanswers:\n  "1.1": met\n  "1.10": partial\n',
        'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "X"}\nanswers:\n  1.10: maybe\n  "9.9": met\n',
        'assess: 1\nchecklist: unodc-who-2020\nservice: {name: ""}\nsettings: [outreach, outreach]\nanswers: {}\n',
        'assess: true\nchecklist: unodc-who-2020\nservice: {name: "X"}\nanswers:\n  "1.1": {result: met, x: 1}\n',
    ]
    for text in texts:
        outcomes = []
        for schema_ok in (None, accepts):
            try:
                outcomes.append(assessment_file.from_document(parse(text, "t.yaml"), catalog, schema_ok=schema_ok))
            except InputError as error:
                outcomes.append([str(p) for p in error.problems])
        assert outcomes[0] == outcomes[1]


@pytest.mark.parametrize(("schema_name", "data_file"), [
    ("catalog", "unodc-who-2020.yaml"), ("answer-sets", "answer-sets.yaml"), ("setting", "settings/outreach.yaml"),
])
def test_the_checklist_schemas_compile_and_agree_with_jsonschema(schema_name: str, data_file: str) -> None:
    """The bundled checklist is checked on every run without importing jsonschema: the compiled check must
    accept and refuse exactly what jsonschema does."""
    from assess.files.paths import norms_directory
    from assess.files.schema_files import schema_contents

    valid = parse((norms_directory() / data_file).read_text(encoding="utf-8"), data_file).data
    validator = schema_check.validator(schema_name)
    check = compile_schema(schema_contents(schema_name))
    assert check(valid) is True and validator.is_valid(valid)
    rng = random.Random(schema_name)
    refused = 0
    for _ in range(300):
        try:
            data = _mutate(valid, rng)
        except IndexError:  # a mutation removed everything there was to mutate
            continue
        expected = validator.is_valid(data)
        assert check(data) == expected, data
        refused += not expected
    assert refused > 100
