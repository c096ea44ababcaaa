"""The CSV report: one row per norm, for spreadsheets and tools (columns: :data:`assess.render.tables.NORM_COLUMNS`).

The service, date, kind and location lead every row, so the CSVs of many services can be stacked.
"""

from __future__ import annotations

from assess.analysis.scoring import Scorecard
from assess.render.tables import NORM_COLUMNS, norm_rows, write_csv

COLUMNS = [c.key for c in NORM_COLUMNS]


def render(card: Scorecard, lang: str, excel_nl: bool = False) -> str:
    """One row per norm; user text that starts like a formula gets a leading ``'``; ``excel_nl``: for a Dutch
    Excel (see :func:`assess.render.tables.write_csv`)."""
    return write_csv(NORM_COLUMNS, norm_rows(card, lang), excel_nl)
