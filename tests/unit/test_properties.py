"""Property: whatever happens to the real data file, the loader returns a guide or a located GuideError.

Mutations start from data/guide.yml as it is at test time: edits of the text (truncate, insert any
Unicode, delete, duplicate or swap lines) and of the data (delete keys, swap types, duplicate
entries), written back as YAML. Runs are derandomized, so CI sees the same examples every time.
"""

import copy
import datetime

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from macros.load import GuideError, parse_guide

TODAY = datetime.date.today()
REAL = (ROOT / "data" / "guide.yml").read_text(encoding="utf-8")
LINES = REAL.split("\n")
DATA = yaml.load(REAL, Loader=yaml.CSafeLoader)
SETTINGS = settings(max_examples=200, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Characters and fragments that stress YAML and the renderers, mixed with arbitrary Unicode.
TRICKY = st.sampled_from([
    "\u202e", "\u200f", "\u2028", "\ufeff", "😀", "中文", "\t", "\r", "\x00", "\x85", ": ", "- ", '"', "'", "[", "{",
    "&a ", "*a", "!!python/object:os.system ", "<<: ", "---\n", "#", "|\n", ">", "%", "@", "`", "\\", "\n  ", "\n",
])
FRAGMENT = st.lists(st.one_of(TRICKY, st.text(max_size=8)), min_size=1, max_size=4).map("".join)


class NoAliasDumper(yaml.CSafeDumper):
    """Writes shared values out in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def assert_loads_or_locates(raw: bytes) -> None:
    """parse_guide returns, or raises GuideError whose every problem lies inside the file."""
    try:
        parse_guide(raw, "data/guide.yml", TODAY)
    except GuideError as error:
        lines = raw.decode("utf-8-sig", errors="replace").split("\n")
        assert error.problems
        for problem in error.problems:
            assert 1 <= problem.line <= len(lines), problem
            assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem


@st.composite
def text_edits(draw) -> str:
    """The real file with one edit of its text."""
    kind = draw(st.sampled_from(["truncate", "insert", "delete-line", "duplicate-line", "swap-lines", "replace-line"]))
    if kind == "truncate":
        return REAL[: draw(st.integers(0, len(REAL)))]
    if kind == "insert":
        at = draw(st.integers(0, len(REAL)))
        return REAL[:at] + draw(FRAGMENT) + REAL[at:]
    lines = list(LINES)
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    if kind == "delete-line":
        del lines[i]
    elif kind == "duplicate-line":
        lines.insert(i, lines[i])
    elif kind == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i] = lines[i][: len(lines[i]) - len(lines[i].lstrip())] + draw(FRAGMENT)
    return "\n".join(lines)


def paths(node, prefix=()):
    """Every path into a data tree, containers included."""
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield from paths(child, prefix + (key,))


def get(node, path):
    for key in path:
        node = node[key]
    return node


ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.dates(), FRAGMENT,
    st.lists(FRAGMENT, max_size=3), st.dictionaries(FRAGMENT, FRAGMENT, max_size=2),
)


@st.composite
def data_edits(draw) -> str:
    """The real data with one structural edit, written back as YAML."""
    data = copy.deepcopy(DATA)
    path = draw(st.sampled_from(list(paths(data))[1:]))
    parent, key = get(data, path[:-1]), path[-1]
    kind = draw(st.sampled_from(["delete", "swap-type", "duplicate", "insert-text"]))
    if kind == "delete":
        del parent[key]
    elif kind == "swap-type":
        parent[key] = draw(ANY_VALUE)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(key, parent[key])
    elif isinstance(parent[key], str):
        text = parent[key]
        at = draw(st.integers(0, len(text)))
        parent[key] = text[:at] + draw(FRAGMENT) + text[at:]
    else:
        parent[key] = draw(FRAGMENT)
    return yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False)


def test_the_real_file_is_valid():
    parse_guide(REAL.encode(), "data/guide.yml", TODAY)


@SETTINGS
@given(text_edits())
def test_text_edits_load_or_report_located_problems(text):
    assert_loads_or_locates(text.encode("utf-8"))


@SETTINGS
@given(data_edits())
def test_data_edits_load_or_report_located_problems(text):
    assert_loads_or_locates(text.encode("utf-8"))


@SETTINGS
@given(st.integers(0, len(REAL.encode())))
def test_byte_truncation_loads_or_reports_located_problems(cut):
    assert_loads_or_locates(REAL.encode()[:cut])
