"""Benchmark of the single-file commands' start (issue 18): `assess validate`, `report` and `norms`, whole
process, against `python -c "import yaml"`; not a unit test.

Runs in turn (A B C D A B C D ...) `python -c "import yaml"` and each command on the demo assessment, each a
whole process started from here, and prints each command's median time, the median of its ratios to the
baseline run next to it, every ratio, and the verdict against the goal (at most 2.5x), with the machine's
load. The processes run as after `pip install`: with bytecode (a PYTHONDONTWRITEBYTECODE in this shell is
dropped for them, as assess's sources would otherwise be compiled on every run while PyYAML's are compiled
at install) and with a cache folder of the bench's own, warmed by a first run of each command.

``--instructions`` also counts the instructions of each process with valgrind (the same however loaded the
machine is; a proxy for the time, not the goal).

    python bench/startup_bench.py [--pairs 9] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from instructions import instructions  # bench/instructions.py, beside this script

GOAL = 2.5
DEMO = Path(__file__).resolve().parents[1] / "assess" / "data" / "demo.yaml"


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def commands(demo: Path) -> dict[str, list[str]]:
    python = sys.executable
    return {
        'python -c "import yaml"': [python, "-c", "import yaml"],
        "assess validate demo.yaml": [python, "-m", "assess", "validate", str(demo)],
        "assess report demo.yaml": [python, "-m", "assess", "report", str(demo)],
        "assess norms": [python, "-m", "assess", "norms"],
    }


def timed(command: list[str], environ: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environ)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # report exits 1 on a gap-threshold only with --fail-under; never here
        sys.exit(f"{command} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=9, help="rounds of runs (default 9)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with valgrind")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="assess-startup-"))
    try:
        environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        environ["XDG_CACHE_HOME"] = str(work / "cache")
        demo = work / "demo.yaml"
        shutil.copy(DEMO, demo)
        runs = commands(demo)
        for command in runs.values():  # warm-up: bytecode and the cache written
            timed(command, environ)
        times: dict[str, list[float]] = {name: [] for name in runs}
        print(f"whole processes, {args.pairs} rounds in turn; python {sys.version.split()[0]}; {load_text()}")
        for _ in range(args.pairs):
            for name, command in runs.items():
                times[name].append(timed(command, environ))
        base_name = next(iter(runs))
        base = times[base_name]
        print(f"  {base_name:<28} median {statistics.median(base) * 1000:6.0f} ms")
        verdicts = []
        for name in list(runs)[1:]:
            ratios = [a / b for a, b in zip(times[name], base, strict=True)]
            ratio = statistics.median(ratios)
            verdicts.append((name, ratio))
            print(f"  {name:<28} median {statistics.median(times[name]) * 1000:6.0f} ms; ratio median {ratio:.2f} "
                  f"(runs {', '.join(f'{r:.2f}' for r in ratios)}; goal <= {GOAL}): "
                  f"{'met' if ratio <= GOAL else 'NOT met'}")
        if args.instructions and shutil.which("valgrind"):
            counts = {name: instructions(command, environ) for name, command in runs.items()}
            print("instructions (valgrind):")
            for name, count in counts.items():
                print(f"  {name:<28} {count / 1e6:6.0f} M  {count / counts[base_name]:.2f}x")
        print(f"verdict: {'; '.join(f'{n.split()[1]} {r:.2f}' for n, r in verdicts)} (goal <= {GOAL}) [{load_text()}]")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
