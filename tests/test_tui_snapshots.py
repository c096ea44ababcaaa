"""SVG snapshots of the audit, summary and help screens at 80x24 (and the audit at 120x40).

Made with syrupy's single-file extension; update with ``pytest tests/test_tui_snapshots.py --snapshot-update``
after a deliberate change of the look, and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from tests.test_tui_support import copy_demo, open_app, run


class SVGSnapshot(SingleFileSnapshotExtension):
    file_extension = "svg"
    _write_mode = WriteMode.TEXT

    def serialize(self, data: Any, **_kwargs: Any) -> str:
        return str(data)


@pytest.fixture
def svg(snapshot, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("ASSESS_KEYMAP", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/auditor")  # the help screen names the keymap file
    return snapshot.use_extension(SVGSnapshot)


def screenshot(folder: Path, keys: tuple[str, ...], lang: str = "nl", size: tuple[int, int] = (80, 24)) -> str:
    """The demo (always named demo.yaml, dated in the file) after ``keys``, as SVG."""
    path = copy_demo(folder)

    async def shoot() -> str:
        app = open_app(path, lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            image = app.export_screenshot(title="assess")
            await app.saved()
        app.autosaver.close()
        return image

    return run(shoot())


def test_audit_screen(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ()) == svg


def test_audit_screen_with_an_action_in_english(tmp_path: Path, svg) -> None:
    # 1.7 (not met, with evidence, note and action): [ six times from 7.8, then j six times
    assert screenshot(tmp_path, ("l", *"[" * 6, *"j" * 6)) == svg


def test_summary_screen(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("s",)) == svg


def test_help_screen(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("question_mark",)) == svg


def test_help_screen_scrolled_to_the_keymap_note(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("question_mark", "end"), lang="en") == svg


def test_audit_screen_at_120x40(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("d",), lang="en", size=(120, 40)) == svg


def conflict_screenshot(folder: Path, keys: tuple[str, ...]) -> str:
    """The demo changed on disk by a colleague (one result and a note), the conflict dialog open, after ``keys``."""
    path = copy_demo(folder)

    async def shoot() -> str:
        app = open_app(path, lang="nl")
        async with app.run_test(size=(80, 24)) as pilot:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("result: met", 'result: partial\n    note: "Collega: rooster ontbreekt"', 1),
                            encoding="utf-8")
            app.autosaver.check()
            await app.saved()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            image = app.export_screenshot(title="assess")
        app.autosaver.close()
        return image

    return run(shoot())


def test_conflict_dialog(tmp_path: Path, svg) -> None:
    assert conflict_screenshot(tmp_path, ()) == svg


def test_conflict_dialog_asking_once_more(tmp_path: Path, svg) -> None:
    assert conflict_screenshot(tmp_path, ("k", "ctrl+o")) == svg


def test_too_small_a_terminal(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, (), size=(60, 20)) == svg


def test_reason_asked_after_a(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("a", *"geen jeugd")) == svg


def test_service_details_screen(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("i",)) == svg


def test_every_answer_in_a_table(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("o", "home")) == svg


def test_every_answer_in_a_table_in_english_filtered_to_gaps(tmp_path: Path, svg) -> None:
    assert screenshot(tmp_path, ("l", "o", "f", "3", "home")) == svg


def test_edit_form_cuts_a_long_norm_text_with_an_ellipsis(tmp_path: Path, svg) -> None:
    # 1.2 (a long norm text): [ six times from 7.8, then j once
    assert screenshot(tmp_path, (*"[" * 6, "j", "e")) == svg
