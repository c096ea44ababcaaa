"""YAML traps that were a Python message without a line, or were let through."""

from __future__ import annotations

import pytest

from assess.analysis.scoring import score
from assess.errors import InputError
from assess.files.assessment_file import loads
from assess.model.catalog import Catalog
from assess.render import renderer
from tests.conftest import HEAD, assessment_text


def problems(text: str, catalog: Catalog) -> list[str]:
    with pytest.raises(InputError) as caught:
        loads(text, "f.yaml", catalog)
    return [str(p) for p in caught.value.problems]


def test_a_5000_digit_number_is_one_line_with_its_line(catalog: Catalog) -> None:
    text = assessment_text('"1.1": {result: met, note: ' + "9" * 5000 + "}")
    assert problems(text, catalog) == ["f.yaml:5: invalid YAML: a number of 5000 characters is too long; put text "
                                       "in quotes"]


def test_two_documents_are_one_line_with_its_line(catalog: Catalog) -> None:
    text = assessment_text('"1.1": met') + "---\nanswers: {}\n"
    assert problems(text, catalog) == ["f.yaml:6: invalid YAML: a second YAML document starts here; an assessment "
                                       "file is one document (remove the ---)"]


@pytest.mark.parametrize(("line", "text"), [
    (5, assessment_text('"1.1": &a met')),
    (4, HEAD + "answers: &all\n  \"1.1\": met\n"),
    (3, HEAD.replace('service: {name: "Test"}', 'service: &s {name: "Test"}') + "answers: {}\n"),
])
def test_a_lone_anchor_is_refused_like_an_alias(catalog: Catalog, line: int, text: str) -> None:
    [message] = problems(text, catalog)
    assert message.startswith(f"f.yaml:{line}: invalid YAML: anchor &")
    assert "anchors and aliases (&name, *name) are not allowed" in message


def test_an_ampersand_in_text_is_not_an_anchor(catalog: Catalog) -> None:
    for note in ("Straße & Co &amp; meer", "R&D", "&x"):
        loaded = loads(assessment_text(f'"1.1": {{result: met, note: "{note}"}}'), "f.yaml", catalog)
        assert loaded.assessment.answers["1.1"].note == note


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\ufeff", "\u200f"])
def test_invisible_characters_are_refused_in_keys(catalog: Catalog, char: str) -> None:
    code = f"U+{ord(char):04X}"
    text = assessment_text(f'"1.1{char}": met')
    assert problems(text, catalog) == [f"f.yaml:5: invalid YAML: the key '1.1\\u{ord(char):04x}' holds the invisible "
                                       f"character {code} (a direction override or zero-width character); keys and "
                                       "norm ids must be plain text"]


def test_invisible_characters_in_text_are_kept_but_shown_escaped_in_markdown(catalog: Catalog) -> None:
    text = assessment_text('"1.1": {result: not_met, note: "prijs \\u202e001 euro\\u200b"}')
    loaded = loads(text, "f.yaml", catalog)
    assert loaded.assessment.answers["1.1"].note == "prijs \u202e001 euro\u200b"  # the data keeps the text
    card = score(loaded.assessment, catalog)
    markdown = renderer("md")(card, "en")
    assert "prijs \\u202e001 euro\\u200b" in markdown and "\u202e" not in markdown and "\u200b" not in markdown
    assert "\u202e" in renderer("json")(card, "en") or "\\u202e" in renderer("json")(card, "en")


@pytest.mark.parametrize(("value", "tag"), [
    ("!!python/object:os.system {}", "!!python/object:os.system"),
    ('!!python/object/apply:os.system ["ls"]', "!!python/object/apply:os.system"), ("!foo met", "!foo")])
def test_a_yaml_tag_is_named_as_refused(catalog: Catalog, value: str, tag: str) -> None:
    """It was refused, but said "the structure breaks here: check the indentation"."""
    with pytest.raises(InputError) as caught:
        loads(HEAD + f'answers:\n  "1.1": {value}\n', "t.yaml", catalog)
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (5, f"invalid YAML: a YAML tag ({tag}) is not allowed in assess "
                                                  "files: remove it")


def test_a_utf16_file_is_named_so(write, cli) -> None:
    path = write("u.yaml", "")
    path.write_bytes(assessment_text('"1.1": met').encode("utf-16"))  # with its byte-order mark, as Notepad saves
    status, _, err = cli("validate", str(path))
    assert (status, err) == (2, f'{path}:1: UTF-16 text (saved as "Unicode"): save the file as UTF-8\n')
