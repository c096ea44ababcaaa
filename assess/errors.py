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


SHOWN_PROBLEMS = 100  # per file; a file with thousands of problems shows these and a count


def capped(problems: Iterable[Problem], limit: int = SHOWN_PROBLEMS) -> tuple[Problem, ...]:
    """The first ``limit`` problems of each file, then one ``FILE: ... and N more problems`` for the rest."""
    kept: list[Problem] = []
    count: dict[str, int] = {}
    for problem in problems:
        count[problem.file] = count.get(problem.file, 0) + 1
        if count[problem.file] <= limit:
            kept.append(problem)
    for file, number in count.items():
        if number > limit:
            last = max(k for k, p in enumerate(kept) if p.file == file)
            kept.insert(last + 1, Problem(file, None, f"... and {number - limit} more problems"))
    return tuple(kept)


class InputError(Exception):
    """Raised when an input file cannot be used; carries the problems found (at most ``SHOWN_PROBLEMS`` per
    file, then a count of the others)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = capped(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int | None, message: str) -> InputError:
        return cls([Problem(file, line, message)])

    def __reduce__(self) -> tuple[object, tuple[tuple[Problem, ...]]]:
        # pickled with its problems as they are (capped already), for a process that hands it to another
        return _input_error, (self.problems,)


def _input_error(problems: tuple[Problem, ...]) -> InputError:
    error = InputError.__new__(InputError)
    Exception.__init__(error, "\n".join(str(p) for p in problems))
    error.problems = problems
    return error


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
