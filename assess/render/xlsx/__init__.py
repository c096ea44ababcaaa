"""Workbooks (.xlsx), both ways: the form services fill in, and the workbooks consultants analyse.

* :mod:`assess.render.xlsx.form` — ``assess template --format xlsx``: the fill-in workbook.
* :mod:`assess.files.workbook_reader` — ``assess import FILE.xlsx``: feeds the sheets to the CSV import's checks.
* :mod:`assess.render.xlsx.report` — ``assess report --format xlsx``: one service's workbook.
* :mod:`assess.render.xlsx.portfolio` — ``assess batch --format xlsx``: ``portfolio.xlsx``.
* :mod:`assess.render.xlsx.cells` — writing cells safely (text stays text, never a formula) and saving.
* :mod:`assess.i18n.workbook_words` — every word, Dutch and English.

openpyxl is imported inside these modules only, and they are imported only by the commands that need them,
so ``assess validate`` or ``assess report --format md`` never load it (a test checks ``sys.modules``).
"""
