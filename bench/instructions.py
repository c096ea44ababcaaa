"""The instructions a whole process executes, counted by valgrind (cachegrind without its cache model): the
one figure of the benches that does not move with the machine's load. Shared by the benches."""

from __future__ import annotations

import subprocess


def instructions(command: list[str], environ: dict[str, str]) -> int:
    """Instructions executed by ``command`` (with Python's hash seed fixed, so runs count alike)."""
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**environ, "PYTHONHASHSEED": "0"})
    line = next(x for x in done.stderr.splitlines() if "I   refs" in x or "I refs" in x)
    return int(line.split()[-1].replace(",", ""))
