"""`assess audit` and `assess demo` as commands: refusing what cannot work, before any TUI starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assess.commands import audit as audit_command
from assess.commands import demo as demo_command
from assess.files.paths import package_data

Cli = Callable[..., tuple[int, str, str]]


def test_audit_of_a_broken_file_prints_what_validate_prints(cli: Cli, write) -> None:
    path = write("broken.yaml", """
        assess: 1
        checklist: unodc-who-2020
        service: {name: "X"}
        answers:
          "1.1": mett
          "9.9": met
    """)
    status, out, err = cli("audit", str(path))
    _, _, validate_err = cli("validate", str(path))
    assert status == 2 and out == ""
    assert err == validate_err
    assert f"{path}:5: answers.\"1.1\": unknown result 'mett'" in err


def test_audit_without_a_terminal_exits_2_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    status, _out, err = cli("audit", str(path))
    assert status == 2
    assert "needs an interactive terminal" in err and len(err.strip().splitlines()) == 1
    assert not path.exists()


def test_audit_without_a_terminal_leaves_an_existing_file_alone(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    text = (package_data("data") / "demo.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    status, _out, _err = cli("audit", str(path), "--service", "Renamed")
    assert status == 2
    assert path.read_text(encoding="utf-8") == text


def test_audit_in_a_missing_folder_is_refused(cli: Cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    status, _out, err = cli("audit", str(tmp_path / "nope" / "a.yaml"))
    assert status == 2 and "does not exist" in err


def test_demo_never_overwrites_a_file_it_is_given(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    status, _out, err = cli("demo", str(path))
    assert status == 2 and "already exists" in err
    assert path.read_text(encoding="utf-8") == "keep me"


def test_demo_without_a_terminal_copies_nothing(cli: Cli, tmp_path: Path) -> None:
    status, _out, err = cli("demo", str(tmp_path / "d.yaml"))
    assert status == 2 and "needs an interactive terminal" in err
    assert not (tmp_path / "d.yaml").exists()


def test_demo_copies_to_a_free_name_and_opens_the_audit(cli: Cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple] = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    monkeypatch.setattr(audit_command, "run_audit", lambda *args, **kwargs: opened.append((*args, kwargs)) or 0)
    (tmp_path / "assess-demo.yaml").write_text("someone's", encoding="utf-8")
    status, _out, _err = cli("demo", "--lang", "en")
    assert status == 0
    copy = tmp_path / "assess-demo-2.yaml"
    assert copy.read_text(encoding="utf-8") == (package_data("data") / "demo.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "assess-demo.yaml").read_text(encoding="utf-8") == "someone's"
    assert opened == [(copy, None, "en", {"announce_label": "demo.copied"})]


def test_free_path_counts_up(tmp_path: Path) -> None:
    assert demo_command.free_path(tmp_path) == tmp_path / "assess-demo.yaml"
    (tmp_path / "assess-demo.yaml").touch()
    (tmp_path / "assess-demo-2.yaml").touch()
    assert demo_command.free_path(tmp_path) == tmp_path / "assess-demo-3.yaml"


def test_a_broken_keymap_stops_the_audit(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap = tmp_path / "keymap.yaml"
    keymap.write_text('score-met: "1"\nscore-mett: "2"\n', encoding="utf-8")
    monkeypatch.setenv("ASSESS_KEYMAP", str(keymap))
    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    status, _out, err = cli("audit", str(tmp_path / "a.yaml"))
    assert status == 2
    assert f"{keymap}:2: score-mett: unknown binding id; did you mean 'score-met'?" in err
    assert not (tmp_path / "a.yaml").exists(), "nothing is created when the audit cannot start"


@pytest.mark.parametrize("unsaved", [False, True])
def test_audit_says_on_exit_whether_everything_was_saved(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         unsaved: bool) -> None:
    from assess.tui import app as app_module
    from assess.tui import autosave

    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    monkeypatch.setattr(app_module.AuditApp, "run", lambda self: None)  # the user quits at once
    monkeypatch.setattr(autosave.Autosaver, "unsaved", property(lambda self: unsaved))
    path = tmp_path / "a.yaml"
    status, out, err = cli("audit", str(path), "--lang", "nl")
    if unsaved:
        assert (status, out) == (1, "")
        assert err == f"{path}: de laatste wijzigingen zijn NIET opgeslagen; het bestand bevat de stand van daarvoor\n"
    else:
        assert (status, err) == (0, "")
        assert out == f"{path}: 0 van 62 normen beoordeeld, opgeslagen. Rapport: assess report {path}\n"


def test_the_audit_starts_without_garbage_collection_and_has_it_from_its_first_frame(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`assess audit` collects no garbage while it starts (a full pass over the objects just imported took some
    25 ms of the start); the collector is on from the first frame, and after any end of the command."""
    import gc

    from textual.app import App

    from assess.tui import app as app_module

    seen: dict[str, bool] = {}

    async def at_first_frame(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()  # the app's Ready event handled (the autopilot starts just before it)
        seen["first frame"] = gc.isenabled()
        pilot.app.exit()

    def run(self: app_module.AuditApp) -> None:
        seen["start"] = gc.isenabled()
        App.run(self, headless=True, size=(80, 24), auto_pilot=at_first_frame)

    monkeypatch.setattr(audit_command, "needs_terminal", lambda _name: None)
    monkeypatch.setattr(app_module.AuditApp, "run", run)
    try:
        status, _out, _err = cli("audit", str(tmp_path / "a.yaml"), "--lang", "nl")
        assert status == 0 and seen == {"start": False, "first frame": True}
        assert gc.isenabled()
        status, _out, err = cli("audit", str(tmp_path / "nope" / "b.yaml"))  # refused before any TUI
        assert status == 2 and "does not exist" in err and gc.isenabled()
    finally:
        gc.enable()
