"""The parts of the TUI without Textual: filters, moving between norms, opening files, autosave, keymap, labels."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.files import assessment_file
from assess.files.storage import digest, fingerprint
from assess.model.assessment import Answer, Position
from assess.model.catalog import Catalog
from assess.tui import session
from assess.tui.autosave import Autosaver
from assess.tui.keymap import keymap_path, load_keymap, parse_keymap
from assess.tui.keys import ALL_KEYS
from assess.tui.labels import LABELS
from assess.tui.session import Filter, Walk
from tests.test_tui_support import FIXED_DATE, write_assessment


def test_filters_keep_what_they_say(catalog: Catalog) -> None:
    system = next(n for n in catalog.principle_norms if n.scope == "system")
    both = next(n for n in catalog.principle_norms if n.scope == "both")
    disputed = Answer(None, disputed=(Position("A", "met"), Position("B", "na")))
    gaps = catalog.answer_set.gap_ids
    assert Filter().keeps(system, Answer(), gaps)
    assert not Filter(service_only=True).keeps(system, Answer(), gaps)
    assert Filter(service_only=True).keeps(both, Answer(), gaps)
    assert Filter("unassessed").keeps(both, Answer(), gaps) and not Filter("unassessed").keeps(both, Answer("na"), gaps)
    assert [Filter("gaps").keeps(both, Answer(r), gaps) for r in ("met", "partial", "not_met", "na", None)] == [
        False, True, True, False, False]
    assert Filter("disputed").keeps(both, disputed, gaps) and not Filter("disputed").keeps(both, Answer("met"), gaps)
    assert not Filter().active and Filter("gaps").active and Filter(service_only=True).active


def test_walk_moves(catalog: Catalog, tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met"), "1.3": Answer("partial"),
                                                   "outreach.2": Answer("not_met")}, settings=("outreach",))
    assessment = assessment_file.load(str(path), catalog).assessment
    walk = Walk.of(catalog, assessment, Filter())
    assert walk.first() == "1.1" and walk.next("1.1") == "1.2" and walk.previous("1.1") is None
    assert walk.next_section("1.4") == "2.1" and walk.previous_section("2.3") == "1.1"
    assert walk.next_section("7.2") == "outreach.1" and walk.next_section("outreach.1") is None
    assert walk.next_unassessed("1.1", assessment) == "1.2"
    assert walk.next_unassessed("outreach.13", assessment) == "1.2", "wraps round to the start"
    assert walk.position("1.3") == (3, 10)
    gaps = Walk.of(catalog, assessment, Filter("gaps"))
    assert [n.id for n in gaps.visible] == ["1.3", "outreach.2"]
    assert gaps.next("1.1") == "1.3" and gaps.next("1.3") == "outreach.2" and gaps.previous("1.3") is None
    assert gaps.nearest("2.1") == "outreach.2" and gaps.nearest("outreach.5") == "outreach.2"
    assert gaps.previous_section("outreach.2") == "1.3" and gaps.first_in_section("4") is None
    assert gaps.position("1.3") == (1, 1)


def test_open_or_create_writes_a_valid_blank_and_renames_on_request(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    opened = session.open_or_create(path, catalog, "nl", None, today=FIXED_DATE)
    assert opened.created and opened.fingerprint == fingerprint(path)
    loaded = assessment_file.load(str(path), catalog).assessment
    assert loaded.service.name == "Naam van de dienst" and loaded.language == "nl" and loaded.date == FIXED_DATE
    again = session.open_or_create(path, catalog, "en", "De Overloop")
    assert not again.created and again.assessment.service.name == "De Overloop"
    assert assessment_file.load(str(path), catalog).assessment.service.name == "De Overloop"
    assert again.fingerprint == fingerprint(path)


class Recorder:
    def __init__(self) -> None:
        self.events: list[str] = []
        self.done = threading.Event()

    def saved_to_disk(self, fingerprint: str) -> None:
        self.events.append("saved")

    def changed_on_disk(self) -> None:
        self.events.append("changed")

    def save_failed(self, error: OSError) -> None:
        self.events.append(f"failed: {error.strerror}")


def test_autosaver_writes_in_order_and_refuses_a_changed_file(catalog: Catalog, tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    opened = session.read(path, catalog)
    recorder = Recorder()
    saver = Autosaver(path, catalog, opened.fingerprint, recorder)
    assessment = opened.assessment
    for norm in catalog.principle_norms[:20]:
        assessment = assessment.with_answer(norm.id, Answer("met"))
        saver.save(assessment)
    saver.flushed().result()
    assert assessment_file.load(str(path), catalog).assessment == assessment, "the newest version is on disk"
    path.write_text(path.read_text(encoding="utf-8") + "# a hand edit\n", encoding="utf-8")
    theirs = path.read_text(encoding="utf-8")
    saver.save(assessment.with_answer("7.8", Answer("na")))
    saver.flushed().result()
    assert recorder.events[-1] == "changed" and saver.blocked
    assert path.read_text(encoding="utf-8") == theirs
    saver.save(assessment.with_answer("7.7", Answer("na")))
    saver.check()
    saver.flushed().result()
    assert path.read_text(encoding="utf-8") == theirs, "nothing is written until the user decides"
    mine = assessment.with_answer("7.7", Answer("na"))
    path.write_text(theirs + "# edited again\n", encoding="utf-8")
    saver.overwrite(mine, digest(theirs))  # over the version the user saw: it changed again, a new conflict
    saver.flushed().result()
    assert recorder.events[-1] == "changed" and saver.blocked
    assert path.read_text(encoding="utf-8") == theirs + "# edited again\n"
    saver.overwrite(mine, fingerprint(path))
    saver.flushed().result()
    assert assessment_file.load(str(path), catalog).assessment == mine and not saver.blocked
    saver.close()


def test_autosaver_check_notices_a_change(catalog: Catalog, tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {})
    recorder = Recorder()
    saver = Autosaver(path, catalog, fingerprint(path), recorder)
    saver.check()
    saver.flushed().result()
    assert recorder.events == []
    path.unlink()
    saver.check()
    saver.flushed().result()
    assert recorder.events == ["changed"]
    saver.close()


def test_keymap_file(tmp_path: Path) -> None:
    assert parse_keymap('score-met: "1"\nnext: [down, ctrl+n]\nquit: 9\n', "k.yaml") == {
        "score-met": "1", "next": "down,ctrl+n", "quit": "9"}
    assert parse_keymap("", "k.yaml") == {}
    with pytest.raises(InputError) as error:
        parse_keymap("next: {a: 1}\nnxet: j\n", "k.yaml")
    assert [str(p) for p in error.value.problems] == [
        "k.yaml:1: next: expected a key or a list of keys",
        "k.yaml:2: nxet: unknown binding id; did you mean 'next'?"]
    with pytest.raises(InputError):
        parse_keymap("- a\n", "k.yaml")
    assert keymap_path({"ASSESS_KEYMAP": "/x/k.yaml"}) == Path("/x/k.yaml")
    assert keymap_path({"XDG_CONFIG_HOME": "/c", "HOME": "/h"}) == Path("/c/assess/keymap.yaml")
    assert load_keymap({"XDG_CONFIG_HOME": str(tmp_path)}) == {}, "no file: no overrides"
    with pytest.raises(InputError):
        load_keymap({"ASSESS_KEYMAP": str(tmp_path / "missing.yaml")})


def test_every_key_has_a_unique_id_and_words_in_both_languages() -> None:
    ids = [key.id for key in ALL_KEYS]
    assert len(ids) == len(set(ids))
    for key in ALL_KEYS:
        for name in filter(None, (key.label, key.long, key.group)):
            assert name in LABELS
    for name, (nl, en) in LABELS.items():
        if name != "key.score":
            assert nl.strip() and en.strip(), name


def test_the_same_bytes_read_again_are_not_loaded_again(catalog: Catalog, tmp_path: Path) -> None:
    """`assess audit` reads the file, then opens it: the second read of the same bytes is the first one's."""
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    first = session.read(path, catalog)
    assert session.read(path, catalog) is first
    path.write_text(path.read_text(encoding="utf-8").replace("met", "not_met", 1), encoding="utf-8")
    changed = session.read(path, catalog)
    assert changed is not first and changed.fingerprint != first.fingerprint
    assert changed.assessment == assessment_file.load(str(path), catalog).assessment
    other = write_assessment(tmp_path / "b.yaml", {"1.1": Answer("met")})
    assert session.read(other, catalog).path == other, "another file with the same bytes is its own"
