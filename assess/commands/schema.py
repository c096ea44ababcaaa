"""assess schema: print the JSON Schema of assessment files (or of the catalog files)."""

from __future__ import annotations

import argparse

from assess.commands._common import write_output

NAME = "schema"
ORDER = 60
HELP = "print the JSON Schema of assessment files, for editors and validators"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("which", nargs="?", default="assessment",
                        choices=("assessment", "catalog", "setting", "answer-sets", "evidence-sources", "localized"))
    parser.add_argument("-o", "--output", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    from assess.files.paths import norms_directory, package_data

    name = f"{args.which}.schema.json"
    folder = package_data("schemas") if args.which == "assessment" else norms_directory() / "schema"
    write_output(args.output, (folder / name).read_text(encoding="utf-8"))
    return 0
