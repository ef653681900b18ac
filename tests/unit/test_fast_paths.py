"""The quick paths of a build give what the plain ones would: data reading, term matching, escaping, caches."""

import html
import random
import re

import pytest

from conftest import FIXTURES
from macros.load import entry_lines
from macros.markup import LINE_START, LITERAL, close_directions, escape, md_text, once_per_guide, prefix_tree_pattern
from macros.yamlpos import read_plain, read_positioned

VALID = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")


def test_a_clean_file_reads_the_same_quickly_and_carefully():
    plain = read_plain(VALID)
    assert plain is not None, "the fixture has nothing to report: the quick reading must take it"
    careful = read_positioned(VALID)
    assert plain.data == careful.data
    assert plain.item_lines == careful.item_lines
    assert entry_lines(plain.data, plain.item_lines)  # the fixture's entries have ids


@pytest.mark.parametrize("text", [
    "a: &x [1]\nb: *x\n",  # alias
    "a: &x [1, *x]\n",  # alias inside itself
    "a: &x [q, q, q]\nb: &y [*x, *x, *x]\nc: [*y, *y, *y]\n",  # aliases multiplying
    "a: !!binary aGVsbG8=\n",  # tag
    "a: !custom x\n",
    "base: &b {k: v}\nc:\n  <<: *b\n",  # merge key
    "a: 1\na: 2\n",  # a key written twice
    "1: one\n",  # a key that is no text
    "[a, b]: c\n",
    "a: 2026-02-30\n",  # a date that does not exist
    "a: [1, 2\n",  # YAML syntax error
    "- a\n- b\n",  # not a mapping
    "",
    "a:" + " [" * 40 + "\n",  # nests too deep
], ids=lambda text: repr(text[:24]))
def test_anything_to_report_is_left_to_the_careful_reading(text):
    assert read_plain(text) is None


def test_values_yaml_reads_as_other_types_are_read_as_yaml_reads_them():
    text = "a: 2026-01-05\nb: true\nc: 3\nd: ~\ne: '2026-01-05'\nf: =\n"
    assert read_plain(text).data == read_positioned(text).data


WORDS = ["3PL", "Seller Center", "Seller", "Sell", "VAT", "a-b", "x.y", "(c)", "a+b", "半托管", "托管", "全托管", "Y2", "Y"]


NESTED = [" ".join(["a"] * n) for n in range(1, 40)] + ["a b", "a a b", "a-a"]  # past the nesting limit


@pytest.mark.parametrize("words", [WORDS, NESTED], ids=["glossary-like", "deeply-nested"])
def test_the_prefix_tree_matches_what_an_alternation_longest_first_matches(words):
    tree = re.compile(rf"(?<![\w&#-])({prefix_tree_pattern(words)})(?![\w-])")
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    alternation = re.compile(rf"(?<![\w&#-])({plain})(?![\w-])")
    pieces = words + [" ", ", ", "s", "-", "&amp;", "Center", "x", "半", ".", "a", "aa", "a a a a a a a a a a "]
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert tree.findall(text) == alternation.findall(text), text


def test_the_prefix_tree_takes_the_longest_word_at_a_place():
    assert re.fullmatch(prefix_tree_pattern(["Sell", "Seller", "Seller Center"]), "Seller Center")
    assert re.match(prefix_tree_pattern(["Sell", "Seller", "Seller Center"]), "Seller Centre").group() == "Seller"


def test_escape_and_md_text_give_what_html_escape_and_the_literal_references_give():
    rng = random.Random(7)
    characters = "ab <>&\"'`*_[]\\{}|!~^\n\u202e\u2066x半#-1."
    for _ in range(5000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 12)))
        assert escape(text) == html.escape(close_directions(text), quote=True).translate(LITERAL), repr(text)
        literal = html.escape(close_directions(" ".join(text.split())), quote=False).translate(LITERAL)
        assert md_text(text) == LINE_START.sub(lambda m: f"&#{ord(m.group()[0])};{m.group()[1:]}", literal), repr(text)
    assert escape("Seller Center") == "Seller Center"


def test_once_per_guide_computes_once_for_a_guide_and_again_for_another():
    calls = []

    @once_per_guide
    def count(guide):
        calls.append(guide)
        return len(calls)

    first, second = object(), object()
    assert [count(first), count(first), count(second), count(second), count(first)] == [1, 1, 2, 2, 3]


def test_the_prefix_tree_holds_very_long_and_deeply_nested_words():
    words = ["x" * 5000, *("a" * n for n in range(1, 300)), "ab" * 40]
    pattern = re.compile(rf"(?<!\w)({prefix_tree_pattern(words)})(?!\w)")
    assert pattern.findall("x" * 5000 + " " + "a" * 120 + " " + "ab" * 40) == ["x" * 5000, "a" * 120, "ab" * 40]
    assert pattern.findall("a" * 400) == []
