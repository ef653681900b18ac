"""Safe YAML reading that remembers where every value stands and refuses risky constructs."""

from dataclasses import dataclass, field

import yaml

from .yamlerrors import error_summary, explain

Path = tuple[str | int, ...]
MAX_PROBLEMS = 200  # past this, problems are only counted: a runaway file must not flood memory or the terminal
MAX_DEPTH = 32  # the schema nests 10 deep; libyaml crashes the process on nesting in the tens of thousands
MAX_NODES = 1_000_000  # keys plus values (about 140,000 glossary entries): bounds memory and time
CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
STR, VALUE = CORE + "str", CORE + "value"  # `value` is a lone `=`, reserved by YAML 1.1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, with where it is."""

    line: int
    column: int
    path: Path
    message: str


@dataclass
class Positioned:
    """Plain Python data plus the line and column of each value, keyed by path."""

    data: object = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    written: dict[Path, str] = field(default_factory=dict)  # how unquoted non-text values were written
    problems: list[Problem] = field(default_factory=list)
    more: int = 0  # problems found beyond MAX_PROBLEMS

    def locate(self, path: Path) -> tuple[int, int]:
        """The position of the nearest value on the path that the file has."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)

    @property
    def item_lines(self) -> dict[tuple[str, int], int]:
        """The line each item of a top-level list starts on, as Plain gives it."""
        return {path: line for path, (line, _) in self.positions.items() if len(path) == 2 and isinstance(path[1], int)}


class _Refused(yaml.YAMLError):
    """The file nests too deep or holds too many values to read safely."""

    def __init__(self, node: yaml.Node | None, message: str) -> None:
        super().__init__(message)
        self.node, self.message = node, message


class _BoundedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml when present), refusing runaway nesting or size while it composes."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = self.nodes = 0

    # Called around each composed node (not around aliases): the one hook into libyaml's recursion.
    # The safe loader has no path resolvers, so the base methods, which only serve those, are not called.
    def descend_resolver(self, current_node, current_index):
        self.depth += 1
        self.nodes += 1
        if self.depth > MAX_DEPTH or self.nodes > MAX_NODES:
            self.refuse(current_node)

    def ascend_resolver(self):
        self.depth -= 1

    def refuse(self, node: yaml.Node | None):
        if self.depth > MAX_DEPTH:
            raise _Refused(node, f"values nest more than {MAX_DEPTH} levels deep: check for runaway [, {{ or - characters")
        raise _Refused(node, f"the file holds more than {MAX_NODES:,} keys and values: trim it")


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


class _Walker:
    """Turns a composed node tree into data, collecting problems instead of raising."""

    def __init__(self, loader) -> None:
        self.loader = loader
        self.seen: set[int] = set()
        self.result = Positioned()

    def problem(self, node: yaml.Node, path: Path, message: str) -> None:
        if len(self.result.problems) >= MAX_PROBLEMS:
            self.result.more += 1
            return
        line, column = _mark(node)
        self.result.problems.append(Problem(line, column, path, message))

    def walk(self, node: yaml.Node, path: Path, parent: yaml.Node | None = None) -> object:
        if id(node) in self.seen:
            # An alias node is the anchored node itself; report where it is used (its key or list).
            self.problem(parent or node, path, "YAML anchors and aliases (&name, *name) are not allowed: write the value out")
            return None
        self.seen.add(id(node))
        self.result.positions[path] = _mark(node)
        if node.tag not in ALLOWED_TAGS and node.tag != VALUE:
            # Tags like !!python/object or !!binary build objects the data never needs.
            self.problem(node, path, f"YAML tags such as {_short_tag(node.tag)} are not allowed: "
                         "write a plain value (put text in quotes)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.walk_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (index,), node) for index, item in enumerate(node.value)]
        return self.walk_scalar(node, path)

    def walk_mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        mapping: dict = {}
        first_line: dict[object, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "YAML merge keys (<<) are not allowed: write the fields out")
                continue
            key = self.walk_scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, path, "keys must be plain text")
                continue
            if key in first_line:
                self.problem(key_node, path + (key,), f"duplicate key {key!r} (first used on line {first_line[key]})")
                continue
            first_line[key] = _mark(key_node)[0]
            mapping[key] = self.walk(value_node, path + (key,), key_node)
        return mapping

    def walk_scalar(self, node: yaml.ScalarNode, path: Path) -> object:
        if node.tag in (STR, VALUE):
            return node.value
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.problem(node, path, _unreadable(node, error))
            return None
        if not isinstance(value, str):
            self.result.written[path] = node.value
        return value


def _unreadable(node: yaml.ScalarNode, error: Exception) -> str:
    """Why a plain value could not be read, and what to write instead."""
    written = shorten(node.value)
    if node.tag == CORE + "timestamp":
        return f"{written} is not a real date ({error_summary(error)}): write an existing date as YYYY-MM-DD"
    if node.tag in (CORE + "int", CORE + "float"):
        return f"{written} is too long to read as a number: put it in quotes if it is text"
    return f"cannot read value {written}: {error_summary(error)}"


def shorten(text: str, limit: int = 60) -> str:
    """A value quoted for a message, cut so a huge value cannot flood the report."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


@dataclass(frozen=True)
class Plain:
    """Plain Python data, and the line each item of a top-level list starts on."""

    data: dict
    item_lines: dict[tuple[str, int], int]


class _NeedsCare(Exception):
    """The file holds something only the careful reading (read_positioned) can judge and report."""


class _PlainReader:
    """Turns a composed node tree into data, for files with nothing to report.

    It keeps no paths or positions: a clean file, the usual case, reads in half the time. At the
    first thing the careful walk would look at twice (an alias, a tag, a merge, duplicate or
    non-text key, an unreadable value) it gives up, and read_positioned reports it with its place.
    """

    def __init__(self, loader: _BoundedLoader) -> None:
        self.loader = loader
        self.left = loader.nodes  # every composed node once; an alias would be read again

    def read(self, node: yaml.Node) -> object:
        self.left -= 1
        if self.left < 0:
            raise _NeedsCare
        tag, kind = node.tag, type(node)
        if kind is yaml.ScalarNode and (tag == STR or tag == VALUE):
            return node.value
        if tag not in ALLOWED_TAGS:
            raise _NeedsCare
        if kind is yaml.MappingNode:
            return self.read_mapping(node)
        if kind is yaml.SequenceNode:
            return [self.read(item) for item in node.value]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            raise _NeedsCare from None

    def read_mapping(self, node: yaml.MappingNode) -> dict:
        self.left -= len(node.value)  # the keys
        mapping = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != STR:
                raise _NeedsCare
            mapping[key_node.value] = self.read(value_node)
        if len(mapping) != len(node.value):  # a key written twice
            raise _NeedsCare
        return mapping


def _item_lines(root: yaml.Node) -> dict[tuple[str, int], int]:
    lines = {}
    for key_node, value_node in root.value:
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[(key_node.value, index)] = item.start_mark.line + 1
    return lines


def read_plain(text: str) -> Plain | None:
    """The data of one YAML document holding a mapping and nothing to report, quickly; otherwise None."""
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
        if not isinstance(root, yaml.MappingNode):
            return None
        data = _PlainReader(loader).read(root)
        return Plain(data, _item_lines(root))
    except (_NeedsCare, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def read_positioned(text: str) -> Positioned:
    """Parse one YAML document into data with positions; problems are collected, not raised."""
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Positioned(problems=[Problem(1, 1, (), "the file is empty: it must hold the guide's sections")])
        walker = _Walker(loader)
        walker.result.data = walker.walk(node, ())
        return walker.result
    except _Refused as error:
        line, column = _mark(error.node) if error.node else (1, 1)
        return Positioned(problems=[Problem(line, column, (), error.message)])
    except yaml.YAMLError as error:
        line, column, message = explain(error, text)
        return Positioned(problems=[Problem(line, column, (), message)])
    finally:
        loader.dispose()
