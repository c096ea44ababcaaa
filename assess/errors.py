"""Problems found in user input, reported as ``FILE:LINE: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One defect in one input file. ``line`` is 1-based, or None when unknown."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised when an input file cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int | None, message: str) -> InputError:
        return cls([Problem(file, line, message)])


def field_path(path: Iterable[object]) -> str:
    """Render a data path like ``answers."1.10".result`` for messages."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif isinstance(part, str) and part.replace("_", "").replace("-", "").isalnum():
            parts.append(f".{part}" if parts else part)
        else:
            parts.append(f'."{part}"' if parts else f'"{part}"')
    return "".join(parts) or "(top level)"
