"""assess schema: print the JSON Schema of assessment files (or of the catalog files)."""

from __future__ import annotations

import argparse

from assess.commands._common import add_force, refuse_existing, write_output

NAME = "schema"
ORDER = 60
HELP = "print the JSON Schema of assessment files, for editors and validators"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("which", nargs="?", default="assessment",
                        choices=("assessment", "catalog", "setting", "answer-sets", "evidence-sources", "localized"))
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    add_force(parser)


def run(args: argparse.Namespace) -> int:
    from assess.files.schema_files import ASSESSMENT, schema_text

    refuse_existing(args.output, args.force, "schema")
    results = None
    if args.which == ASSESSMENT:  # its results are the checklist's answer set
        from assess.files.catalog_file import load_catalog

        results = load_catalog().answer_set.ids
    write_output(args.output, schema_text(args.which, results))
    return 0
