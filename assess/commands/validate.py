"""assess validate: check assessment files."""

from __future__ import annotations

import argparse
import sys

NAME = "validate"
ORDER = 30
HELP = "check assessment files; print each problem as FILE:LINE: message (exit 0 or 2)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def run(args: argparse.Namespace) -> int:
    from assess.analysis.scoring import score
    from assess.commands._common import assessed_summary
    from assess.errors import InputError
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.terminal_text import say

    catalog = load_catalog()
    failed = False
    for path in dict.fromkeys(args.files):  # each file once (stdin can be read only once)
        try:
            loaded = assessment_file.load(path, catalog)
        except InputError as error:
            failed = True
            for problem in error.problems:
                say(problem, sys.stderr)
            continue
        for warning in loaded.warnings:
            say(warning, sys.stderr)
        if not args.quiet:
            summary = assessed_summary(score(loaded.assessment, catalog))
            say(f"{'<stdin>' if path == '-' else path}: ok ({summary})")
    return 2 if failed else 0
