"""Safe YAML loading that guards against YAML's traps.

* Only safe loaders (libyaml's ``CSafeLoader`` when present).
* Mapping keys are kept exactly as written: ``1.10:`` stays the string ``"1.10"``.
* Duplicate keys are an error, never a silent overwrite.
* Aliases (``*a``) and merge keys (``<<``) are errors: they hide what a value is and let a small file
  expand into a huge one. Files over ``MAX_BYTES`` and nesting deeper than ``MAX_DEPTH`` are refused
  before they can exhaust memory or the stack.
* One parse: the text is composed into nodes once, the data is built from them in one walk, and the
  nodes are kept so the line of any data path is found without parsing again.
* The same words whatever the YAML library does: libyaml (PyYAML >= 6.0.3) refuses nesting past its
  own limit with its own message; the depth is counted here, with the pure-Python parser, which has no
  limit of its own, so every file nested too deep gets this module's message and the line.

Why one module of about 420 lines: the walk that builds the data and the traps it refuses (duplicate keys,
aliases, merge keys, depth, impossible dates, over-long numbers) are one pass over the same nodes, and the
line index is built from those nodes; split apart, each part would need the others' internals. The wording
of syntax errors is apart, in :mod:`assess.files.yaml_messages`.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import yaml

from assess.errors import InputError
from assess.files.yaml_messages import NO_ALIASES, syntax_problem
from assess.terminal_text import has_invisible, visible

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any

# libyaml's loader when PyYAML was built with it (as its wheels are); the pure-Python one otherwise.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 10 * 1024 * 1024  # an assessment with long notes on every item is well under 1 MB
MAX_DEPTH = 40  # an assessment file nests 7 deep; libyaml's composer recurses, and crashes far deeper
_MERGE_TAG = "tag:yaml.org,2002:merge"
# Only a line starting with this many spaces or block indicators can open deeper block nesting.
# (Searched as a line break then the run, and the run at the start: a pattern that opens with a literal is
# scanned for that character first, five times faster than ``^`` under re.MULTILINE tried at every position.)
_DEEP_RUN = re.compile(r"[ ?:-]{200}")
_DEEP_LINE = re.compile(r"\n[ ?:-]{200}")


def _has_deep_line(text: str) -> bool:
    return bool(_DEEP_LINE.search(text) or _DEEP_RUN.match(text))


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class _Unhashable(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Alias(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _BadValue(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


class _Merge(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


_construct_object = yaml.constructor.BaseConstructor.construct_object


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Unhashable(line)
        if key_node.tag == _MERGE_TAG:
            raise _Merge(line)
        key = key_node.value
        hidden = has_invisible(key)
        if hidden:
            raise _BadValue(line, f"the key '{visible(key)}' holds the invisible character {hidden} (a direction "
                            "override or zero-width character); keys and norm ids must be plain text")
        if key in first_seen:
            raise _DuplicateKey(key, line, first_seen[key])
        first_seen[key] = line
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """An impossible date such as 2027-02-30 stays text, so the loader can name its field."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


def _construct_int(loader: Any, node: yaml.ScalarNode) -> Any:
    """A number too long for Python to convert (over 4,300 digits) is an error at its own line."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        raise _BadValue(node.start_mark.line + 1, f"a number of {len(node.value)} characters is too long; "
                        "put text in quotes") from None


def strict_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A safe loader on ``base`` whose mappings keep raw key text and refuse duplicate keys and aliases."""

    class Strict(base):  # type: ignore[valid-type, misc]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            # A node met a second time is an alias of an anchored one (``*a``, or ``<<: *a``).
            if node in self.constructed_objects or node in self.recursive_objects:
                raise _Alias(node.start_mark.line + 1)
            return _construct_object(self, node, deep)

    _resolve_quickly(Strict)
    Strict.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    Strict.add_constructor("tag:yaml.org,2002:int", _construct_int)
    Strict.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    Strict.__name__ = Strict.__qualname__ = f"Strict{base.__name__}"
    return Strict


MEMO_SIZE, MEMO_TEXT = 4096, 80  # plain scalars whose tag is remembered, each of at most MEMO_TEXT characters


def _resolve_quickly(loader: type[yaml.SafeLoader]) -> None:
    """Give ``loader`` PyYAML's own tag resolution without its per-node bookkeeping for path resolvers (a
    feature this loader never uses): the composer asks for a tag for every node, so this is a fifth of the
    time of composing a file. The same implicit resolvers, tried in the same order, pick the same tags."""
    if loader.yaml_path_resolvers:  # pragma: no cover - PyYAML's safe loaders have none
        return
    resolvers = loader.yaml_implicit_resolvers
    wildcard = list(resolvers.get(None, []))  # None: tried on every scalar
    by_start = {start: list(found) + wildcard for start, found in resolvers.items() if start is not None}
    scalar_tag, sequence_tag = loader.DEFAULT_SCALAR_TAG, loader.DEFAULT_SEQUENCE_TAG
    mapping_tag = loader.DEFAULT_MAPPING_TAG
    # A plain scalar's tag depends on its text alone, and the same texts come back in file after file (the keys,
    # the results, the dates): each short one is matched once, until the memo is full and starts afresh.
    memo: dict[str, str] = {}

    def resolve(self: yaml.SafeLoader, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                found = memo.get(value)
                if found is None:
                    found = scalar_tag
                    for tag, pattern in by_start.get(value[:1], wildcard):
                        if pattern.match(value):
                            found = str(tag)
                            break
                    if len(value) <= MEMO_TEXT:
                        if len(memo) >= MEMO_SIZE:
                            memo.clear()
                        memo[value] = found
                return found
            return scalar_tag
        return sequence_tag if kind is yaml.SequenceNode else mapping_tag

    def descend_resolver(self: yaml.SafeLoader, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self: yaml.SafeLoader) -> None:
        return None

    for name, method in (("resolve", resolve), ("descend_resolver", descend_resolver),
                         ("ascend_resolver", ascend_resolver)):
        setattr(loader, name, method)


StrictLoader = strict_loader(_BaseLoader)
PythonStrictLoader = strict_loader(yaml.SafeLoader)  # the tests run every trap under both

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_PLAIN_SCALARS = frozenset(("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                            "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"))


def _load(text: str) -> tuple[Any, int | None, yaml.Node | None]:
    """What ``yaml.load(text, Loader=StrictLoader)`` returns or raises, built from the composed nodes in one
    walk instead of through PyYAML's constructor machinery (which keeps every node in two dictionaries and
    builds each list through a generator): the same constructors for scalars, the same checks on keys, an
    alias found as a node met twice, and lists filled in the same order as PyYAML fills them (after the
    mappings around them, level by level), so a file with two problems reports the same one first. A node
    with any other tag (``!!set``, ``!!binary``, an unknown one) goes through the loader itself.

    Also returns how deep lists and mappings nest (as :func:`_depth` counts), or None when a node went
    through the loader (then :func:`_depth` counts), and the composed root node: the lines of the document,
    kept for :meth:`Document.line_of` so that the text need not be composed a second time."""
    loader = StrictLoader(text)
    # Without "&" there is no anchor, so no node can be met twice: the walk then skips that check per node.
    walk = _Walk(loader, aliases_possible="&" in text)
    with paused_gc():
        return _walk(loader, walk)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector paused: composing, the walk and the checks of a file make no reference cycles,
    only many objects, which the collector would traverse again and again (time growing faster than the
    file: 80,000 problems took 8x the time of 20,000)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _walk(loader: yaml.SafeLoader, walk: _Walk) -> tuple[Any, int | None, yaml.Node | None]:
    try:
        root = loader.get_single_node()
        if root is None:
            return None, 0, None
        data = walk.build(root, 1)
        while walk.pending:
            batch, walk.pending = walk.pending, []
            for items, node, level in batch:
                items.extend([walk.build(child, level + 1) for child in node.value])
        return data, walk.deepest if walk.exact else None, root
    finally:
        loader.dispose()


class _Walk:
    """The state of one :func:`_load` walk. A class, not two closures calling each other: such closures form a
    reference cycle that would keep ``seen`` (an entry per node) alive until a full collection, which the
    batch makes rare, so many files' worth of memory would wait for it."""

    __slots__ = ("aliases_possible", "constructors", "deepest", "exact", "loader", "pending", "seen")

    def __init__(self, loader: yaml.SafeLoader, aliases_possible: bool = True) -> None:
        self.loader = loader
        self.aliases_possible = aliases_possible
        self.constructors = loader.yaml_constructors
        self.seen: set[int] = set()
        self.pending: list[tuple[list[Any], yaml.Node, int]] = []
        self.deepest = 0
        self.exact = True

    def build(self, node: yaml.Node, level: int) -> Any:
        if self.aliases_possible:
            if id(node) in self.seen:
                raise _Alias(node.start_mark.line + 1)
            self.seen.add(id(node))
        tag, kind = node.tag, type(node)
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:
                return self.constructors[tag](self.loader, node)
        elif kind is yaml.MappingNode and tag == _MAP:
            if level > self.deepest:
                self.deepest = level
            return self.mapping(node, level)  # type: ignore[arg-type]  # checked: kind is MappingNode
        elif kind is yaml.SequenceNode and tag == _SEQ:
            if level > self.deepest:
                self.deepest = level
            items: list[Any] = []
            self.pending.append((items, node, level))
            return items
        self.exact = False
        return self.loader.construct_document(node)

    def mapping(self, node: yaml.MappingNode, level: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        build = self.build
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise _Unhashable(key_node.start_mark.line + 1)
            if key_node.tag == _MERGE_TAG:
                raise _Merge(key_node.start_mark.line + 1)
            key = key_node.value
            hidden = not key.isascii() and has_invisible(key)  # isascii is a flag: every invisible is non-ASCII
            if hidden:
                raise _BadValue(key_node.start_mark.line + 1, f"the key '{visible(key)}' holds the invisible "
                                f"character {hidden} (a direction override or zero-width character); keys and "
                                "norm ids must be plain text")
            if key in result:
                first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
                raise _DuplicateKey(key, key_node.start_mark.line + 1, first.start_mark.line + 1)
            result[key] = build(value_node, level + 1)
        return result


@dataclass
class Document:
    """Parsed YAML plus what is needed to point at a line later."""

    name: str
    text: str
    data: Any
    _root: yaml.Node | None = field(default=None, repr=False)
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def _entry(self, node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        """The (key node, value node) of ``key`` in ``node``; each mapping is indexed once, so finding the
        lines of thousands of problems stays linear."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                index.setdefault(str(key_node.value), (key_node, value_node))
            self._keys[id(node)] = index
        return index.get(key)

    def _node_at(self, path: Sequence[object]) -> tuple[yaml.Node | None, int | None]:
        """The node at ``path`` (or its nearest ancestor) and its 1-based line."""
        if self._root is None:
            self._root = yaml.compose(self.text, Loader=_BaseLoader)
        node = self._root
        line = node.start_mark.line + 1 if node is not None else None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                entry = self._entry(node, str(part))
                if entry is None:
                    return None, line
                line, node = entry[0].start_mark.line + 1, entry[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return None, line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return None, line
        return node, line

    def forget_nodes(self) -> None:
        """Let the composed nodes go (they are composed again, lazily, if a line is asked for later)."""
        self._root = None
        self._keys.clear()

    def line_of(self, path: Sequence[object]) -> int | None:
        """1-based line of the value at ``path`` (of its key, for mapping entries)."""
        return self._node_at(path)[1]

    def raw_text(self, path: Sequence[object]) -> str | None:
        """The scalar exactly as written at ``path`` (``1.10`` where YAML read 1.1)."""
        node = self._node_at(path)[0]
        return node.value if isinstance(node, yaml.ScalarNode) else None


def _events(text: str, loader: type[yaml.SafeLoader] | None = None) -> Iterator[yaml.Event]:
    """YAML events, produced without recursion; stops quietly at a syntax error (the loader names it)."""
    try:
        yield from yaml.parse(text, Loader=loader or _BaseLoader)
    except yaml.YAMLError:
        return


def _first_alias(text: str) -> tuple[int, str] | None:
    """Line and anchor name of the first alias in ``text``."""
    for event in _events(text):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, str(event.anchor)
    return None


# An anchor starts a node: after a line start, a space or a flow indicator ("R&D" and "&amp;" in text need
# no second pass unless they follow a space).
_ANCHOR_LIKE = re.compile(r"(?<![^\s\[{,])&[^\s,\[\]{}]")  # the & first: found by a fast scan for "&"


def _first_anchor(text: str) -> tuple[int, str] | None:
    """Line and name of the first anchor (``&a``), used or not."""
    if "&" not in text or not _ANCHOR_LIKE.search(text):
        return None
    for event in _events(text):
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, str(anchor)
    return None


def _too_deep(text: str) -> int | None:
    """The line where nesting first goes deeper than ``MAX_DEPTH``, or None."""
    depth = 0
    # The pure-Python parser: libyaml stops at its own nesting limit, which would hide the line here.
    for event in _events(text, yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1 if event.start_mark is not None else None
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _depth(data: Any) -> int:
    """How deep lists and mappings nest in ``data`` (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                stack.extend((item, level + 1) for item in (value.values() if isinstance(value, dict) else value))
    return deepest


def _too_large(name: str, size: int | None) -> InputError:
    limit = MAX_BYTES // 1024 // 1024
    found = f"{size / 1024 / 1024:.1f} MB; at most {limit} MB" if size else f"over {limit} MB"
    return InputError.single(name, None, f"too large for an assessment file ({found})")


def _nested_too_deeply(name: str, text: str) -> InputError:
    return InputError.single(name, _too_deep(text), f"invalid YAML: nested more than {MAX_DEPTH} levels deep")


def parse(text: str, name: str) -> Document:
    """Parse ``text``; every defect becomes an :class:`InputError` naming ``name`` and a line."""
    if len(text) > MAX_BYTES:
        raise _too_large(name, len(text.encode("utf-8", "surrogatepass")))
    # libyaml composes nested collections recursively: a file could nest deep enough to crash it, so
    # unless the text cannot nest deeply (few brackets, no deeply indented line), count first.
    if (text.count("[") + text.count("{") > 1000 or _has_deep_line(text)) and _too_deep(text):
        raise _nested_too_deeply(name, text)
    try:
        data, depth, root = _load(text)
    except _Alias as alias:
        where = _first_alias(text)
        line, what = (where[0], f"alias *{where[1]}") if where else (alias.line, "an alias")
        raise InputError.single(name, line, f"invalid YAML: {what}; {NO_ALIASES}") from None
    except _Merge as merge:
        raise InputError.single(name, merge.line, "invalid YAML: merge keys (<<) are not allowed in assess files: "
                                "write the fields out in full") from None
    except _DuplicateKey as dup:
        raise InputError.single(
            name, dup.line, f"duplicate key {dup.key!r} (first at line {dup.first_line})"
        ) from None
    except _Unhashable as bad:
        raise InputError.single(name, bad.line, "a mapping key must be plain text") from None
    except _BadValue as bad:
        raise InputError.single(name, bad.line, f"invalid YAML: {bad.message}") from None
    except yaml.MarkedYAMLError as err:
        if _too_deep(text):  # libyaml's own nesting limit, or a syntax error after too deep a start
            raise _nested_too_deeply(name, text) from None
        at_line, what = syntax_problem(err, text)
        raise InputError.single(name, at_line, f"invalid YAML: {what}") from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow; it has a position, not a mark
        at = text.count("\n", 0, err.position) + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise InputError.single(name, at, f"invalid YAML: character U+{code:04X} is not allowed in YAML text"
                                ) from None
    except yaml.YAMLError:
        raise InputError.single(name, None, "invalid YAML: the file cannot be read as YAML") from None
    except (ValueError, TypeError, OverflowError) as err:
        raise InputError.single(name, None, f"invalid YAML value: {err}") from None
    except RecursionError:
        raise _nested_too_deeply(name, text) from None
    if (_depth(data) if depth is None else depth) > MAX_DEPTH:
        raise _nested_too_deeply(name, text)
    anchor = _first_anchor(text)
    if anchor:
        raise InputError.single(name, anchor[0], f"invalid YAML: anchor &{anchor[1]}; anchors and aliases (&name, "
                                "*name) are not allowed in assess files: write the value out in full")
    return Document(name=name, text=text, data=data, _root=root)


def read(path: str) -> Document:
    """Read a file as UTF-8 (``-`` is stdin) and parse it; only regular files (see :mod:`assess.files.input_file`)."""
    from assess.files.input_file import read_bytes

    name = "<stdin>" if path == "-" else path
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        from assess.files.input_file import is_utf16

        if is_utf16(raw):
            raise InputError.single(name, 1, "UTF-16 text (saved as \"Unicode\"): save the file as UTF-8") from None
        line = raw.count(b"\n", 0, err.start) + 1
        raise InputError.single(name, line, f"not UTF-8 text: byte 0x{raw[err.start]:02X} cannot be read "
                                "(save the file as UTF-8)") from None
    return parse(text, name)
