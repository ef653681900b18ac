"""Search in headless Chromium: seller queries from the evaluation set land on their answers."""


import pytest

from search_eval import TOP, SearchBox, load_queries, rank

SMOKE = [q for q in load_queries() if q.smoke]

pytestmark = pytest.mark.browser


@pytest.fixture
def search_box(browser, site_url):
    """The search box of the home page, in a fresh browser context that may not leave the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    yield SearchBox(context.new_page(), site_url)
    context.close()


def test_the_smoke_set_covers_each_kind_of_query():
    assert 5 <= len(SMOKE) <= 8
    assert {"zh", "plain", "typo"} <= {q.kind for q in SMOKE}


@pytest.mark.parametrize("query", SMOKE, ids=[q.query for q in SMOKE])
def test_query_finds_its_answer_in_the_first_results(search_box, query):
    results = search_box.search(query.query)
    position = rank(query, results)
    first = [r.target for r in results[:TOP]]
    assert position is not None and position <= TOP, f"{query.query!r}: want {query.expect}, got {first}"


def test_nonsense_finds_nothing(search_box):
    assert search_box.search("qqxzv") == []


def open_result(box: SearchBox, query: str, page_path: str):
    """Search, then click the first result on the given page; returns the target id."""
    result = next(r for r in box.search(query) if r.target.startswith(page_path + "#"))
    anchor = result.target.split("#")[1]
    box.page.locator(f'.md-search-result__list a[href*="{page_path}"][href$="#{anchor}"]').first.click()
    box.page.wait_for_url(f"**/{page_path}*#{anchor}")
    return anchor


def in_view(page, element_id: str) -> bool:
    """Whether the element's top is inside the window, below the fixed header."""
    return page.evaluate(
        """id => { const top = document.getElementById(id).getBoundingClientRect().top;
                   return top >= 0 && top < innerHeight; }""",
        element_id,
    )


def test_opening_a_faq_result_shows_the_answer_expanded(search_box):
    anchor = open_result(search_box, "who decides the retail price", "faq/")
    page = search_box.page
    answer = page.locator(f"h3#{anchor} + details")
    page.wait_for_function(f"() => document.querySelector('h3#{anchor} + details').open")
    assert answer.evaluate("details => details.open")
    assert in_view(page, anchor)
    others = page.locator("details.faq[open]").count()
    assert others == 1, "only the linked answer opens"


def test_opening_a_comparison_result_highlights_its_row(search_box):
    anchor = open_result(search_box, "保证金", "compare/")
    page = search_box.page
    colour = "id => getComputedStyle(document.querySelector(`tr[id='${id}'] td`)).backgroundColor"
    other = page.evaluate("id => document.querySelector(`table.comparison tbody tr[id]:not([id='${id}'])`).id", anchor)
    assert page.evaluate(colour, anchor) != page.evaluate(colour, other)
    assert in_view(page, anchor)


def test_stop_words_in_a_query_change_nothing(search_box):
    # Without the query filter, "do", "i", "a" and "in" match every word they begin
    # ("documents", "invitation", "inspection") and reorder the results.
    plain = search_box.search("need warehouse US")
    assert plain
    assert search_box.search("do I need a warehouse in the US") == plain


def test_everyday_words_find_answers_and_the_search_worker_reports_no_error(browser, site_url):
    """The search index is built in the browser (lunr): some word sets have made it fail on every query."""
    context = browser.new_context()
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    problems = []
    try:
        page = context.new_page()
        page.on("console", lambda message: problems.append(message.text) if message.type in ("warning", "error") else None)
        box = SearchBox(page, site_url)
        for query in ("warehouse", "price", "returns", "deposit", "fully managed", "半托管"):
            assert box.search(query), f"{query!r} found nothing"
        assert problems == []
    finally:
        context.close()
