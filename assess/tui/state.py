"""What the audit keeps between runs, in the user's state folder (no Textual here): the edit form's draft, so a
kill -9 or a closed laptop loses nothing typed, and the norm the user was on.

``$XDG_STATE_HOME/assess/`` (by default ``~/.local/state/assess/``), one small JSON file per assessment file,
named by a hash of the file's real path. Every write is atomic (a temporary file, synced, renamed), so a kill
at any moment leaves the old state or the new one, never half of one; a state file that cannot be read is
ignored, never an error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assess.files.hashing import sha256

DRAFT_SECONDS = 0.5  # the form's draft is written this long after the last key (debounced)
POSITION_SECONDS = 0.5

FieldValue = str | bool | None
DETAILS_DRAFT = "details"  # the norm id of a draft of the details form (no norm has this id)


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = Path(environ["XDG_STATE_HOME"]) if environ.get("XDG_STATE_HOME") else Path.home() / ".local" / "state"
    return base / "assess"


def _key(path: Path) -> str:
    return sha256(os.path.realpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _write_json(target: Path, data: dict[str, object]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _read_json(target: Path, path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("file") != os.path.realpath(path):
        return None
    return data


@dataclass(frozen=True)
class Draft:
    """What the edit form of one norm (or the details form: ``norm_id`` :data:`DETAILS_DRAFT`) held, field by
    field, when it was last written."""

    norm_id: str
    fields: dict[str, FieldValue] = field(default_factory=dict)
    written: str = ""  # local time, ISO 8601, to the second
    base: str = ""  # :func:`base_of` what the file held for the norm (or the details) as the draft was written


def base_of(value: object) -> str:
    """A short fingerprint of an answer or the details (frozen dataclasses: their repr says all they hold)."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class State:
    """The state files of one assessment file."""

    def __init__(self, path: Path, folder: Path | None = None) -> None:
        self.path = path
        self.folder = state_dir() if folder is None else folder
        key = _key(path)
        self.draft_file = self.folder / "drafts" / f"{key}.json"
        self.position_file = self.folder / "positions" / f"{key}.json"
        # the whole assessment while saving is paused (the file changed on disk and the user decides later)
        self.paused_file = self.folder / "paused" / f"{key}.yaml"

    def write_draft(self, draft: Draft) -> None:
        written = draft.written or dt.datetime.now().isoformat(timespec="seconds")
        _write_json(self.draft_file, {"file": os.path.realpath(self.path), "norm": draft.norm_id,
                                      "fields": draft.fields, "written": written, "base": draft.base})

    def read_draft(self) -> Draft | None:
        data = _read_json(self.draft_file, self.path)
        if data is None or not isinstance(data.get("norm"), str) or not isinstance(data.get("fields"), dict):
            return None
        given: dict[object, object] = data["fields"]  # type: ignore[assignment]
        fields = {str(k): v for k, v in given.items() if isinstance(v, str | bool) or v is None}
        return Draft(str(data["norm"]), fields, str(data.get("written", "")), str(data.get("base", "")))

    def drop_draft(self) -> None:
        with contextlib.suppress(OSError):
            self.draft_file.unlink(missing_ok=True)

    def write_paused(self, text: str) -> None:
        target = self.paused_file
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def read_paused(self) -> bytes | None:
        try:
            return self.paused_file.read_bytes()
        except OSError:
            return None

    def drop_paused(self) -> None:
        with contextlib.suppress(OSError):
            self.paused_file.unlink(missing_ok=True)

    def write_position(self, norm_id: str) -> None:
        _write_json(self.position_file, {"file": os.path.realpath(self.path), "norm": norm_id})

    def read_position(self) -> str | None:
        data = _read_json(self.position_file, self.path)
        norm = data.get("norm") if data else None
        return norm if isinstance(norm, str) else None
