"""Print the shell command of the README's code block that follows a bold label ("**Test it**").

CI runs the README's test command itself, so the command a newcomer copies is the one that is tested.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def command(readme: str, label: str) -> str:
    match = re.search(r"\*\*" + re.escape(label) + r"\*\*.*?\n```sh\n(.*?)\n```", readme, re.DOTALL)
    if match is None:
        raise SystemExit(f"README.md: no ```sh block after **{label}**")
    return match.group(1).strip()


if __name__ == "__main__":
    print(command(Path("README.md").read_text(encoding="utf-8"), sys.argv[1]))
