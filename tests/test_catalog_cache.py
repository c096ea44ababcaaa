"""The bundled catalog's checked data kept across runs: same catalog, and never trusted beyond its key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.files import catalog_file
from assess.files.paths import norms_directory

load = catalog_file.load_catalog.__wrapped__  # without the per-process cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ASSESS_NO_CACHE", raising=False)
    return tmp_path / "cache" / "assess"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalog-*.json"))


def test_a_cached_catalog_is_the_checked_one(cache: Path) -> None:
    first = load()
    [entry] = entries(cache)
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == catalog_file._CACHE_FORMAT
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700)
    second = load()  # from the cache
    assert second == first
    assert [n.text.nl for n in second.principle_norms] == [n.text.nl for n in first.principle_norms]
    assert entries(cache) == [entry]


def test_a_damaged_or_foreign_entry_is_ignored_and_replaced(cache: Path) -> None:
    expected = load()
    [entry] = entries(cache)
    for damage in ("", "{", "[]", json.dumps({"format": catalog_file._CACHE_FORMAT, "key": "x", "data": []}),
                   json.dumps({"format": catalog_file._CACHE_FORMAT, "key": entry.stem, "data": [{}]})):
        entry.write_text(damage, encoding="utf-8")
        assert load() == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["key"].startswith(entry.stem.removeprefix("catalog-"))


def test_changed_bytes_are_parsed_and_checked_again(cache: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    load()
    norms = tmp_path / "norms"
    shutil.copytree(norms_directory(), norms)
    monkeypatch.setattr(catalog_file, "norms_directory", lambda: norms)
    main = norms / "unodc-who-2020.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("principle: '1'", "principle: '9'", 1)
                    .replace('principle: "1"', 'principle: "9"', 1), encoding="utf-8")
    with pytest.raises(InputError):
        load()
    assert len(entries(cache)) == 1  # a catalog that fails is never kept


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(load().principle_norms) == 62
    monkeypatch.setenv("ASSESS_NO_CACHE", "1")
    assert catalog_file.cache_directory() is None
    assert len(load().principle_norms) == 62
    monkeypatch.delenv("ASSESS_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert catalog_file.cache_directory() == Path.home() / ".cache" / "assess"


def test_the_compiled_schema_check_is_kept_and_never_trusted_beyond_its_owner_and_key(cache: Path) -> None:
    """The compiled assessment check is kept as code between runs (compiling it is most of a single-file
    command's schema time); a damaged, foreign or group-writable entry is compiled again, and the cache off
    keeps nothing."""
    import marshal
    import os

    from assess.files import compiled_schema
    from assess.files.schema_files import schema_contents

    def check() -> compiled_schema.Check:
        return compiled_schema.compile_schema(schema_contents("assessment"))

    good = {"assess": 1, "checklist": "unodc-who-2020", "service": {"name": "x"}, "answers": {}}
    assert check()(good) and not check()({**good, "answers": []})
    [entry] = sorted(cache.glob("schema-*.marshal"))
    assert isinstance(marshal.loads(entry.read_bytes()), type(compile("", "", "exec")))
    for damage in (b"", b"\x00garbage", marshal.dumps("not code")):
        entry.write_bytes(damage)
        assert check()(good) and not check()({**good, "answers": []})
    entry.write_bytes(marshal.dumps(compile("def _s0(v):\n    return False", "x", "exec")))
    os.chmod(entry, 0o666)
    assert check()(good)  # a file others may write is not loaded
    for leftover in cache.glob("schema-*.marshal"):
        leftover.unlink()
    os.environ["ASSESS_NO_CACHE"] = "1"
    try:
        assert check()(good)
        assert not list(cache.glob("schema-*.marshal"))
    finally:
        del os.environ["ASSESS_NO_CACHE"]


def test_the_key_digest_is_hashlibs_blake2b() -> None:
    """The cache keys come from ``_blake2`` (so that a warm run never imports hashlib): the same digest."""
    import hashlib

    from assess.files.user_cache import key_digest

    for data in (b"", b"catalog", bytes(range(256)) * 1000):
        digest = key_digest()
        digest.update(data)
        assert digest.hexdigest() == hashlib.blake2b(data, digest_size=32).hexdigest()


def test_the_digests_without_hashlib_are_hashlibs() -> None:
    import hashlib

    from assess.files.hashing import blake2b, sha256

    for data in (b"", b"abc", bytes(range(256)) * 5000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        grown = sha256()
        grown.update(data)
        grown.update(b"more")
        assert grown.hexdigest() == hashlib.sha256(data + b"more").hexdigest()
        made = blake2b(32)
        made.update(data)
        assert made.hexdigest() == hashlib.blake2b(data, digest_size=32).hexdigest()


def test_sha256_without_hashlib_on_the_interpreters_that_name_the_module_sha2(monkeypatch) -> None:
    """Python 3.12 merged ``_sha256`` and ``_sha512`` into ``_sha2``: there, too, the digest comes from the
    interpreter's own module, without importing hashlib."""
    import hashlib
    import sys
    import types

    from assess.files import hashing

    try:
        import _sha256 as builtin  # type: ignore[import-not-found]
    except ImportError:
        import _sha2 as builtin  # type: ignore[import-not-found,no-redef]
    made = []

    def counted(data: bytes = b"") -> object:
        made.append(data)
        return builtin.sha256(data)

    monkeypatch.setitem(sys.modules, "_sha256", None)  # as on 3.12 and later: no module of that name
    monkeypatch.setitem(sys.modules, "_sha2", types.SimpleNamespace(sha256=counted))
    monkeypatch.setitem(sys.modules, "hashlib", None)  # importing it would fail
    assert hashing.sha256(b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest()
    assert made == [b"abc"]
