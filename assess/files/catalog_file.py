"""Loading the checklist catalog from the YAML files under ``norms/`` (``assess.norms`` in a wheel),
each checked against its JSON Schema.

The bundled catalog is parsed and checked once, not on every run: after a load that passed every check, its
parsed data is kept as JSON in ``$XDG_CACHE_HOME/assess/`` (by default ``~/.cache/assess/``), under a key
that is the BLAKE2b digest of the catalog files' bytes, the schemas and the source of the code that parses and checks
them (and assess's version). A later run whose files hash to the same key takes the data from there (JSON
cannot run code) and builds the catalog without the schema check, which the same bytes passed with the same
code; any other bytes, a missing, unreadable or damaged cache file, or a cache folder that cannot be written
only means the files are parsed and checked again. ``ASSESS_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from assess.errors import InputError, Problem
from assess.files.paths import norms_directory
from assess.files.strict_yaml import Document, parse
from assess.files.user_cache import cache_directory, key_digest, read_own, store
from assess.model.catalog import AnswerOption, AnswerSet, Catalog, EvidenceSource, Norm, Section, Text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any


def _problems_to_error(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def _check(doc: Document, schema_name: str) -> None:
    from assess.files.compiled_schema import schema_accepts  # not needed when the cache has the checked data

    if schema_accepts(schema_name)(doc.data):
        return  # the usual case, without importing jsonschema; it is imported only to explain a problem
    from assess.files import schema_check

    _problems_to_error(list(schema_check.check(doc, schema_name)))


def _load_answer_sets(doc: Document, check: Callable[[Document, str], None]) -> dict[str, AnswerSet]:
    check(doc, "answer-sets")
    sets: dict[str, AnswerSet] = {}
    problems = []
    for index, raw in enumerate(doc.data["answer_sets"]):
        if raw["id"] in sets:
            problems.append(Problem(doc.name, doc.line_of(["answer_sets", index, "id"]),
                                    f"answer_sets[{index}].id: duplicate id {raw['id']!r}"))
        options = tuple(AnswerOption(o["id"], o["value"], Text.of(o["label"])) for o in raw["options"])
        seen = [o.id for o in options]
        for pos, option_id in enumerate(seen):
            if option_id in seen[:pos]:
                problems.append(Problem(doc.name, doc.line_of(["answer_sets", index, "options", pos]),
                                        f"answer_sets[{index}].options[{pos}].id: duplicate id {option_id!r}"))
        sets[raw["id"]] = AnswerSet(raw["id"], options)
    _problems_to_error(problems)
    return sets


def _project(raw: Mapping[str, Any]) -> tuple[str, bool]:
    project = raw.get("project") or {}
    return project.get("scope", "service"), bool(project.get("critical", False))


def _note(raw: Mapping[str, Any]) -> Text | None:
    return Text.of(raw["source_note"]) if "source_note" in raw else None


def _load_settings(docs: Iterable[Document], catalog_id: str, items: dict[str, Norm],
                   problems: list[Problem], check: Callable[[Document, str], None]) -> dict[str, Section]:
    settings: dict[str, Section] = {}
    for doc in docs:
        check(doc, "setting")
        data = doc.data
        setting_id = data["setting"]
        if data["checklist"] != catalog_id:
            problems.append(Problem(doc.name, doc.line_of(["checklist"]),
                                    f"checklist: {data['checklist']!r} is not {catalog_id!r}"))
        if setting_id in settings:
            problems.append(Problem(doc.name, doc.line_of(["setting"]),
                                    f"setting: duplicate setting id {setting_id!r}"))
        ids = []
        for index, raw in enumerate(data["items"]):
            item_id = raw["id"]
            if not item_id.startswith(setting_id + "."):
                problems.append(Problem(doc.name, doc.line_of(["items", index, "id"]),
                                        f"items[{index}].id: {item_id!r} does not start with {setting_id!r}."))
            if item_id in items:
                problems.append(Problem(doc.name, doc.line_of(["items", index, "id"]),
                                        f"items[{index}].id: duplicate id {item_id!r}"))
            scope, critical = _project(raw)
            refers_to = Text.of(raw["refers_to"]) if "refers_to" in raw else None
            items[item_id] = Norm(item_id, setting_id, Text.of(raw["text"]), scope, critical, _note(raw), refers_to)
            ids.append(item_id)
        heading = Text.of(data["heading"])
        if "description" in data:  # the heading, then the setting's own Beschrijving and Doelgroep
            about = Text.of(data["description"])
            heading = Text(f"{heading.nl}\n\n{about.nl}", f"{heading.en}\n\n{about.en}")
        settings[setting_id] = Section(setting_id, "setting", Text.of(data["title"]), heading, tuple(ids),
                                       data["section"])
    return settings


def _load_evidence_sources(doc: Document | None, check: Callable[[Document, str], None]) -> tuple[EvidenceSource, ...]:
    if doc is None:
        return ()
    check(doc, "evidence-sources")
    sources = tuple(EvidenceSource(raw["id"], Text.of(raw["label"])) for raw in doc.data["evidence_sources"])
    ids = [s.id for s in sources]
    _problems_to_error([Problem(doc.name, doc.line_of(["evidence_sources", k, "id"]),
                                f"evidence_sources[{k}].id: duplicate id {i!r}")
                        for k, i in enumerate(ids) if i in ids[:k]])
    return sources


def build_catalog(main: Document, answer_sets: Document, settings: Iterable[Document] = (),
                  evidence_sources: Document | None = None, schema_checked: bool = False) -> Catalog:
    """Validate the parsed catalog files and turn them into a :class:`Catalog` (``schema_checked``: the data
    is known to pass the JSON Schemas, as the cached bundled catalog is)."""
    return _build(main, answer_sets, settings, evidence_sources, _no_check if schema_checked else _check)


def _no_check(doc: Document, schema_name: str) -> None:
    return None


def _build(main: Document, answer_sets: Document, settings: Iterable[Document], evidence_sources: Document | None,
           check: Callable[[Document, str], None]) -> Catalog:
    sets = _load_answer_sets(answer_sets, check)
    sources = _load_evidence_sources(evidence_sources, check)
    check(main, "catalog")
    data = main.data
    problems: list[Problem] = []
    if data["answer_set"] not in sets:
        problems.append(Problem(main.name, main.line_of(["answer_set"]),
                                f"answer_set: unknown answer set {data['answer_set']!r}"))
    principle_norms: dict[str, list[str]] = {}
    for index, raw in enumerate(data["principles"]):
        if raw["id"] in principle_norms:
            problems.append(Problem(main.name, main.line_of(["principles", index, "id"]),
                                    f"principles[{index}].id: duplicate principle id {raw['id']!r}"))
        principle_norms[raw["id"]] = []
    items: dict[str, Norm] = {}
    for index, raw in enumerate(data["norms"]):
        norm_id, principle = raw["id"], raw["principle"]
        where = f"norms[{index}]"
        if norm_id in items:
            problems.append(Problem(main.name, main.line_of(["norms", index, "id"]),
                                    f"{where}.id: duplicate norm id {norm_id!r}"))
            continue
        if principle not in principle_norms:
            problems.append(Problem(main.name, main.line_of(["norms", index, "principle"]),
                                    f"{where}.principle: no principle {principle!r} for norm {norm_id!r}"))
            continue
        if norm_id.split(".")[0] != principle:
            problems.append(Problem(main.name, main.line_of(["norms", index, "id"]),
                                    f"{where}.id: norm {norm_id!r} is numbered outside principle {principle!r}"))
        scope, critical = _project(raw)
        items[norm_id] = Norm(norm_id, principle, Text.of(raw["text"]), scope, critical, _note(raw))
        principle_norms[principle].append(norm_id)
    settings_map = _load_settings(settings, data["catalog"], items, problems, check)
    _problems_to_error(problems)
    principles = tuple(
        Section(raw["id"], "principle", Text.of(raw["title"]), Text.of(raw["description"]),
                tuple(principle_norms[raw["id"]]))
        for raw in data["principles"]
    )
    return Catalog(
        id=data["catalog"], version=data["version"], title=Text.of(data["title"]),
        answer_set=sets.get(data["answer_set"]) or next(iter(sets.values())),
        principles=principles,
        settings=MappingProxyType(dict(sorted(settings_map.items(), key=lambda kv: _section_key(kv[1])))),
        languages_note=MappingProxyType({k: v["note"] for k, v in data["languages"].items()}),
        annotations_note=Text.of(data["project_annotations"]),
        _items=MappingProxyType(items),
        evidence_sources=sources,
    )


def _section_key(section: Section) -> tuple[int, ...]:
    return tuple(int(part) for part in (section.source_section or "0").split("."))


def _read(path: Path, label: str) -> Document:
    return parse(path.read_text(encoding="utf-8"), label)


def load_catalog_from(directory: Path, catalog_file: str = "unodc-who-2020.yaml") -> Catalog:
    """Load a catalog from a directory laid out like ``norms/`` (used by tests on broken copies)."""
    settings_dir = directory / "settings"
    setting_docs = [_read(p, str(p)) for p in sorted(settings_dir.glob("*.yaml"))] if settings_dir.is_dir() else []
    sources = directory / "evidence-sources.yaml"
    return build_catalog(_read(directory / catalog_file, str(directory / catalog_file)),
                         _read(directory / "answer-sets.yaml", str(directory / "answer-sets.yaml")),
                         setting_docs, _read(sources, str(sources)) if sources.is_file() else None)


_CACHE_FORMAT = "assess-catalog-cache 1"


def _cache_key(directory: Path, files: list[tuple[str, str]]) -> str:
    """The BLAKE2b digest of everything the checked catalog depends on: its files, the schemas, assess's
    version and the source of the modules that parse, check and build it."""
    from assess import __version__

    digest = key_digest()
    digest.update(f"{_CACHE_FORMAT}\0{__version__}\0".encode())
    for name, text in files:
        digest.update(f"{name}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    extra = sorted((directory / "schema").glob("*.json"))
    here = Path(__file__).parent  # the modules' files, found without importing them (a hit needs none)
    extra += [here / "compiled_schema.py", here / "strict_yaml.py", here.parent / "model" / "catalog.py",
              Path(__file__)]
    for path in extra:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _cached_data(path: Path, key: str) -> list[Any] | None:
    import json

    raw = read_own(path)
    if raw is None:
        return None
    try:
        entry = json.loads(raw)
    except ValueError:  # also bytes that are not UTF-8
        return None
    if not isinstance(entry, dict) or entry.get("format") != _CACHE_FORMAT or entry.get("key") != key:
        return None
    data = entry.get("data")
    return data if isinstance(data, list) else None


def _store(folder: Path, path: Path, key: str, data: list[Any]) -> None:
    """Keep ``data`` under ``key``; stale entries go (see :func:`assess.files.user_cache.store`)."""
    import json

    try:
        text = json.dumps({"format": _CACHE_FORMAT, "key": key, "data": data}, ensure_ascii=False)
    except (ValueError, TypeError):
        return
    if json.loads(text)["data"] != data:  # only data JSON keeps exactly (it always is: YAML's plain types)
        return
    store(folder, path.name, text.encode("utf-8"), stale="catalog-*.json")


@cache
def load_catalog() -> Catalog:
    """The bundled catalog, ``unodc-who-2020``, validated; cached per process, and its checked data across
    runs (see the module's note)."""
    directory = norms_directory()
    paths = [(directory / "unodc-who-2020.yaml", "norms/unodc-who-2020.yaml"),
             (directory / "answer-sets.yaml", "norms/answer-sets.yaml"),
             (directory / "evidence-sources.yaml", "norms/evidence-sources.yaml")]
    paths += [(p, f"norms/settings/{p.name}") for p in sorted((directory / "settings").glob("*.yaml"))]
    files = [(label, path.read_text(encoding="utf-8")) for path, label in paths]
    folder = cache_directory()
    key = path = None
    if folder is not None:
        key = _cache_key(directory, files)
        path = folder / f"catalog-{key[:32]}.json"
        data = _cached_data(path, key)
        if data is not None and len(data) == len(files):
            docs = [Document(name=label, text=text, data=value)
                    for (label, text), value in zip(files, data, strict=True)]
            return build_catalog(docs[0], docs[1], docs[3:], docs[2], schema_checked=True)
    docs = [parse(text, label) for label, text in files]
    catalog = build_catalog(docs[0], docs[1], docs[3:], docs[2])
    if folder is not None and key is not None and path is not None:
        _store(folder, path, key, [doc.data for doc in docs])
    return catalog
