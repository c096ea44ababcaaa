"""Read-only files and folders, and the lock that keeps a second audit of one file read-only (without Textual)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assess.tui import lock


def test_a_file_or_folder_without_write_permission_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x", encoding="utf-8")
    assert lock.read_only_reason(path) is None
    path.chmod(0o444)
    assert lock.read_only_reason(path) == lock.READ_ONLY_FILE, "mode 0444 is read-only, even for root"
    path.chmod(0o644)
    tmp_path.chmod(0o555)
    try:
        assert lock.read_only_reason(path) == lock.READ_ONLY_FOLDER
        assert lock.read_only_reason(tmp_path / "new.yaml") == lock.READ_ONLY_FOLDER
    finally:
        tmp_path.chmod(0o755)


def test_one_lock_per_file_released_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    first = lock.acquire(path)
    assert first is not None and first.fd >= 0
    assert lock.acquire(path) is None, "a second audit of the file does not get the lock"
    assert lock.holder(path) == f"pid {os.getpid()}"
    first.release()
    assert not lock.lock_path(path).exists()
    again = lock.acquire(path)
    assert again is not None and again.fd >= 0
    again.release()


def test_a_killed_holder_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    code = ("import sys, time; from pathlib import Path; from assess.tui import lock; "
            f"held = lock.acquire(Path({str(path)!r})); print('held', flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert lock.acquire(path) is None
        child.kill()
        child.wait(timeout=10)
        taken = lock.acquire(path)
        assert taken is not None and taken.fd >= 0, "the kernel dropped the killed process's lock"
        taken.release()
    finally:
        if child.poll() is None:
            child.kill()


def test_a_read_only_file_opens_read_only_says_so_and_saves_nothing(tmp_path: Path) -> None:
    import pytest

    from assess.errors import InputError
    from assess.files.catalog_file import load_catalog
    from assess.tui import session
    from assess.tui.components.edit_screen import EditScreen
    from assess.tui.components.title_bar import TitleBar
    from tests.test_tui_support import SIZE, open_app, run, settle, text, toasts, write_assessment

    path = write_assessment(tmp_path / "a.yaml", {})
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(InputError, match="read-only"):
        session.open_or_create(path, load_catalog(), "nl", service="Andere naam")

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "alleen-lezen: bestand schrijfbeveiligd" in text(app.screen.query_one(TitleBar))
            assert any("schrijfbeveiligd" in toast for toast in toasts(app))
            await pilot.press("m", "p", "e")
            await settle(app, pilot)
            assert not isinstance(app.screen, EditScreen), "no form to type into that could not be saved"
            assert app.assessment.answers == {}
            assert any("Alleen-lezen: er wordt niets gewijzigd" in toast for toast in toasts(app))
            await pilot.press("q")

    try:
        run(play())
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_a_second_audit_of_an_open_file_is_read_only_follows_the_first_and_may_insist(tmp_path: Path) -> None:
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.tui.components.title_bar import TitleBar
    from tests.test_tui_support import SIZE, open_app, run, settle, text, toasts, write_assessment

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        first = open_app(path)
        async with first.run_test(size=SIZE) as pilot1:
            second = open_app(path)
            async with second.run_test(size=SIZE) as pilot2:
                await pilot2.pause()
                assert "read-only: open elsewhere (^w: edit anyway)" in text(second.screen.query_one(TitleBar))
                assert any(f"already open in another assess (pid {os.getpid()})" in t for t in toasts(second))
                await pilot2.press("n")
                await settle(second, pilot2)
                assert second.assessment.answers == {}
                assert second.screen.current == "1.1", "a refused score does not move on"
                await pilot1.press("m")  # the first audit saves; the second shows it
                await settle(first, pilot1)
                second.autosaver.check()
                await settle(second, pilot2)
                assert second.assessment.result("1.1") == "met"
                await pilot2.press("ctrl+w")
                assert second.read_only, "insisting is asked once more"
                await pilot2.press("ctrl+w")
                assert not second.read_only
                await settle(second, pilot2)
                assert "read-only" not in text(second.screen.query_one(TitleBar)), "the top line says so at once"
                await pilot2.press("j", "p")  # 1.2 partial
                await settle(second, pilot2)
            await pilot1.press("q")

    run(play())
    saved = assessment_file.load(str(path), load_catalog()).assessment
    assert (saved.result("1.1"), saved.result("1.2")) == ("met", "partial")
    assert not lock.lock_path(path).exists(), "the lock is gone when the audit ends"


def test_a_signed_assessment_opens_read_only_and_says_how_to_reopen_it(cli, tmp_path: Path) -> None:
    from assess.model.assessment import Answer
    from assess.tui.components.title_bar import TitleBar
    from tests.test_tui_support import SIZE, open_app, run, settle, text, toasts, write_assessment

    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    assert cli("sign", str(path), "--by", "M. de Vries")[0] == 0
    signed = path.read_bytes()

    async def play() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "ondertekend" in text(app.screen.query_one(TitleBar))
            assert any(f"assess reopen {path.name}" in toast for toast in toasts(app))
            await pilot.press("n")
            await settle(app, pilot)
            assert app.assessment.answer("1.1").result == "met"
            await pilot.press("q")

    run(play())
    assert path.read_bytes() == signed
    assert cli("reopen", str(path))[0] == 0  # reopened, the audit may change it again

    async def change() -> None:
        app = open_app(path, lang="nl")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "ondertekend" not in text(app.screen.query_one(TitleBar))
            await pilot.press("q")

    run(change())


def test_a_file_made_read_only_while_the_audit_is_open_is_not_replaced_until_it_is_writable_again(
        tmp_path: Path) -> None:
    """chmod 444 on the open file (someone froze it): the audit's saves are refused, as when the folder is
    read-only, and the score waits, kept; once writable again it is saved. Before, the audit renamed its save
    over the frozen file, which kept the mode 444."""
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from tests.test_tui_support import SIZE, open_app, run, settle, write_assessment

    path = write_assessment(tmp_path / "a.yaml", {})

    async def play() -> None:
        app = open_app(path, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            path.chmod(0o444)
            before = path.read_bytes()
            await pilot.press("m")
            await settle(app, pilot)
            await app.saved()
            assert path.read_bytes() == before, "the frozen file is left as it is"
            assert app.autosaver.unsaved and app.save_state.kind == "failed"
            path.chmod(0o644)
            app.autosaver.check()
            await settle(app, pilot)
            await app.saved()
            assert not app.autosaver.unsaved
            await pilot.press("q")

    try:
        run(play())
    finally:
        path.chmod(0o644)
    assert assessment_file.load(str(path), load_catalog()).assessment.result("1.1") == "met"
