"""``assess import``: read an answers file (a CSV or a workbook), then plan and write one assessment file
per service. The sheet's checks are in :mod:`assess.files.answer_sheet`; a workbook's cells reach them
through :mod:`assess.files.workbook_reader`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assess.errors import InputError, Problem
from assess.files.answer_sheet import Sheet, parse
from assess.files.csv_text import decode
from assess.i18n import resolve_language
from assess.model.assessment import Assessment
from assess.model.catalog import Catalog


def read(path: str, catalog: Catalog) -> Sheet:
    """Read and check a CSV file or a workbook (.xlsx, told by its bytes or its name; ``-`` is stdin)."""
    from assess.files.input_file import read_bytes

    name = "<stdin>" if path == "-" else path
    data = read_bytes(path, "a spreadsheet")
    from assess.files.workbook_reader import looks_like_workbook, read_workbook  # openpyxl only once a workbook is read

    if looks_like_workbook(data, name):
        return read_workbook(data, name, catalog)
    return parse(decode(data, name), name, catalog)


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str
    assessment: Assessment


def plan(sheet: Sheet, out_dir: Path, catalog: Catalog, lang: str | None, force: bool) -> list[Planned]:
    """The files to write, each checked by loading it back; refuses to overwrite unless ``force``."""
    from assess.files import assessment_file
    from assess.files.output_names import NameAllocator
    from assess.files.writer import dump

    names = NameAllocator()
    planned: list[Planned] = []
    problems: list[Problem] = []
    for assessment in sheet.assessments:
        path = out_dir / f"{names.allocate(assessment.service.name)}.yaml"
        text = dump(assessment, catalog, resolve_language(lang, assessment.language))
        try:
            assessment_file.loads(text, str(path), catalog)  # what we write must load
        except InputError as error:
            problems += error.problems
        if path.exists() and not force:
            problems.append(Problem(str(path), None, "already exists; not overwritten (use --force)"))
        planned.append(Planned(path, text, assessment))
    if problems:
        raise InputError(problems)
    return planned


def write(planned: list[Planned]) -> list[tuple[Path, Path]]:
    """Write every file atomically; if one cannot be written, remove the ones this call created. A file replaced
    (``--force``) is kept in a backup first, unless it holds what is written: (file, backup) of each."""
    from assess.files.input_file import read_bytes
    from assess.files.storage import atomic_write, refuse_replacing, write_backup

    created: list[Path] = []
    backups: list[tuple[Path, Path]] = []
    for item in planned:
        existed = item.path.exists()
        try:
            refuse_replacing(item.path)  # read-only, a FIFO or a device: never written into nor replaced
            if existed:  # read as an input (a FIFO put there since is refused, not waited on; 10 MB at most)
                old = read_bytes(str(item.path), "an assessment file")
                if old != item.text.encode("utf-8"):
                    backups.append((item.path, write_backup(item.path, old, kind="before-import")))
            atomic_write(item.path, item.text)
        except (OSError, InputError) as error:
            for path in created:
                path.unlink(missing_ok=True)
            if isinstance(error, InputError):
                raise
            raise InputError.single(str(item.path), None, f"cannot write: {error.strerror or error}") from None
        if not existed:
            created.append(item.path)
    return backups
