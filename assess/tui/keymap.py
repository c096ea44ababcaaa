"""The user's key overrides: a YAML mapping of binding id to key(s).

Read from ``$ASSESS_KEYMAP`` when set, else ``$XDG_CONFIG_HOME/assess/keymap.yaml`` (by default
``~/.config/assess/keymap.yaml``). A missing default file is fine; a broken one stops the audit with
``FILE:LINE: message``, like every other input of assess.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path

from assess.errors import InputError, Problem
from assess.files.strict_yaml import parse
from assess.tui.keys import ALL_KEYS, APP_KEYS, AUDIT_KEYS, CONFLICT_KEYS, OVERVIEW_KEYS, SUMMARY_KEYS, Key

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# The keys active together: the app's keys are active on every screen, each screen adds its own.
SCOPES = (APP_KEYS + AUDIT_KEYS, APP_KEYS + SUMMARY_KEYS, APP_KEYS + OVERVIEW_KEYS, APP_KEYS + CONFLICT_KEYS)


def known_key(name: str) -> bool:
    """True for a key name Textual can deliver: ``m``, ``1``, ``f5``, ``ctrl+e``, ``question_mark``, ``pagedown``."""
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

    *modifiers, base = name.split("+")
    if not base or not set(modifiers) <= MODIFIERS or len(set(modifiers)) != len(modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    if base in {key.value for key in Keys} or base in KEY_NAME_REPLACEMENTS.values():
        return True
    character = key_to_character(base)  # unicode names: question_mark, left_square_bracket, full_stop
    return character is not None and len(character) == 1 and character.isascii() and character.isprintable()


def clashes(keymap: Mapping[str, str], scopes: tuple[tuple[Key, ...], ...] = SCOPES) -> list[str]:
    """Each key that two binding ids of one screen would share, as "KEY: id1 and id2"."""
    found: dict[str, None] = {}
    for scope in scopes:
        holders: dict[str, list[str]] = {}
        for key in scope:
            for name in keymap.get(key.id, key.keys).split(","):
                holders.setdefault(name.strip(), []).append(key.id)
        for name, ids in holders.items():
            if len(ids) > 1:
                found[f"{name!r}: {' and '.join(ids)}"] = None
    return list(found)



def keymap_path(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("ASSESS_KEYMAP"):
        return Path(environ["ASSESS_KEYMAP"]).expanduser()
    config = Path(environ["XDG_CONFIG_HOME"]) if environ.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return config / "assess" / "keymap.yaml"


def parse_keymap(text: str, name: str) -> dict[str, str]:
    doc = parse(text, name)
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise InputError.single(name, doc.line_of([]), "a keymap must be a mapping of binding id to key(s), "
                                "e.g. `score-met: \"1\"`")
    known = [key.id for key in ALL_KEYS]
    problems = []
    keymap: dict[str, str] = {}
    for binding_id, value in doc.data.items():
        line = doc.line_of([binding_id])
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known ids: {', '.join(known)}"
            problems.append(Problem(name, line, f"{binding_id}: unknown binding id{hint}"))
            continue
        if isinstance(value, str | int) and not isinstance(value, bool):
            keys = [part.strip() for part in str(value).split(",")]
        elif isinstance(value, list) and all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
            keys = [str(v).strip() for v in value]
        else:
            problems.append(Problem(name, line, f"{binding_id}: expected a key or a list of keys"))
            continue
        if not keys or not all(keys):
            problems.append(Problem(name, line, f"{binding_id}: empty key"))
            continue
        unknown = [key for key in keys if not known_key(key)]
        if unknown:
            problems.append(Problem(name, line, f"{binding_id}: unknown key name {unknown[0]!r} (examples: "
                                    "'m', '1', 'f5', 'ctrl+e', 'question_mark', 'pagedown')"))
            continue
        if "ctrl+q" in keys and binding_id != "quit":
            problems.append(Problem(name, line, f"{binding_id}: ctrl+q always quits; choose another key"))
            continue
        keymap[binding_id] = ",".join(keys)
    if not problems:
        for clash in clashes(keymap):
            problems.append(Problem(name, None, f"two bindings on one key: {clash}"))
    if problems:
        raise InputError(problems)
    return keymap


def load_keymap(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    path = keymap_path(environ)
    explicit = bool((os.environ if environ is None else environ).get("ASSESS_KEYMAP"))
    if not path.exists():
        if explicit:
            raise InputError.single(str(path), None, "no such file (named by ASSESS_KEYMAP)")
        return {}
    from assess.files import input_file

    data = input_file.read_bytes(str(path), "a keymap")  # a FIFO or a device refused at once (a FIFO hung)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError.single(str(path), None, f"cannot read the keymap: byte 0x{data[error.start]:02X} at "
                                f"offset {error.start} is not UTF-8") from None
    return parse_keymap(text, str(path))


def shown_path(path: Path) -> str:
    """``path`` as a person would type it: ``~/…`` under the home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
