"""This project's words for a YAML syntax error: the same line and message under libyaml and the
pure-Python parser, whatever PyYAML's own wording (which differs between them and between releases)."""

from __future__ import annotations

import yaml

NO_ALIASES = "anchors and aliases (&name, *name) are not allowed in assess files: write the value out in full"


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character at ``mark`` ("" past the end of its line or without a mark)."""
    if mark is None:
        return ""
    lines = text.split("\n")
    source = lines[mark.line] if mark.line < len(lines) else ""
    return source[mark.column] if mark.column < len(source) else ""


def syntax_problem(err: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """Line and this project's words for a YAML syntax error.

    PyYAML's own wording differs between libyaml and the pure-Python parser and between releases, so
    the message is chosen from the kind of error and the text at its position, never copied from it.
    """
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return None, "the file cannot be read as YAML"
    line = mark.line + 1
    source = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
    char = _char_at(text, mark)
    opened = _char_at(text, err.context_mark)  # where the construct that failed began
    opened_line = err.context_mark.line + 1 if err.context_mark is not None else line
    if char == "\t" or "\t" in source[:len(source) - len(source.lstrip(" \t"))]:
        return line, "a tab indents this line: YAML indents with spaces only"
    if isinstance(err, yaml.constructor.ConstructorError):  # the safe loader knows no such tag
        tag = _tag_in(source)
        return line, (f"a YAML tag ({tag}) is not allowed in assess files: remove it" if tag else
                      "a YAML tag is not allowed in assess files: remove it")
    if isinstance(err, yaml.composer.ComposerError) and source.startswith(("---", "...")):
        return line, "a second YAML document starts here; an assessment file is one document (remove the ---)"
    if isinstance(err, yaml.composer.ComposerError) and "*" in (char, opened):
        return line, f"an alias; {NO_ALIASES}"
    if opened in ("'", '"') and opened_line != line:
        return opened_line, "a quote opened on this line is never closed"
    if opened in ("[", "{") and opened_line != line:
        return opened_line, f"a {opened!r} opened on this line is never closed"
    if isinstance(err, yaml.scanner.ScannerError):
        if char in ("@", "`", "%"):
            return line, f"a value cannot start with {char!r}: put the value in quotes"
        if char == ":":
            return line, "a ':' inside a value: put the value in quotes"
        return line, "a character here cannot be read: put the value in quotes"
    return line, "the structure breaks here: check the indentation (keys of one level start in one column)"


def _tag_in(line: str) -> str:
    """The first ``!tag`` on ``line`` (as written, at most 60 characters), or ""."""
    import re

    found = re.search(r"(?:^|[\s\[{,:-])(!\S*)", line)
    return found.group(1)[:60] if found else ""
