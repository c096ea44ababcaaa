"""Reading one input file safely: regular files only (a FIFO or a device is refused, never waited on),
``-`` is stdin read once, and nothing larger than ``MAX_BYTES`` is read into memory."""

from __future__ import annotations

import os
import stat
import sys

from assess.errors import InputError

MAX_BYTES = 10 * 1024 * 1024  # an assessment with long notes on every item is well under 1 MB


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # the byte-order marks of UTF-16 (what Windows calls "Unicode")


def is_utf16(raw: bytes) -> bool:
    """Text saved as UTF-16 (Windows' "Unicode"): its byte-order mark, then text that reads as such."""
    if not raw.startswith(UTF16_BOMS):
        return False
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        return False
    return sum(char.isascii() for char in text) >= 0.9 * len(text)


def kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def _refuse_special(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError.single(name, None, "is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise InputError.single(name, None, f"is {kind(mode)}, not a regular file; not read "
                                "(to read from a pipe, give - and pipe it to stdin)")


def too_large(name: str, size: int | None, what: str = "an assessment file") -> InputError:
    limit = MAX_BYTES // 1024 // 1024
    found = f"{size / 1024 / 1024:.1f} MB; at most {limit} MB" if size else f"over {limit} MB"
    return InputError.single(name, None, f"too large for {what} ({found})")


def read_bytes(path: str, what: str = "an assessment file") -> bytes:
    """The bytes of ``path`` (``-``: stdin), at most ``MAX_BYTES``; every failure is an :class:`InputError`."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        try:
            raw = stream.read(MAX_BYTES + 1) if stream else sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
        except OSError as err:
            raise InputError.single(name, None, err.strerror or str(err)) from None
        if len(raw) > MAX_BYTES:
            raise too_large(name, None, what)
        return raw
    try:
        _refuse_special(name, os.stat(path).st_mode)  # before opening: opening some devices has effects
        # O_NONBLOCK: a FIFO put there since would otherwise wait for a writer; no effect on regular files.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError.single(name, None, "no such file") from None
    except IsADirectoryError:
        raise InputError.single(name, None, "is a directory, not a file") from None
    except OSError as err:
        raise InputError.single(name, None, err.strerror or str(err)) from None
    try:
        info = os.fstat(fd)
        _refuse_special(name, info.st_mode)
        if info.st_size > MAX_BYTES:
            raise too_large(name, info.st_size, what)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise InputError.single(name, None, err.strerror or str(err)) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_BYTES:
        raise too_large(name, None, what)
    return raw
