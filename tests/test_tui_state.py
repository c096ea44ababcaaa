"""The audit's state between runs (drafts, position), without Textual."""

from __future__ import annotations

from pathlib import Path

from assess.tui.state import Draft, State, state_dir


def test_the_state_folder_follows_xdg() -> None:
    assert state_dir({"XDG_STATE_HOME": "/x/state"}) == Path("/x/state/assess")
    assert state_dir({}) == Path.home() / ".local" / "state" / "assess"


def test_drafts_and_positions_round_trip_per_file_and_never_fail(tmp_path: Path) -> None:
    one, two = State(tmp_path / "a.yaml", tmp_path / "st"), State(tmp_path / "b.yaml", tmp_path / "st")
    assert one.read_draft() is None and one.read_position() is None
    one.write_draft(Draft("1.7", {"note": "Rooster \x1b [/b]", "done": True, "priority": None}))
    one.write_position("4.7")
    draft = one.read_draft()
    assert draft is not None and (draft.norm_id, draft.fields) == ("1.7", {"note": "Rooster \x1b [/b]", "done": True,
                                                                           "priority": None})
    assert draft.written, "the draft says when it was written"
    assert one.read_position() == "4.7" and two.read_draft() is None and two.read_position() is None
    assert not [p for p in (tmp_path / "st").rglob("*.tmp")], "no temporary file is left"
    one.draft_file.write_text("{broken", encoding="utf-8")
    assert one.read_draft() is None, "a broken state file is ignored"
    one.drop_draft()
    assert not one.draft_file.exists()
    one.drop_draft()  # twice is fine
