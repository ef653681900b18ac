"""Safe YAML reading that remembers where every value stands and refuses risky constructs."""

from dataclasses import dataclass, field

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR_TAG = "tag:yaml.org,2002:str"

Path = tuple[str | int, ...]


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
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: Path) -> tuple[int, int]:
        """The position of the nearest value on the path that the file has."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Walker:
    """Turns a composed node tree into data, collecting problems instead of raising."""

    def __init__(self, loader) -> None:
        self.loader = loader
        self.seen: set[int] = set()
        self.result = Positioned()

    def problem(self, node: yaml.Node, path: Path, message: str) -> None:
        line, column = _mark(node)
        self.result.problems.append(Problem(line, column, path, message))

    def walk(self, node: yaml.Node, path: Path, parent: yaml.Node | None = None) -> object:
        if id(node) in self.seen:
            # An alias node is the anchored node itself; report where it is used (its key or list).
            self.problem(parent or node, path, "YAML anchors and aliases (&name, *name) are not allowed: write the value out")
            return None
        self.seen.add(id(node))
        self.result.positions[path] = _mark(node)
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
        if node.tag == STR_TAG:
            return node.value  # what the constructor returns for text, without its per-node overhead
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.problem(node, path, f"cannot read value {node.value!r}: {_first_line(error)}")
            return None


def _first_line(error: Exception) -> str:
    text = getattr(error, "problem", None) or str(error)
    return text.splitlines()[0] if text else type(error).__name__


def _syntax_problem(error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"YAML syntax error: {_first_line(error)}"
    context = getattr(error, "context", None)
    if context:
        message += f" ({context})"
    if "\\t" in str(error) or "tab" in str(error).lower():
        message += "; indent with spaces, not tabs"
    return Problem(line, column, (), message)


def read_positioned(text: str) -> Positioned:
    """Parse one YAML document into data with positions; problems are collected, not raised."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Positioned(problems=[Problem(1, 1, (), "the file is empty: it must hold the guide's sections")])
        walker = _Walker(loader)
        walker.result.data = walker.walk(node, ())
        return walker.result
    except yaml.YAMLError as error:
        return Positioned(problems=[_syntax_problem(error)])
    finally:
        loader.dispose()
