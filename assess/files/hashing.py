"""SHA-256 and BLAKE2b from the interpreter's own modules (``_sha2``, before 3.12 ``_sha256``; ``_blake2``),
where hashlib takes them from when OpenSSL does not give them: the same digests, without importing hashlib,
which loads OpenSSL (a tenth of a quick command's start, and milliseconds of the TUI's). An interpreter
without those modules gets hashlib's."""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from hashlib import _Hash
    from hashlib import blake2b as Blake2b


def sha256(data: bytes = b"") -> _Hash:
    """A SHA-256 digest of ``data`` (more can be added with ``update``). For small data: OpenSSL's is faster on
    megabytes, so what hashes many files (the batch's digests) keeps hashlib."""
    try:
        from _sha2 import sha256 as made  # type: ignore[import-not-found]  # 3.12 and later (no stub of it)
    except ImportError:
        try:
            from _sha256 import sha256 as made  # type: ignore[import-not-found]  # 3.11
        except ImportError:
            from hashlib import sha256 as made
    digest: _Hash = made(data)
    return digest


def blake2b(digest_size: int = 32) -> Blake2b:
    """A new BLAKE2b digest (``_blake2`` is where hashlib itself takes blake2b from)."""
    try:
        from _blake2 import blake2b as made
    except ImportError:
        from hashlib import blake2b as made
    return made(digest_size=digest_size)
