"""Assessment files: every loader error names file and line; YAML traps are caught."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.files import assessment_file
from assess.files.writer import dump
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog
from tests.conftest import HEAD, assessment_text

# Every trap is caught, with the same words, under libyaml's loader and under the pure-Python one.
pytestmark = pytest.mark.usefixtures("yaml_loader")


def load_error(path: Path, catalog: Catalog) -> list[str]:
    with pytest.raises(InputError) as info:
        assessment_file.load(str(path), catalog)
    return [str(p) for p in info.value.problems]


def test_issue_example_loads(write, catalog: Catalog) -> None:
    path = write("a.yaml", '''
        assess: 1                    # file format version
        checklist: unodc-who-2020
        service: {name: "De Overloop", kind: gebruiksruimte, location: Dordrecht}
        assessors: ["A. Jansen"]
        date: 2026-11-23
        language: nl                 # nl | en
        answers:
          "1.1":
            result: met              # met | partial | not_met | na
            evidence: "Werkinstructie naloxon, 2025"   # text or a list of texts
            note: "…"
            action: {description: "…", owner: "…", due: 2027-03-01, priority: high}   # high|medium|low
          "1.2": partial             # short form: just the result
        ''')
    loaded = assessment_file.load(str(path), catalog)
    a = loaded.assessment
    assert a.service == Service("De Overloop", "gebruiksruimte", "Dordrecht")
    assert a.date == dt.date(2026, 11, 23) and a.language == "nl" and a.assessors == ("A. Jansen",)
    assert a.answers["1.1"] == Answer("met", ("Werkinstructie naloxon, 2025",), "…",
                                      Action("…", "…", dt.date(2027, 3, 1), "high"))
    assert a.answers["1.2"] == Answer("partial")
    assert loaded.warnings == ()


def test_unquoted_keys_are_kept_as_written(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text("1.10: met", "1.1: not_met", "2.1: partial"))
    answers = assessment_file.load(str(path), catalog).assessment.answers
    assert answers["1.10"].result == "met" and answers["1.1"].result == "not_met"
    assert list(answers) == ["1.10", "1.1", "2.1"]


def test_absent_and_empty_are_not_assessed(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1":', '"1.2": met'))
    a = assessment_file.load(str(path), catalog).assessment
    assert a.result("1.1") is None and a.result("1.3") is None and list(a.answers) == ["1.2"]


def test_duplicate_key(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.2": met', '"1.3": met', '"1.2": not_met'))
    assert load_error(path, catalog) == [f"{path}:7: duplicate key '1.2' (first at line 5)"]


def test_unquoted_duplicate_after_yaml_would_merge(write, catalog: Catalog) -> None:
    # 1.10 and 1.1 are different keys; a loader that read numbers would merge them silently.
    path = write("a.yaml", assessment_text("1.1: met", "1.10: met", "1.1: partial"))
    assert load_error(path, catalog) == [f"{path}:7: duplicate key '1.1' (first at line 5)"]


def test_unknown_norm_with_hint(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.11": met', '"8.1": met', '"outreech.1": met'))
    assert load_error(path, catalog) == [
        f"{path}:5: answers.\"1.11\": unknown norm id; did you mean '1.1'?",
        f"{path}:6: answers.\"8.1\": unknown norm id; did you mean '7.1'?",
        f"{path}:7: answers.\"outreech.1\": unknown norm id; did you mean 'outreach.1'?",
    ]


def test_unknown_result(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1": done', '"1.2":', "  result: yes"))
    assert load_error(path, catalog) == [
        f"{path}:5: answers.\"1.1\": unknown result 'done'; expected one of met, partial, not_met, na",
        f"{path}:7: answers.\"1.2\".result: the boolean true is not one of met, partial, not_met, na "
        "(YAML reads unquoted yes as true: put it in quotes)",
    ]


def test_no_becomes_false_is_explained(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"2.1": no'))
    assert load_error(path, catalog) == [
        f"{path}:5: answers.\"2.1\": expected a result (met, partial, not_met, na) or a mapping, got the "
        "boolean false (YAML reads unquoted no as false: put it in quotes)"]


def test_unknown_fields(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1":', "  result: met", "  evidense: x"), )
    text = path.read_text().replace("answers:", "owner: me\nanswers:")
    path.write_text(text)
    assert load_error(path, catalog) == [  # each at the line of the unknown field itself
        f"{path}:4: (top level): unknown field 'owner'; allowed: answers, assess, assessors, checklist, "
        "checklist_version, date, language, merged_from, service, settings, signatures_history, signed",
        f"{path}:8: answers.\"1.1\": unknown field 'evidense'; allowed: action, disputed, evidence, note, result",
    ]


def test_text_fields_must_be_text(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1":', "  result: met", "  note: 1.10"))
    assert load_error(path, catalog) == [
        f'{path}:7: answers."1.1".note: expected text, got the number 1.1 '
        '(YAML reads unquoted 1.10 as 1.1: put it in quotes, "1.10")']


def test_bad_action(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1":', "  result: not_met", "  action:",
                                           "    description: Fix", "    priority: urgent", "    due: 2027-02-30"))
    assert load_error(path, catalog) == [  # both in one run
        f'{path}:9: answers."1.1".action.priority: \'urgent\' is not one of high, medium, low',
        f'{path}:10: answers."1.1".action.due: \'2027-02-30\' is not a date (YYYY-MM-DD)']
    path.write_text(path.read_text().replace("urgent", "high"))
    assert load_error(path, catalog) == [
        f'{path}:10: answers."1.1".action.due: \'2027-02-30\' is not a date (YYYY-MM-DD)']


def test_missing_required(write, catalog: Catalog) -> None:
    path = write("a.yaml", "assess: 1\nchecklist: unodc-who-2020\nanswers: {}\n")
    assert load_error(path, catalog) == [f"{path}:1: (top level): missing field 'service'"]


def test_wrong_format_version_and_checklist(write, catalog: Catalog) -> None:
    path = write("a.yaml", HEAD.replace("assess: 1", "assess: 2") + "answers: {}\n")
    assert load_error(path, catalog)[0].startswith(f"{path}:1: assess: ")
    path = write("b.yaml", HEAD.replace("unodc-who-2020", "who-2030") + "answers: {}\n")
    assert load_error(path, catalog) == [
        f"{path}:2: checklist: unknown checklist 'who-2030'; this assess knows 'unodc-who-2020'"]


def test_not_a_mapping_and_bad_yaml(write, catalog: Catalog) -> None:
    path = write("a.yaml", "- just\n- a list\n")
    assert load_error(path, catalog) == [
        f"{path}:1: an assessment file must be a YAML mapping (see `assess template`)"]
    path = write("b.yaml", HEAD + 'answers:\n  "1.1": met\n "1.2": met\n')
    (problem,) = load_error(path, catalog)
    assert problem.startswith(f"{path}:6: invalid YAML")


def test_not_utf8_and_forbidden_characters_name_their_line(tmp_path: Path, catalog: Catalog) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(HEAD.replace('"Test"', '"Caf\xe9"').encode("latin-1") + b"answers: {}\n")
    service_line = 3  # HEAD's `service:` line
    assert load_error(latin, catalog) == [
        f"{latin}:{service_line}: not UTF-8 text: byte 0xE9 cannot be read (save the file as UTF-8)"]
    nul = tmp_path / "nul.yaml"
    nul.write_text(HEAD + 'answers:\n  "1.1": "met\x00"\n', encoding="utf-8")
    assert load_error(nul, catalog) == [
        f"{nul}:{len(HEAD.splitlines()) + 2}: invalid YAML: character U+0000 is not allowed in YAML text"]


def test_a_blank_service_name_is_refused(write, catalog: Catalog) -> None:
    path = write("a.yaml", HEAD.replace('"Test"', '"   "') + "answers: {}\n")
    assert load_error(path, catalog) == [f"{path}:3: service.name: must not be blank"]


def test_missing_file(tmp_path: Path, catalog: Catalog) -> None:
    assert load_error(tmp_path / "nope.yaml", catalog) == [f"{tmp_path / 'nope.yaml'}: no such file"]


def test_other_catalog_version_warns(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1": met', extra='checklist_version: "2016.1"\n'))
    loaded = assessment_file.load(str(path), catalog)
    assert [str(w) for w in loaded.warnings] == [
        f"{path}:4: warning: written against unodc-who-2020 version 2016.1, this assess has version {catalog.version}"]


def test_other_version_naming_vanished_norms_is_an_error(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.12": met', extra='checklist_version: "2016.1"\n'))
    assert load_error(path, catalog) == [
        f'{path}:6: answers."1.12": unknown norm id (it is not in unodc-who-2020 version {catalog.version}); '
        "did you mean '1.2'?"]


def test_setting_items_need_the_setting(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"outreach.1": met'))
    assert load_error(path, catalog) == [
        f'{path}:5: answers."outreach.1": belongs to setting \'outreach\', which is not listed under settings']
    path = write("b.yaml", assessment_text('"outreach.1": met', extra="settings: [outreach]\n"))
    assert assessment_file.load(str(path), catalog).assessment.result("outreach.1") == "met"
    path = write("c.yaml", assessment_text(extra="settings: [prison]\n"))
    assert load_error(path, catalog)[0].startswith(f"{path}:4: settings[0]: ")


def test_na_without_note_is_allowed(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"3.2": na'))
    assert assessment_file.load(str(path), catalog).assessment.result("3.2") == "na"


def test_round_trip_through_the_writer(catalog: Catalog) -> None:
    original = Assessment(
        checklist=catalog.id, checklist_version=catalog.version,
        service=Service('Huiskamer "De Kade" | Zwolle', "gebruiksruimte", "Zwolle"),
        assessors=("A. Jansen", "B. de Boer"), date=dt.date(2026, 11, 23), language="en",
        settings=("outreach",),
        answers={
            "1.10": Answer("met", ("Website", "Folder: 2025"), "line one\nline two: # not a comment"),
            "2.3": Answer("not_met", (), None, Action("Convenant herzien", "Directie", dt.date(2027, 1, 1), "high")),
            "3.2": Answer("na"),
            "outreach.13": Answer(None, ("only evidence so far",)),
            "4.1": Answer("partial", note="tab\there \u2028 and a control \x07 char"),
        },
    )
    text = dump(original, catalog)
    loaded = assessment_file.loads(text, "x.yaml", catalog)
    assert loaded.assessment == original
    assert dump(loaded.assessment, catalog) == text
    assert '  "1.10":\n' in text and "# 1.10 " in text


def test_impossible_dates_are_reported_with_the_other_problems(write, catalog: Catalog) -> None:
    path = write("a.yaml", HEAD + "date: 2026-13-01\n" + 'answers:\n  "1.1": mett\n  "1.2":\n    result: met\n'
                 '    action: {description: "x", due: 2027-02-30}\n')
    assert load_error(path, catalog) == [
        f"{path}:4: date: '2026-13-01' is not a date (YYYY-MM-DD)",
        f"{path}:6: answers.\"1.1\": unknown result 'mett'; expected one of met, partial, not_met, na",
        f"{path}:9: answers.\"1.2\".action.due: '2027-02-30' is not a date (YYYY-MM-DD)",
    ]


def test_aliases_and_merge_keys_are_refused(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"1.1": &x {result: met, note: "n"}', '"1.2": *x'))
    assert load_error(path, catalog) == [
        f"{path}:6: invalid YAML: alias *x; anchors and aliases (&name, *name) are not allowed in assess files: "
        "write the value out in full"]
    merged = write("m.yaml", assessment_text('"1.1": &x {result: met}', '"1.2":', "  <<: *x"))
    assert load_error(merged, catalog)[0].startswith(f"{merged}:7: invalid YAML: ")
    # a "billion laughs" file: without the alias check it expands to 10**8 items and never finishes
    bomb = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    path = write("bomb.yaml", HEAD + "\n".join(bomb) + '\nanswers:\n  "1.1": {result: met, evidence: *a7}\n')
    assert load_error(path, catalog) == [
        f"{path}:5: invalid YAML: alias *a0; anchors and aliases (&name, *name) are not allowed in assess files: "
        "write the value out in full"]


def test_deep_nesting_and_huge_files_are_refused(write, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    for depth in (45, 600, 5000):  # 600 was a RecursionError traceback; far deeper crashed libyaml
        path = write("deep.yaml", assessment_text('"1.1":', "  evidence: " + "[" * depth + "]" * depth))
        assert load_error(path, catalog) == [f"{path}:6: invalid YAML: nested more than 40 levels deep"], depth
    nested = [" " * (4 + 2 * i) + "-" for i in range(300)]
    path = write("indented.yaml", assessment_text('"1.1":', "  evidence:", *nested))
    assert load_error(path, catalog)[0].endswith("invalid YAML: nested more than 40 levels deep")
    monkeypatch.setattr("assess.files.strict_yaml.MAX_BYTES", 200)
    path = write("big.yaml", assessment_text('"1.1": {result: met, note: "' + "x" * 300 + '"}'))
    assert load_error(path, catalog) == [f"{path}: too large for an assessment file (0.0 MB; at most 0 MB)"]


def test_a_tab_is_named(write, catalog: Catalog) -> None:
    path = write("a.yaml", HEAD + 'answers:\n\t"1.1": met\n')
    assert load_error(path, catalog) == [
        f"{path}:5: invalid YAML: a tab indents this line: YAML indents with spaces only"]


def test_unquoted_dates_in_text_fields_are_explained(write, catalog: Catalog) -> None:
    # each was loaded as a date object, and evidence crashed with a TypeError traceback
    path = write("a.yaml", HEAD.replace('"Test"', "2026-01-01") + 'answers:\n  "1.1":\n    result: met\n'
                 "    evidence: 2026-01-02\n    note: 2026-01-03\n  \"1.2\": {result: met, evidence: [2026-01-04]}\n")
    hint = ' (YAML reads unquoted {0} as a date: put it in quotes, "{0}")'
    assert load_error(path, catalog) == [
        f"{path}:3: service.name: expected text, got the date 2026-01-01" + hint.format("2026-01-01"),
        f"{path}:7: answers.\"1.1\".evidence: expected text or a mapping or a list, got the date 2026-01-02"
        + hint.format("2026-01-02"),
        f"{path}:8: answers.\"1.1\".note: expected text, got the date 2026-01-03" + hint.format("2026-01-03"),
        f"{path}:9: answers.\"1.2\".evidence[0]: expected text or a mapping, got the date 2026-01-04"
        + hint.format("2026-01-04"),
    ]


def test_ids_of_the_wrong_form_are_named_once_at_their_line(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"01.1": met', '" 1.1": met', "1: met"))
    assert load_error(path, catalog) == [
        f"{path}:5: answers.\"01.1\": unknown norm id; did you mean '1.1'?",
        f"{path}:6: answers.\" 1.1\": unknown norm id; did you mean '1.1'?",
        f"{path}:7: answers.\"1\": unknown norm id",
    ]


def test_a_setting_listed_twice_is_named(write, catalog: Catalog) -> None:
    path = write("a.yaml", assessment_text('"outreach.1": met', extra="settings: [outreach, outreach]\n"))
    assert load_error(path, catalog) == [f"{path}:4: settings: 'outreach' is listed twice"]


def test_the_writer_escapes_what_yaml_cannot_hold(catalog: Catalog) -> None:
    # U+FFFE and U+FFFF may come from the TUI or a sheet; written raw, the file could not be read back
    original = Assessment(catalog.id, Service("x\ufffey"), answers={"1.1": Answer("met", note="a\uffffb")})
    assert assessment_file.loads(dump(original, catalog), "x.yaml", catalog).assessment.answers == original.answers


@pytest.mark.parametrize(("body", "line", "message"), [
    ('answers:\n  "1.1": a: b\n', 5, "a ':' inside a value: put the value in quotes"),
    ('answers:\n  "1.1": {result: met\n  "1.2": met\n', 5, "a '{' opened on this line is never closed"),
    ('answers:\n  "1.1": [met\n  "1.2": met\n', 5, "a '[' opened on this line is never closed"),
    ('answers:\n  "1.1":\n    note: "open\n    evidence: x\n', 6, "a quote opened on this line is never closed"),
    ('answers:\n  "1.1": @met\n', 5, "a value cannot start with '@': put the value in quotes"),
    ('answers: {}\n---\nanswers: {}\n', 5,
     "a second YAML document starts here; an assessment file is one document (remove the ---)"),
    ('answers:\n  "1.1": met\n "1.2": met\n', 6,
     "the structure breaks here: check the indentation (keys of one level start in one column)"),
    ('answers:\n  "1.1": *x\n', 5, "an alias; anchors and aliases (&name, *name) are not allowed in assess files: "
     "write the value out in full"),
])
def test_yaml_syntax_errors_are_told_in_the_projects_own_words(
        write, catalog: Catalog, body: str, line: int, message: str) -> None:
    """The same line and words under libyaml and the pure-Python parser, whatever PyYAML itself says."""
    path = write("a.yaml", HEAD + body)
    assert load_error(path, catalog) == [f"{path}:{line}: invalid YAML: {message}"]


def test_dates_to_text_converts_every_date_field_and_leaves_the_data_as_it_was() -> None:
    import copy
    import datetime as dt

    from assess.files.date_fields import dates_to_text

    day = dt.date(2026, 11, 23)
    data = {"date": day, "service": {"name": "x"}, "answers": {
        "1.1": {"result": "met", "note": day, "evidence": [{"text": "a", "date": day}, "b"]},
        "1.2": {"result": "partial", "action": {"description": "d", "due": day}},
        "1.3": {"result": "met", "disputed": [{"assessor": "A", "evidence": {"text": "c", "date": day}}]},
        "1.4": "met"}}
    before = copy.deepcopy(data)
    checked = dates_to_text(data)
    assert data == before  # nothing changed in place
    assert checked["date"] == "2026-11-23"
    answers = checked["answers"]
    assert answers["1.1"]["evidence"][0]["date"] == "2026-11-23" and answers["1.1"]["note"] == day
    assert answers["1.2"]["action"]["due"] == "2026-11-23"
    assert answers["1.3"]["disputed"][0]["evidence"]["date"] == "2026-11-23"
    assert answers["1.4"] == "met" and checked["service"] is data["service"]  # only the way to a date is copied
    assert dates_to_text({"answers": {}}) == {"answers": {}}


def test_dates_to_text_gives_what_converting_each_date_place_gives_on_random_data() -> None:
    """dates_to_text walks the date places itself; on any data it must give what converting every place of
    date_places gives (and share what it does not copy)."""
    import copy
    import datetime as dt
    import random

    from assess.files.date_fields import date_places, dates_to_text

    def by_places(data: object) -> object:
        if not isinstance(data, dict):
            return data
        out = copy.deepcopy(data)
        for path, value in date_places(data):
            if isinstance(value, dt.date):
                node = out
                for head in path[:-1]:
                    node = node[head]
                node[path[-1]] = value.isoformat()
        return out

    rng = random.Random(18)
    day = dt.date(2026, 12, 1)

    def value() -> object:
        return rng.choice([day, "2026-12-01", None, 3, "tekst", [day], {"date": day}])

    def evidence() -> object:
        items = [rng.choice(["los", {"text": "t", "date": value()}, {"text": "u"}, day])
                 for _ in range(rng.randint(0, 3))]
        return rng.choice([items, {"text": "v", "date": value()}, "los", None])

    for _ in range(3000):
        answers = {}
        for k in range(rng.randint(0, 5)):
            answer = {"result": "met", "note": value()}
            if rng.random() < 0.5:
                answer["evidence"] = evidence()
            if rng.random() < 0.4:
                answer["action"] = rng.choice([{"description": "d", "due": value()}, "geen", None])
            if rng.random() < 0.2:
                answer["disputed"] = [rng.choice([{"assessor": "A", "evidence": evidence()}, "x"])
                                      for _ in range(rng.randint(0, 2))]
            answers[f"1.{k + 1}"] = rng.choice([answer, answer, "met", None])
        data = {"date": value(), "service": {"name": "x"}, "answers": rng.choice([answers, answers, [], None])}
        before = copy.deepcopy(data)
        assert dates_to_text(data) == by_places(data)
        assert data == before


def _yaml_str_as_it_was(text: str) -> str:
    """The reference: yaml_str as first written, character by character (kept to compare the quick one with)."""
    import json
    import re
    import unicodedata

    not_printable = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    out = []
    for char in json.dumps(text, ensure_ascii=False):
        if (char in "\x85\u2028\u2029" or (unicodedata.category(char) == "Cc" and char not in "\n\t")
                or not_printable.match(char)):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def test_yaml_str_escapes_what_it_did_character_by_character() -> None:
    import random

    from assess.files.writer import yaml_str

    rng = random.Random(20261201)
    every_special = "".join(chr(c) for c in [*range(0x00, 0xA1), 0x2028, 0x2029, 0xD800, 0xDBFF, 0xDFFF, 0xFFFD,
                                             0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x202E])
    samples = [every_special, "Rooster \"weekend\" \\ klaar", "", "é ü ĳ 日本", *every_special]
    pool = every_special + "abc XYZ 123 ëï€\u00a0"
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in samples:
        assert yaml_str(text) == _yaml_str_as_it_was(text), repr(text)
