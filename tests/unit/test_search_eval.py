"""The search evaluation's own logic, and the query filter's stop words, without a browser."""

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT
from search_eval import Query, Result, load_queries, normalise, rank, report

QUERY_FILTER = ROOT / "docs" / "javascripts" / "search-query.js"
WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_result_urls_become_page_and_anchor():
    base = "http://127.0.0.1:5000/"
    assert normalise(f"{base}faq/?h=price#who-sets-semi-price", base) == "faq/#who-sets-semi-price"
    assert normalise(f"{base}modes/semi-managed/?h=semi", base) == "modes/semi-managed/"
    assert normalise(f"{base}?h=x#the-two-modes", base) == "#the-two-modes"
    assert normalise("http://127.0.0.1:5000/guide/compare/#x", "http://127.0.0.1:5000/guide/") == "compare/#x"


def test_rank_is_the_first_expected_target_counted_from_one():
    query = Query("q", "plain", ("faq/#b", "compare/#c"))
    results = [Result("faq/#a", False), Result("compare/#c", True), Result("faq/#b", False)]
    assert rank(query, results) == 2
    assert rank(query, results[:1]) is None


def test_report_counts_hits_and_lists_misses():
    queries = [Query("one", "plain", ("a/#x",)), Query("two", "zh", ("b/#y",))]
    found = {"one": [Result("a/#x", False)], "two": [Result("c/#z", False)]}
    text, met = report(queries, found)
    assert "top-1: 1/2 = 50%" in text and "top-3: 1/2 = 50%" in text
    assert "MISS [zh] 'two': not in 1 results; want b/#y; first: c/#z" in text
    assert not met
    assert report(queries[:1], {"one": found["one"]})[1]


def test_the_query_set_is_large_and_varied_with_wellformed_targets():
    queries = load_queries()
    assert len(queries) >= 40
    assert {"plain", "name", "zh", "keyword", "long", "typo"} <= {q.kind for q in queries}
    assert len({q.query for q in queries}) == len(queries), "no query twice"


def test_a_query_without_targets_is_refused(tmp_path):
    bad = tmp_path / "queries.yml"
    bad.write_text("- query: hello\n  expect: [faq/#ok, 'not a target!']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="query 1"):
        load_queries(bad)


def test_query_filter_drops_exactly_the_stop_words_the_index_drops():
    worker = next(WORKERS.glob("search.*.min.js")).read_text(encoding="utf-8")
    index_words = re.search(r"generateStopWordFilter\(\[([^\]]*)\]\)", worker).group(1)
    expected = set(re.findall(r'"([a-z]+)"', index_words))
    script = QUERY_FILTER.read_text(encoding="utf-8")
    listed = re.search(r"new Set\(\((.*?)\)\.split", script, re.S).group(1)
    words = set(" ".join(re.findall(r'"([^"]*)"', listed)).split())
    assert len(expected) > 100
    assert words == expected
