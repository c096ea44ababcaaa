"""What a batch keeps of each of its inputs, on disk instead of in memory.

A :class:`Spool` is an SQLite database in a file of the batch's staging folder (stdlib ``sqlite3``) with a small,
fixed page cache, so the memory of the main process does not grow with the number of inputs: the sorted list
of inputs, the report names taken, each service's summary for the portfolio and the inputs not processed are
rows there, read back in the order each output needs. Nothing in it outlives the run (the staging folder is
removed at the end, or by the next batch when this one was killed), so it is written without a journal and
without fsync. ``Spool()`` without a path keeps the database in memory (small portfolios, tests).

Text that orders or groups rows is stored as bytes (:func:`key`): UTF-8, with ``surrogatepass`` for the lone
surrogates a file name may carry, compared byte by byte, which is the order of Python's ``str`` comparison.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from assess.errors import InputError

CACHE_KIB = 2048  # the page cache of a spool (SQLite's default is about the same); the rest stays on disk
FETCH = 32  # rows read at a time (a few KiB each at most)


def key(text: str) -> bytes:
    """``text`` as bytes whose order (memcmp, SQLite's BLOB order) is the order of ``str``."""
    return text.encode("utf-8", "surrogatepass")


def text(data: bytes) -> str:
    """The inverse of :func:`key`."""
    return data.decode("utf-8", "surrogatepass")


class Spool:
    """An SQLite database for one run: statements in, rows out, one transaction for the whole run (until
    :meth:`share`). ``read_only``: another connection to the spool at ``path`` (in another process) that only reads
    what this run's own connection wrote and shared."""

    def __init__(self, path: str | None = None, read_only: bool = False) -> None:
        self.path, self.read_only = path, read_only
        self.shared = False  # see share()
        try:
            if read_only and path is not None:
                self._db = sqlite3.connect(Path(os.path.abspath(path)).as_uri() + "?mode=ro", uri=True,
                                           isolation_level=None)
            else:
                self._db = sqlite3.connect(path or ":memory:", isolation_level=None)
        except sqlite3.OperationalError as error:
            raise self._failed(error) from None
        pragmas = ("journal_mode = OFF", "synchronous = OFF", "locking_mode = EXCLUSIVE")
        for pragma in (*(() if read_only else pragmas), f"cache_size = -{CACHE_KIB}", "temp_store = FILE"):
            self.execute(f"PRAGMA {pragma}")
        if not read_only:
            # a database of this connection's own beside the spool, for the rows it keeps after share()
            self.execute("ATTACH DATABASE ? AS scratch", (":memory:" if path is None else f"{path}-scratch",))
            for pragma in ("journal_mode = OFF", "synchronous = OFF"):
                self.execute(f"PRAGMA scratch.{pragma}")
            self.execute("BEGIN")

    def share(self) -> None:
        """Let a read-only connection in another process read what this one wrote: the run's transaction committed
        and the lock on the file let go. Afterwards this connection should write its scratch database only (a
        :class:`SpoolTape`): a write to the spool itself would wait for the other's reading to end."""
        self.execute("COMMIT")
        self.execute("PRAGMA locking_mode = NORMAL")
        self.one("SELECT COUNT(*) FROM sqlite_master")  # the exclusive lock goes at the next access
        self.execute("BEGIN")  # reading, and writing TEMP tables, in one transaction again (a shared lock)
        self.shared = True

    def _failed(self, error: sqlite3.Error) -> InputError:
        """A spool that cannot be written (a full disk, say) stops the batch with its reason, as exit 2."""
        return InputError.single(self.path or ":memory:", None, f"cannot keep the batch's records here: {error}")

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        try:
            return self._db.execute(sql, parameters).rowcount
        except sqlite3.OperationalError as error:
            raise self._failed(error) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._db.executemany(sql, rows)
        except sqlite3.OperationalError as error:
            raise self._failed(error) from None

    def one(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """The first row of a query, or None."""
        try:
            return self._db.execute(sql, parameters).fetchone()
        except sqlite3.OperationalError as error:
            raise self._failed(error) from None

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of a query, read a few at a time (never all at once)."""
        try:
            cursor = self._db.execute(sql, parameters)
            try:
                while batch := cursor.fetchmany(FETCH):
                    yield from batch
            finally:
                # Rows left half read (an output that failed on the way) may be closed only after the spool:
                # its cursor is gone with it then, and an error here would be an "Exception ignored" traceback.
                with contextlib.suppress(sqlite3.ProgrammingError):
                    cursor.close()
        except sqlite3.OperationalError as error:
            raise self._failed(error) from None

    def close(self) -> None:
        self._db.close()


class SpoolSet:
    """A set of strings kept in a spool (``in`` and ``add``), for sets as large as the batch."""

    def __init__(self, spool: Spool, name: str) -> None:
        self.spool, self._name = spool, name
        spool.execute(f"CREATE TABLE {name} (item BLOB PRIMARY KEY) WITHOUT ROWID")

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and self.spool.one(f"SELECT 1 FROM {self._name} WHERE item = ?",
                                                        (key(item),)) is not None

    def add(self, item: str) -> None:
        self.spool.execute(f"INSERT OR IGNORE INTO {self._name} VALUES (?)", (key(item),))


class SpoolCounter:
    """A mapping of strings to numbers kept in a spool (``get`` and item assignment)."""

    def __init__(self, spool: Spool, name: str) -> None:
        self.spool, self._name = spool, name
        spool.execute(f"CREATE TABLE {name} (item BLOB PRIMARY KEY, value INTEGER) WITHOUT ROWID")

    def get(self, item: str, default: int) -> int:
        row = self.spool.one(f"SELECT value FROM {self._name} WHERE item = ?", (key(item),))
        return default if row is None else int(row[0])

    def __setitem__(self, item: str, value: int) -> None:
        self.spool.execute(f"INSERT OR REPLACE INTO {self._name} VALUES (?, ?)", (key(item), value))


class SpoolTape:
    """Rows of text kept between two passes over them (a table's widths, then its lines): each row is made once and
    read back instead of made again, and a long table's rows never all sit in memory. Up to :attr:`IN_MEMORY` rows
    stay in a list (a table of a portfolio of a thousand services, read back without a round trip through SQLite);
    past that they go to a table of the spool's scratch database (a file of its own beside the spool, which only the
    spool's connection opens), so writing it never waits for another connection reading a shared spool
    (:meth:`Spool.share`). One tape serves one table after another: :meth:`keep` starts it afresh."""

    BATCH = 256  # rows written at a time
    IN_MEMORY = 2048  # rows held in a list before they go to the spool (a few KiB each at most)

    def __init__(self, spool: Spool, name: str = "tape") -> None:
        self.spool, self._name = spool, f"scratch.{name}"
        self._whole = False
        self._held: list[list[str]] = []
        self._spilled = False
        spool.execute(f"CREATE TABLE IF NOT EXISTS scratch.{name} (seq INTEGER PRIMARY KEY, row BLOB)")

    def keep(self, rows: Iterable[list[str]]) -> Iterator[list[str]]:
        """``rows`` as they come, each also kept; the tape is whole once they have all come."""
        self._whole = False
        if self._spilled:
            self.spool.execute(f"DELETE FROM {self._name}")
        self._held, self._spilled = [], False
        held, most = self._held, self.IN_MEMORY
        for row in rows:
            held.append(row)
            if len(held) > most:
                self._spill()
                most = self.BATCH - 1
            yield row
        if self._spilled:
            self._spill()
        self._whole = True

    def _spill(self) -> None:
        self.spool.executemany(f"INSERT INTO {self._name} (row) VALUES (?)",
                               [(marshal.dumps(row),) for row in self._held])
        self._held.clear()
        self._spilled = True

    @property
    def whole(self) -> bool:
        """Whether the last :meth:`keep` went through all its rows (a pass that stopped early leaves part)."""
        return self._whole

    def __iter__(self) -> Iterator[list[str]]:
        """The rows of the last :meth:`keep`, in their order."""
        if not self._spilled:
            return iter(self._held)
        return (marshal.loads(row) for (row,) in self.spool.rows(f"SELECT row FROM {self._name} ORDER BY seq"))
