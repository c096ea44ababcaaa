"""A file a person wrote by hand (comments, a layout of its own) is kept as it was before the audit first
replaces it: the first save, or a rename with --service. It was replaced without a backup, its comments gone."""

from __future__ import annotations

from pathlib import Path

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.tui import session
from tests.test_tui_support import SIZE, open_app, run, settle, toasts

HAND_WRITTEN = """assess: 1
checklist: unodc-who-2020
service: {name: "De Overloop"}
date: 2026-10-14
language: en
answers:
  "1.1": met   # confirmed with the team leader on 3 March
  # TODO: 1.2 waits for the new protocol, see mail of J. de Vries
"""


def test_the_first_save_keeps_a_hand_written_file_in_a_backup_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert list(tmp_path.glob("*.bak")) == [], "opened, nothing changed: nothing kept yet"
            await pilot.press("m")  # 1.2, the first not assessed
            await settle(app, pilot)
            await app.saved()
            await pilot.pause()
            [backup] = tmp_path.glob("s.yaml.before-audit-*.bak")
            assert any(backup.name in toast and "comments" in toast for toast in toasts(app))
            await pilot.press("n")
            await settle(app, pilot)
            await app.saved()
            await pilot.press("q")

    run(play())
    [backup] = tmp_path.glob("*.bak")
    assert backup.read_text(encoding="utf-8") == HAND_WRITTEN, "one backup, of the file as the person wrote it"
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert (saved.result("1.2"), saved.result("1.3")) == ("met", "not_met")


def test_a_file_written_by_assess_needs_no_backup(tmp_path: Path) -> None:
    from tests.test_tui_support import write_assessment

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await settle(app, pilot)
            await app.saved()
            await pilot.press("q")

    run(play())
    assert list(tmp_path.glob("*.bak")) == []


def test_renaming_the_service_at_open_keeps_a_hand_written_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    opened = session.open_or_create(path, load_catalog(), "en", service="Renamed")
    assert opened.backup is not None and opened.backup.read_text(encoding="utf-8") == HAND_WRITTEN
    assert assessment_file.load(str(path), load_catalog()).assessment.service.name == "Renamed"


def test_auditing_a_folder_or_an_unreadable_file_is_one_line(cli, tmp_path: Path, monkeypatch) -> None:
    status, _, err = cli("audit", str(tmp_path))
    assert (status, err) == (2, f"{tmp_path}: is a folder, not an assessment file\n")

    path = tmp_path / "s.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")

    def refused(_path: Path) -> str:
        raise PermissionError(13, "Permission denied", str(_path))

    monkeypatch.setattr(session, "fingerprint", refused)  # as for a file of mode 000, which root reads anyway
    status, _, err = cli("audit", str(path))
    assert (status, err) == (2, f"{path}: cannot read: Permission denied\n")
