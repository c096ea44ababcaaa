"""assess report: the gap report of one assessment."""

from __future__ import annotations

import argparse
import sys

from assess.commands._common import add_lang, not_an_input, percent, print_warnings, write_output
from assess.terminal_text import say

NAME = "report"
ORDER = 40
HELP = "write the gap report of an assessment file (Markdown, JSON or CSV)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="assessment file, or - for stdin")
    parser.add_argument("--format", choices=("md", "json", "csv"), default="md")
    add_lang(parser)
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (default or -: stdout)")
    parser.add_argument("--fail-under", type=percent, metavar="PCT",
                        help="exit 1 when the overall score is under PCT, 0 to 100 (or there is none)")
    parser.add_argument("--fail-on-critical", action="store_true",
                        help="exit 1 when a critical norm is not met")
    parser.add_argument("--previous", metavar="FILE",
                        help="an earlier assessment of the same service: adds a trend column (↑ ↓ =) "
                             "to the principles and settings tables (Markdown only)")


def run(args: argparse.Namespace) -> int:
    from assess import assessment
    from assess.catalog import load_catalog
    from assess.i18n import resolve_language
    from assess.reports import renderer
    from assess.scoring import score

    not_an_input(args.output, [args.file, args.previous], "report")
    catalog = load_catalog()
    loaded = assessment.load(args.file, catalog)
    print_warnings(loaded.warnings)
    card = score(loaded.assessment, catalog)
    lang = resolve_language(args.lang, loaded.assessment.language)
    if args.previous:
        write_output(args.output, renderer(args.format)(card, lang, previous=_previous(args, catalog, card)))
    else:
        write_output(args.output, renderer(args.format)(card, lang))
    name = "<stdin>" if args.file == "-" else args.file
    if args.fail_under is not None and card.score is None:
        say(f"{name}: no overall score (every norm of the principles is na or not assessed), "
            f"which counts as under {args.fail_under:g}", sys.stderr)
        return 1
    if args.fail_under is not None and card.score < args.fail_under:
        say(f"{name}: overall score {card.score} is under {args.fail_under:g}", sys.stderr)
        return 1
    if args.fail_on_critical and card.critical_failures:
        say(f"{name}: critical norm not met: {', '.join(n.id for n in card.critical_failures)}", sys.stderr)
        return 1
    return 0


def _previous(args: argparse.Namespace, catalog, card):
    """The scorecard of ``--previous``; a different service name is a warning, not an error."""
    from assess import assessment
    from assess.compare import line_in, same_service
    from assess.errors import InputError, Problem
    from assess.scoring import score

    if args.format != "md":
        raise InputError.single("--previous", None, "--previous adds a trend column to the Markdown report; "
                                "use --format md (or `assess diff --format json` for machines)")
    if args.previous == "-" and args.file == "-":
        raise InputError.single("<stdin>", None, "only one of FILE and --previous can be read from stdin")
    previous = assessment.load(args.previous, catalog)
    print_warnings(previous.warnings)
    name, before = previous.assessment.service.name, card.assessment.service.name
    if not same_service(name, before):
        where = "<stdin>" if args.previous == "-" else args.previous
        say(Problem(where, line_in(previous.text, where, ["service", "name"]),
                    f"warning: service.name: {name!r} differs from {before!r} in {args.file}"), sys.stderr)
    return score(previous.assessment, catalog)
