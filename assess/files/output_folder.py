"""Writing into a batch's output folder: never over one of its inputs, each file moved into place whole."""

from __future__ import annotations

import os
from collections.abc import Callable, Container
from pathlib import Path
from typing import Any, BinaryIO

from assess.errors import InputError


def refuse_an_input(target: Path, inputs: Container[tuple[int, int]]) -> None:
    """An output of this batch never replaces one of its inputs (``de-overloop.json`` inside ``--out``); ``inputs``
    holds the (device, inode) of each (:class:`assess.files.discovery.Inputs`)."""
    try:
        info = os.stat(target)
    except OSError:
        return
    if (info.st_dev, info.st_ino) in inputs:
        raise InputError.single(str(target), None, "is an input of this batch; not overwritten by its report: "
                                "move the assessment files out of the output folder or choose another --out")


def publish(target: Path, staging: str, produce: Callable[[Callable[[str], Any]], None]) -> None:
    """Write ``target`` piece by piece into the staging folder, then move it into place atomically.

    Like the reports, and unlike :func:`assess.files.storage.atomic_write`, this does not fsync: everything a batch
    writes can be made again by running it again, and an fsync here would flush every report written before.
    """
    move_into_place(stage(target, staging, produce), target)


def stage(target: Path, staging: str, produce: Callable[[Callable[[str], Any]], None]) -> str:
    """The first half of :func:`publish`: ``target`` written into the staging folder; the path it has there."""
    staged = os.path.join(staging, target.name)
    try:
        # backslashreplace: a lone surrogate (an undecodable byte of a file's name) is written as \udcff, as the
        # terminal shows it, instead of stopping the portfolio
        with open(staged, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            produce(handle.write)
    except OSError as error:
        raise _not_written(target, error) from None
    return staged


def stage_binary(target: Path, staging: str, produce: Callable[[BinaryIO], Any]) -> str:
    """As :func:`stage`, for a file written in binary (a workbook) through its handle."""
    staged = os.path.join(staging, target.name)
    try:
        with open(staged, "wb") as handle:
            produce(handle)
    except OSError as error:
        raise _not_written(target, error) from None
    return staged


def move_into_place(staged: str, target: Path) -> None:
    """The second half of :func:`publish`."""
    from assess.files.storage import refuse_replacing

    try:
        refuse_replacing(target)  # a report someone froze with chmod 444 stays as it is, and a FIFO or a device
        os.replace(staged, target)
    except OSError as error:
        raise _not_written(target, error) from None


def _not_written(target: Path, error: OSError) -> InputError:
    return InputError.single(str(target), None, f"cannot write: {error.strerror or error}")


def publish_bytes(target: Path, staging: str, data: bytes) -> None:
    """As :func:`publish`, for a workbook."""
    publish_binary(target, staging, lambda handle: handle.write(data))


def publish_binary(target: Path, staging: str, produce: Callable[[BinaryIO], Any]) -> None:
    """As :func:`publish`, for a file written in binary (a workbook) through its handle."""
    move_into_place(stage_binary(target, staging, produce), target)
