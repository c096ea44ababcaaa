"""assess import: turn a spreadsheet (CSV or .xlsx) of answers into assessment files."""

from __future__ import annotations

import argparse
import sys

from assess.commands._common import add_lang, assessed_summary, print_warnings
from assess.terminal_text import say

NAME = "import"
ORDER = 25
HELP = ("turn a spreadsheet of answers (CSV, or an .xlsx such as the form of `assess template --format xlsx`) "
        "into assessment files, one per service")

EPILOG = """\
LONG layout (recommended; what form and survey tools export): one row per service per norm.
  service,norm,result,evidence,note,action,owner,due,priority
  De Overloop,1.7,not_met,Openingstijden ma-vr,Weekend gesloten,Avondopenstelling,M. de Vries,2027-03-01,high
  Optional service columns: kind, location, assessor, date, language, settings.
WIDE layout: one row per service and a column per norm id holding the result.
  service,kind,1.1,1.2,...,1.10,...
Results: met, partial, not_met, na (Dutch: voldaan, gedeeltelijk, niet voldaan, n.v.t.); empty = not assessed.
Separators , ; and tab are recognized; save from Excel as "CSV UTF-8". Keep norm ids as text: a spreadsheet
that turns 1.10 into 1.1 is caught and reported. Nothing is written unless the whole file is correct.
A workbook (.xlsx): every sheet with such a table is read (the fill-in form of `assess template --format xlsx`
too), with the same checks; problems are reported as FILE:SHEET!CELL: message.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE", help="the spreadsheet: a CSV or an .xlsx workbook, or - for stdin")
    parser.add_argument("-o", "--out", required=True, metavar="DIR",
                        help="folder for the assessment files, one per service (created if needed)")
    add_lang(parser)
    parser.add_argument("--force", action="store_true", help="overwrite assessment files that already exist")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assess.analysis.scoring import score
    from assess.errors import InputError
    from assess.files import answer_import
    from assess.files.catalog_file import load_catalog

    catalog = load_catalog()
    sheet = answer_import.read(args.file, catalog)
    print_warnings(sheet.warnings)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError.single(args.out, None, "is not a folder")
    planned = answer_import.plan(sheet, out, catalog, args.lang, args.force)
    from assess.commands._common import not_an_input
    from assess.files.storage import refuse_replacing

    for item in planned:  # --force replaces existing files, never the sheet read (nor a symlink to it)
        not_an_input(str(item.path), [args.file], "assessment")
        try:  # nor a read-only file, a FIFO (it waited for a reader) or a device: refused before any is written
            refuse_replacing(item.path)
        except OSError as error:
            raise InputError.single(str(item.path), None, f"cannot write: {error.strerror or error}") from None
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError.single(args.out, None, f"cannot create the folder: {error.strerror or error}") from None
    backups = answer_import.write(planned)
    for item in planned:
        summary = assessed_summary(score(item.assessment, catalog))
        say(f"{item.path}: {item.assessment.service.name} ({summary})")
    for path, backup in backups:
        say(f"{path}: the file it replaced is kept in {backup.name}", sys.stderr)
    return 0
