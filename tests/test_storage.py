"""Saving never loses work: atomic replace, and no overwrite of a file changed on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assess.files.storage import ChangedOnDisk, atomic_write, digest, fingerprint, guarded_write


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    first = atomic_write(path, "one\n")
    assert path.read_text() == "one\n" and first == digest("one\n") == fingerprint(path)
    os.chmod(path, 0o600)
    atomic_write(path, "two\n")
    assert path.read_text() == "two\n" and (path.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_guarded_write_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    known = guarded_write(path, "mine\n", expected=None)  # a new file
    path.write_text("edited by hand\n")
    with pytest.raises(ChangedOnDisk):
        guarded_write(path, "mine, later\n", expected=known)
    assert path.read_text() == "edited by hand\n"
    again = guarded_write(path, "mine, later\n", expected=fingerprint(path))
    assert path.read_text() == "mine, later\n" and again == fingerprint(path)


def test_guarded_write_refuses_to_create_over_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("someone else's\n")
    with pytest.raises(ChangedOnDisk):
        guarded_write(path, "mine\n", expected=None)


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    atomic_write(path, "safe\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(path, "never\n")
    assert path.read_text() == "safe\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "2026.md"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "latest.md"
    link.symlink_to(target)
    atomic_write(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["2026.md"]
