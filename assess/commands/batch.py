"""assess batch: gap reports for many services at once, plus a portfolio overview."""

from __future__ import annotations

import argparse
import os

from assess.commands._common import add_excel_nl, add_lang, percent

NAME = "batch"
ORDER = 45
HELP = ("write the gap report of every assessment file found, plus portfolio.md and portfolio.json "
        "(and portfolio.csv, portfolio.xlsx with those formats)")

EPILOG = """\
INPUT is a file, a folder (searched recursively for *.yaml and *.yml, hidden ones skipped) or - for a list
of paths on stdin, one per line. Reports are named after the service (folded to a-z, 0-9 and -;
the second "De Overloop" in path order becomes de-overloop-2). Failures are printed as FILE:LINE: message
and listed in the portfolio under "not processed"; the other files are still processed.
--format csv also writes portfolio.csv (one row per service); xlsx writes portfolio.xlsx (sheets: services,
norms, gaps, action plan); html writes each service's report as one page and portfolio.html (a heat map of
services x principles, the distribution of scores, links to the reports). --group-by kind|location makes a
section of the portfolio's matrix per kind or location (portfolio.md and portfolio.html). --excel-nl makes
every CSV open in a Dutch Excel by double-click.
Exit status: 0 all well; 1 a service is under --fail-under, or (--fail-on-critical) has a critical norm not
fully met or disputed; 2 an input could not be processed (2 wins).
"""


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _formats(value: str) -> tuple[str, ...]:
    from assess.render import ALL_FORMATS

    chosen: list[str] = []
    for part in value.split(","):
        fmt = part.strip().lower()
        if fmt not in ALL_FORMATS:
            raise argparse.ArgumentTypeError(f"unknown format {fmt!r}; choose from {', '.join(ALL_FORMATS)}")
        if fmt not in chosen:
            chosen.append(fmt)
    return tuple(chosen)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="assessment files, folders, or - (paths on stdin)")
    parser.add_argument("-o", "--out", required=True, metavar="DIR",
                        help="folder for the reports and the portfolio (created if needed; reports of the "
                             "same name are replaced)")
    parser.add_argument("--format", type=_formats, default=("md",), metavar="md,json,csv,xlsx,html",
                        help="report formats per service, comma-separated (default: md); csv adds portfolio.csv "
                             "(a row per service), xlsx adds portfolio.xlsx (services, norms, gaps, action plan), "
                             "html adds portfolio.html (heat map, distribution, links to the reports)")
    parser.add_argument("--group-by", choices=("kind", "location"), default=None,
                        help="a section of the portfolio's matrix (portfolio.md) and heat map (portfolio.html) "
                             "per kind or location of service")
    add_excel_nl(parser)
    add_lang(parser)
    parser.add_argument("--fail-under", type=percent, metavar="PCT",
                        help="exit 1 when a service's overall score is under PCT, 0 to 100 (or it has none)")
    parser.add_argument("--fail-on-critical", action="store_true",
                        help="exit 1 when a counted service has a critical norm not fully met or disputed")
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: the number of CPUs); the output is the same for any N")


def run(args: argparse.Namespace) -> int:
    from assess import batch
    from assess.errors import InputError

    if args.excel_nl and "csv" not in args.format:
        raise InputError.single("--excel-nl", None, "--excel-nl changes the CSV outputs: add csv to --format")
    outcome = batch.run(args.inputs, args.out, formats=args.format, lang=args.lang,
                        jobs=args.jobs or _default_jobs(), fail_under=args.fail_under, excel_nl=args.excel_nl,
                        group_by=args.group_by, fail_on_critical=args.fail_on_critical)
    return outcome.exit_code
