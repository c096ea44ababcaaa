"""Fail when the environment holds a distribution that constraints.txt does not pin, or another version.

Run after installing with ``pip install -c constraints.txt``: a dependency added to pyproject.toml
without refreshing the lock would otherwise be installed at whatever version was newest that day.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

# Tools of the virtual environment itself and the project under test; everything else must be locked.
NOT_LOCKED = {"pip", "setuptools", "wheel", "assess"}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, str]:
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if match:
            found[normalize(match.group(1))] = match.group(2)
    return found


def main() -> int:
    lock = Path(sys.argv[1] if len(sys.argv) > 1 else "constraints.txt")
    locked = pins(lock)
    problems = []
    for dist in metadata.distributions():
        name = normalize(dist.metadata["Name"])
        if name in NOT_LOCKED:
            continue
        if name not in locked:
            problems.append(f"{lock}: {name} {dist.version} is installed but not pinned (refresh the lock)")
        elif locked[name] != dist.version:
            problems.append(f"{lock}: {name} is pinned at {locked[name]} but {dist.version} is installed")
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{lock}: every installed distribution is pinned ({len(locked)} pins)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
