"""assess report: the gap report of one assessment."""

from __future__ import annotations

import argparse
import sys

from assess.commands._common import add_excel_nl, add_lang, not_an_input, percent, print_warnings, write_output
from assess.terminal_text import say

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from assess.analysis.scoring import Scorecard
    from assess.model.catalog import Catalog

_WITH_PREVIOUS = ("md", "html", "docx")  # the formats --previous adds a trend to

NAME = "report"
ORDER = 40
HELP = "write the gap report of an assessment file (Markdown, JSON, CSV, an Excel workbook, HTML or Word)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="assessment file, or - for stdin")
    parser.add_argument("--format", choices=("md", "json", "csv", "xlsx", "html", "docx"), default="md",
                        help="md (default), json, csv (one row per norm), xlsx (a workbook: summary, norms, "
                             "actions; needs -o FILE), html (one self-contained page with charts), docx (an "
                             "editable Word document; needs -o FILE)")
    add_excel_nl(parser)
    add_lang(parser)
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (default or -: stdout)")
    parser.add_argument("--fail-under", type=percent, metavar="PCT",
                        help="exit 1 when the overall score is under PCT, 0 to 100 (or there is none)")
    parser.add_argument("--fail-on-critical", action="store_true",
                        help="exit 1 when a critical norm (or setting item) is not fully met, "
                             "or a critical norm is disputed")
    parser.add_argument("--previous", metavar="FILE",
                        help="an earlier assessment of the same service: adds a trend column (↑ ↓ =) "
                             "to the principles and settings tables (Markdown, HTML and Word; HTML also draws "
                             "it over the radar chart)")


def run(args: argparse.Namespace) -> int:
    from assess.analysis.scoring import score
    from assess.errors import InputError
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.i18n import resolve_language
    from assess.render import renderer

    not_an_input(args.output, [args.file, args.previous], "report")
    if args.format == "xlsx" and (args.output in (None, "-") or not args.output.strip()):
        raise InputError.single("-o", None, "a workbook is written to a file: give -o FILE.xlsx")
    if args.format == "docx" and (args.output in (None, "-") or not args.output.strip()):
        raise InputError.single("-o", None, "a Word document is written to a file: give -o FILE.docx")
    if args.excel_nl and args.format != "csv":
        raise InputError.single("--excel-nl", None, "--excel-nl changes the CSV report: use it with --format csv")
    catalog = load_catalog()
    loaded = assessment_file.load(args.file, catalog)
    print_warnings(loaded.warnings)
    card = score(loaded.assessment, catalog)
    lang = resolve_language(args.lang, loaded.assessment.language)
    if args.previous and args.format in _WITH_PREVIOUS:
        from assess.render import previous_renderer

        previous = _previous(args, catalog, card)
        write_output(args.output, previous_renderer(args.format)(card, lang, previous))
    elif args.previous:
        _previous(args, catalog, card)  # refuses the format
    elif args.format == "csv":
        from assess.render.gap_csv import render as render_csv

        write_output(args.output, render_csv(card, lang, excel_nl=args.excel_nl))
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
    floor = card.critical_failures + card.critical_setting_failures
    if args.fail_on_critical and (floor or card.critical_disputed):
        if floor:
            say(f"{name}: critical norm not fully met: {', '.join(n.id for n in floor)}", sys.stderr)
        if card.critical_disputed:
            say(f"{name}: critical norm disputed: {', '.join(n.id for n in card.critical_disputed)}", sys.stderr)
        return 1
    return 0


def _previous(args: argparse.Namespace, catalog: Catalog, card: Scorecard) -> Scorecard:
    """The scorecard of ``--previous``; a different service name is a warning, not an error."""
    from assess.analysis.compare import same_service
    from assess.analysis.scoring import score
    from assess.errors import InputError, Problem
    from assess.files import assessment_file

    if args.format not in _WITH_PREVIOUS:
        raise InputError.single("--previous", None, "--previous adds a trend to the Markdown, HTML and Word "
                                "reports; use --format md, html or docx (or `assess diff --format json` for machines)")
    if args.previous == "-" and args.file == "-":
        raise InputError.single("<stdin>", None, "only one of FILE and --previous can be read from stdin")
    previous = assessment_file.load(args.previous, catalog)
    print_warnings(previous.warnings)
    name, before = previous.assessment.service.name, card.assessment.service.name
    if not same_service(name, before):
        where = "<stdin>" if args.previous == "-" else args.previous
        say(Problem(where, previous.line_of(["service", "name"]),
                    f"warning: service.name: {name!r} differs from {before!r} in {args.file}"), sys.stderr)
    return score(previous.assessment, catalog)
