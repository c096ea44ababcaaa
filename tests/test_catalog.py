"""The catalog: all 7 principles and 62 norms, verbatim Dutch, validated on every load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.files.catalog_file import load_catalog_from
from assess.files.paths import norms_directory
from assess.model.catalog import Catalog
from tests.conftest import STANDARDS, excerpt_blocks, standards_text

EXPECTED_COUNTS = {"1": 10, "2": 7, "3": 10, "4": 11, "5": 7, "6": 9, "7": 8}


def normalise(text: str) -> str:
    """Whitespace aside, so the PDF's line breaks do not count."""
    return re.sub(r"\s+", " ", text).strip()


def source_text() -> str:
    """The Dutch standards as one line; a hyphen at a line's end is joined to the next word."""
    raw = standards_text()
    raw = re.sub(r"-[ \t]*\n\s*(?=[a-zà-ÿ])", "-", raw)
    return normalise(raw)


def test_the_excerpt_is_the_source_line_for_line() -> None:
    if not STANDARDS.exists():
        pytest.skip("the source text ../shared/seeds is not beside this checkout")
    source = STANDARDS.read_text(encoding="utf-8").split("\n")
    blocks = excerpt_blocks()
    assert len(blocks) == 6  # chapter 2, then the key requirements of the five settings
    for first, last, lines in blocks:
        assert lines == source[first - 1:last], f"lines {first}-{last}"


def test_counts_per_principle(catalog: Catalog) -> None:
    counts = {p.id: len(p.norm_ids) for p in catalog.principles}
    assert counts == EXPECTED_COUNTS
    assert len(catalog.principle_norms) == 62


def test_every_id_in_order(catalog: Catalog) -> None:
    expected = [f"{p}.{n}" for p, count in EXPECTED_COUNTS.items() for n in range(1, count + 1)]
    assert [n.id for n in catalog.principle_norms] == expected
    assert all(isinstance(n.id, str) and isinstance(n.section, str) for n in catalog.principle_norms)
    assert catalog.item("1.10").id == "1.10" and catalog.item("1.1").id == "1.1"


def test_catalog_identity(catalog: Catalog) -> None:
    assert catalog.id == "unodc-who-2020"
    assert isinstance(catalog.version, str) and catalog.version


def test_dutch_norm_texts_match_the_source_word_for_word(catalog: Catalog) -> None:
    source = source_text()
    for norm in catalog.principle_norms:
        assert f"{norm.id} {normalise(norm.text.nl)}" in source, norm.id


def test_principle_titles_and_descriptions_match_the_source(catalog: Catalog) -> None:
    source = source_text()
    for principle in catalog.principles:
        assert f"Beginsel {principle.id} {normalise(principle.title.nl)}" in source
        for paragraph in principle.description.nl.split("\n\n"):
            assert normalise(paragraph) in source, principle.id


def test_english_is_present_and_differs(catalog: Catalog) -> None:
    for norm in catalog.principle_norms:
        assert norm.text.en and norm.text.en != norm.text.nl and "TODO" not in norm.text.en
    assert "unofficial" in catalog.languages_note["en"].lower()


def test_norm_7_8_is_kept_cut_off_and_says_so(catalog: Catalog) -> None:
    norm = catalog.item("7.8")
    assert norm.text.nl.endswith("het gebruik van het behandelsysteem")
    assert norm.source_note is not None and "midden in de zin" in norm.source_note.nl
    assert "mid-sentence" in norm.source_note.en


def test_project_annotations(catalog: Catalog) -> None:
    critical = {n.id for n in catalog.principle_norms if n.critical}
    assert {"2.1", "2.2", "2.3", "3.5"} <= critical
    assert {n.scope for n in catalog.principle_norms} == {"service", "system", "both"}
    assert "niet die van de norm" in catalog.annotations_note.nl


def test_default_answer_set(catalog: Catalog) -> None:
    options = {o.id: (o.value, o.label.nl, o.label.en) for o in catalog.answer_set.options}
    assert options == {
        "met": (1, "voldaan", "met"),
        "partial": (0.5, "gedeeltelijk voldaan", "partially met"),
        "not_met": (0, "niet voldaan", "not met"),
        "na": (None, "niet van toepassing", "not applicable"),
    }


# --- broken catalogs: every defect names file, line and field -------------------------------


@pytest.fixture
def norms_copy(tmp_path: Path) -> Path:
    target = tmp_path / "norms"
    shutil.copytree(norms_directory(), target)
    return target


def _break(norms_copy: Path, old: str, new: str, count: int = 1) -> Path:
    path = norms_copy / "unodc-who-2020.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _error(norms_copy: Path) -> str:
    with pytest.raises(InputError) as info:
        load_catalog_from(norms_copy)
    return str(info.value)


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_copy_of_catalog_loads(norms_copy: Path) -> None:
    assert len(load_catalog_from(norms_copy).principle_norms) == 62


def test_missing_field(norms_copy: Path) -> None:
    path = _break(norms_copy, '  - id: "2.4"\n    principle: "2"\n', '  - id: "2.4"\n')
    line = _line_of(path, 'id: "2.4"')
    assert _error(norms_copy) == f"{path}:{line}: norms[13]: missing field 'principle'"


def test_duplicate_id(norms_copy: Path) -> None:
    path = _break(norms_copy, 'id: "2.5"', 'id: "2.4"')
    line = _line_of(path, 'id: "2.4"') + 0
    lines = [i for i, text in enumerate(path.read_text().splitlines(), 1) if 'id: "2.4"' in text]
    assert line == lines[0]
    assert _error(norms_copy) == f"{path}:{lines[1]}: norms[14].id: duplicate norm id '2.4'"


def test_unquoted_1_10_is_caught(norms_copy: Path) -> None:
    path = _break(norms_copy, 'id: "1.10"', "id: 1.10")
    line = _line_of(path, "id: 1.10")
    message = _error(norms_copy)
    assert message.startswith(f"{path}:{line}: norms[9].id: expected text, got the number 1.1")
    assert 'YAML reads unquoted 1.10 as 1.1: put it in quotes, "1.10"' in message


def test_wrong_principle(norms_copy: Path) -> None:
    path = _break(norms_copy, 'principle: "5"', 'principle: "9"')
    line = _line_of(path, 'principle: "9"')
    assert _error(norms_copy) == f"{path}:{line}: norms[38].principle: no principle '9' for norm '5.1'"


def test_bad_yaml(norms_copy: Path) -> None:
    path = _break(norms_copy, '  - id: "3.3"', '  - id: "3.3\n   oops: [')
    message = _error(norms_copy)
    assert message.startswith(f"{path}:") and "invalid YAML" in message
    assert int(message.split(":")[1]) >= _line_of(path, 'id: "3.3')


def test_duplicate_key(norms_copy: Path) -> None:
    path = _break(norms_copy, '    principle: "4"\n', '    principle: "4"\n    principle: "4"\n')
    line = _line_of(path, 'principle: "4"') + 1
    assert _error(norms_copy) == f"{path}:{line}: duplicate key 'principle' (first at line {line - 1})"


def test_missing_language(norms_copy: Path) -> None:
    path = norms_copy / "unodc-who-2020.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, text in enumerate(lines) if 'id: "6.2"' in text) + 4  # the en: line of 6.2
    assert lines[index].strip().startswith("en:")
    del lines[index]
    path.write_text("".join(lines), encoding="utf-8")
    assert _error(norms_copy) == f"{path}:{index - 1}: norms[46].text: missing field 'en'"


def test_unknown_field_and_bad_scope(norms_copy: Path) -> None:
    path = _break(norms_copy, "scope: system", "scope: national")
    line = _line_of(path, "scope: national")
    assert _error(norms_copy) == (f"{path}:{line}: norms[0].project.scope: 'national' is not one of "
                                  "service, system, both")
