"""assess merge: consolidate independent assessments of one service into a consensus file."""

from __future__ import annotations

import argparse

from assess.commands._common import add_lang, not_an_input, print_warnings
from assess.errors import Problem

NAME = "merge"
ORDER = 46
HELP = ("merge assessments of one service by several assessors into a consensus file; "
        "print agreement (percent, Cohen's or Fleiss' kappa) and the disputed norms")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="two or more assessment files (A B [C ...])")
    parser.add_argument("-o", "--output", metavar="CONSENSUS", required=True,
                        help="the consensus file to write (not overwritten unless --force)")
    parser.add_argument("--format", choices=("md", "json"), default="md",
                        help="format of the agreement summary printed on stdout")
    add_lang(parser)
    parser.add_argument("--force", action="store_true",
                        help="overwrite CONSENSUS; merge even when service names or checklist versions differ")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from assess.analysis.merge import check_inputs, merge, read_input
    from assess.errors import InputError
    from assess.files.catalog_file import load_catalog
    from assess.files.storage import ChangedOnDisk, atomic_write, guarded_write
    from assess.files.writer import dump
    from assess.i18n import resolve_language, t
    from assess.render import merge_json, merge_markdown
    from assess.terminal_text import for_stream

    if args.output == "-":
        raise InputError.single("-o", None, "the consensus must go to a file, not stdout "
                                "(stdout gets the agreement summary)")
    catalog = load_catalog()
    problems: list[Problem] = []
    inputs = []
    for path in args.files:
        try:
            inputs.append(read_input(path, catalog))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    for item in inputs:
        print_warnings(item.loaded.warnings)
    print_warnings(check_inputs(inputs, args.force))
    if not args.output.strip():
        raise InputError.single("-o", None, "the output file name is empty")
    target = Path(args.output)
    not_an_input(args.output, [item.file for item in inputs], "consensus")
    if not target.parent.is_dir():
        raise InputError.single(args.output, None, f"folder {target.parent} does not exist")
    first_language = next((i.assessment.language for i in inputs if i.assessment.language), None)
    file_lang = first_language or resolve_language(args.lang)
    merged = merge(inputs, catalog, lambda key: t(key, file_lang))
    text = dump(merged.consensus, catalog, file_lang)
    try:
        if args.force:
            atomic_write(target, text)
        else:
            guarded_write(target, text, None)
    except ChangedOnDisk:
        raise InputError.single(args.output, None, "already exists; not overwritten (use --force)") from None
    except OSError as error:
        raise InputError.single(args.output, None, f"cannot write: {error.strerror or error}") from None
    lang = resolve_language(args.lang, first_language)
    summary = (merge_json.render(merged, args.output) if args.format == "json"
               else merge_markdown.render(merged, lang, args.output))
    sys.stdout.write(for_stream(summary, sys.stdout))
    return 0
