"""assess diff: what changed between two assessments of one service."""

from __future__ import annotations

import argparse

from assess.commands._common import add_lang, not_an_input, print_warnings, write_output
from assess.terminal_text import say

NAME = "diff"
ORDER = 45
HELP = "compare two assessments of one service: score changes, norms improved or regressed, gaps, actions"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier assessment file")
    parser.add_argument("new", metavar="NEW", help="the later assessment file")
    parser.add_argument("--format", choices=("md", "json", "html"), default="md",
                        help="md (default), json, html (one self-contained page with the radar of both)")
    add_lang(parser)
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (default or -: stdout)")
    parser.add_argument("--force", action="store_true",
                        help="compare even when the two files name different services")


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def run(args: argparse.Namespace) -> int:
    import sys

    from assess.analysis.compare import compare, same_service
    from assess.errors import InputError, Problem
    from assess.files import assessment_file
    from assess.files.catalog_file import load_catalog
    from assess.i18n import resolve_language

    if args.old == "-" and args.new == "-":
        raise InputError.single("<stdin>", None, "only one of OLD and NEW can be read from stdin")
    not_an_input(args.output, [args.old, args.new], "comparison")
    catalog = load_catalog()
    old = assessment_file.load(args.old, catalog)
    new = assessment_file.load(args.new, catalog)
    print_warnings(old.warnings + new.warnings)
    a, b = old.assessment, new.assessment
    if a.checklist != b.checklist:  # the loader accepts one checklist only; kept for when there are more
        raise InputError.single(_name(args.new), new.line_of(["checklist"]),
                                f"checklist: {b.checklist!r} differs from {a.checklist!r} in {_name(args.old)}")
    if not same_service(a.service.name, b.service.name):
        line = new.line_of(["service", "name"])
        message = f"service.name: {b.service.name!r} differs from {a.service.name!r} in {_name(args.old)}"
        if not args.force:
            raise InputError.single(_name(args.new), line, message + "; not the same service? "
                                    "(use --force to compare anyway)")
        say(Problem(_name(args.new), line, f"warning: {message}; compared anyway (--force)"), sys.stderr)
    if a.checklist_version and b.checklist_version and a.checklist_version != b.checklist_version:
        # The loader rejects ids this catalog does not know, so every id of both files maps onto it.
        line = old.line_of(["checklist_version"])
        say(Problem(_name(args.old), line,
                    f"warning: checklist_version {a.checklist_version} differs from {b.checklist_version} in "
                    f"{_name(args.new)}; norms compared by id (all ids are in {catalog.id} version "
                    f"{catalog.version})"), sys.stderr)
    if a.date and b.date and a.date > b.date:
        line = old.line_of(["date"])
        say(Problem(_name(args.old), line,
                    f"warning: OLD is dated {a.date.isoformat()}, after NEW ({b.date.isoformat()} in "
                    f"{_name(args.new)}); OLD and NEW swapped?"), sys.stderr)
    diff = compare(a, b, catalog, old_file=_name(args.old), new_file=_name(args.new))
    lang = resolve_language(args.lang, b.language or a.language)
    if args.format == "json":
        from assess.render import diff_json

        text = diff_json.render(diff)
    elif args.format == "html":
        from assess.render import html_diff

        text = html_diff.render(diff, lang)
    else:
        from assess.render import diff_markdown

        text = diff_markdown.render(diff, lang)
    write_output(args.output, text)
    return 0
