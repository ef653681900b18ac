"""The decision guide and the value-chain diagram in headless Chromium: answers, results, shared links, phone, dark mode."""

import itertools
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from browser.conftest import scripts_started
from conftest import ROOT
from macros import DATA_FILE
from macros.decide import decision_rules, score
from macros.load import load_guide
from macros.markup import links_for

pytestmark = pytest.mark.browser

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)
RULES = decision_rules(GUIDE, links_for("decide/", "decide.md"))
NAMES = {m["id"]: m["name"] for m in RULES["modes"]}
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def open_decide(open_page):
    """The shared open_page, returning the page alone; the test fails if any page asked another host."""
    watches = []

    def open_(path: str, **options):
        page, watch = open_page(path, **options)
        watches.append(watch)
        return page

    yield open_
    assert [url for watch in watches for url in watch.off_site()] == []


def full_answer_sets() -> list[dict]:
    """Every way to answer all questions, in a fixed order."""
    options = [[o["id"] for o in q["options"]] for q in RULES["questions"]]
    return [dict(zip((q["id"] for q in RULES["questions"]), chosen)) for chosen in itertools.product(*options)]


def first_with(verdict: str) -> dict:
    return next(a for a in full_answer_sets() if score(RULES, a)["verdict"] == verdict)


def summary_text(result: dict) -> str:
    """The verdict and points as decide.js words them, from the Python result."""
    leaders = [NAMES[m] for m in result["leaders"]]
    named = leaders[0] if len(leaders) == 1 else ", ".join(leaders[:-1]) + " and " + leaders[-1]
    points = " · ".join(f"{m['name']} {result['scores'][m['id']]}" for m in RULES["modes"])
    if result["verdict"] == "mode":
        verdict = f"{named} fits you better."
    else:
        verdict = f"It depends: {named} fit you about equally well. Weigh the reasons on each side."
    return f"{verdict}Points: {points}."


def chosen_hrefs(answers: dict) -> list[str]:
    return [o["href"] for q in RULES["questions"] for o in q["options"] if answers.get(q["id"]) == o["id"]]


def answer(page, answers: dict) -> None:
    for question, option in answers.items():
        page.check(f'input[name="{question}"][value="{option}"]')


def test_answering_shows_the_python_result_with_linked_reasons(open_decide):
    answers = first_with("mode")
    page = open_decide("decide/")
    answer(page, answers)
    summary = page.locator(".decide-summary")
    assert summary.get_attribute("role") == "status"
    assert summary.inner_text().replace("\n", "") == summary_text(score(RULES, answers))
    reason_links = page.locator(".decide-details li a")
    assert sorted(reason_links.evaluate_all("els => els.map(e => e.getAttribute('href'))")) == sorted(chosen_hrefs(answers))
    assert dict(parse_qsl(urlsplit(page.url).query)) == answers
    first = reason_links.first.get_attribute("href")
    reason_links.first.click()
    page.wait_for_url(re.compile(re.escape(first.split("#")[1]) + "$"))
    assert page.locator(f"#{first.split('#')[1]}").count() == 1


def test_the_shared_link_gives_the_same_answers_and_result(open_decide):
    answers = first_with("mode")
    page = open_decide("decide/")
    answer(page, answers)
    shared = page.locator(".decide-share a").get_attribute("href")
    assert shared == page.url
    expected = page.locator(".decide-summary").inner_text()
    page.reload()
    scripts_started(page)
    assert page.locator(".decide-summary").inner_text() == expected
    again = open_decide(shared.split("/", 3)[3])  # a new browser context, as another person opening the link
    assert again.locator(".decide-summary").inner_text() == expected
    for question, option in answers.items():
        assert again.is_checked(f'input[name="{question}"][value="{option}"]')


def test_it_depends_is_said_with_reasons_on_both_sides(open_decide):
    answers = first_with("depends")
    result = score(RULES, answers)
    page = open_decide("decide/?" + urlencode(answers))
    assert page.locator(".decide-summary").inner_text().replace("\n", "") == summary_text(result)
    heads = page.locator(".decide-reasons-head").all_inner_texts()
    sides = {m for r in result["reasons"] for m in r["favours"]}
    assert [h for h in heads if h.startswith("Reasons for")] == [
        f"Reasons for {NAMES[m]}:" for m in result["leaders"] + [m for m in NAMES if m not in result["leaders"]] if m in sides
    ]


def test_keyboard_alone_answers_and_starts_again(open_decide):
    first = RULES["questions"][0]
    page = open_decide("decide/")
    page.focus(f'input[name="{first["id"]}"][value=""]')
    page.keyboard.press("ArrowDown")
    chosen = {first["id"]: first["options"][0]["id"]}
    assert page.locator(".decide-summary").inner_text().replace("\n", "") == summary_text(score(RULES, chosen))
    page.focus(".decide-form button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search")
    assert page.locator(".decide-summary").inner_text() == "Answer at least one question to see which mode fits you better."


def test_unknown_answers_in_the_link_are_skipped(open_decide):
    first, second = RULES["questions"][:2]
    valid = {second["id"]: second["options"][-1]["id"]}
    page = open_decide("decide/?" + urlencode({first["id"]: "not-an-option", **valid}))
    assert page.is_checked(f'input[name="{first["id"]}"][value=""]')
    assert page.locator(".decide-summary").inner_text().replace("\n", "") == summary_text(score(RULES, valid))


def test_without_javascript_the_rules_tables_are_the_guide(open_decide):
    page = open_decide("decide/", java_script_enabled=False)
    assert not page.is_visible(".decide-form")
    assert page.is_visible(".decide-nojs")
    assert page.locator("table.decide-table").count() == len(RULES["questions"])
    assert page.is_visible("table.decide-table")


@pytest.mark.parametrize("path", ["decide/", "compare/", *[f"modes/{m.id}/" for m in GUIDE.modes]])
def test_phone_layout_has_no_sideways_page_scroll(open_decide, path):
    query = "?" + urlencode(first_with("depends")) if path == "decide/" else ""
    page = open_decide(path + query, viewport=PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    lanes = page.locator("figure.chain .chain-lane")
    for box in lanes.evaluate_all("els => els.map(e => e.getBoundingClientRect().right)"):
        assert box <= PHONE["width"]
    if path == "decide/":
        assert page.locator(".decide-option").first.bounding_box()["height"] >= 44  # a finger-sized target


def contrast(page, selector: str) -> float:
    """WCAG contrast of an element's text against the background it sits on (alpha blended)."""
    colours = page.evaluate(
        """sel => { const el = document.querySelector(sel); const out = [getComputedStyle(el).color];
        for (let n = el; n; n = n.parentElement) out.push(getComputedStyle(n).backgroundColor); return out; }""",
        selector,
    )
    rgba = [tuple(float(x) for x in re.findall(r"[\d.]+", c)) + (1.0,) for c in colours]
    background = (1.0, 1.0, 1.0)
    for layer in reversed(rgba[1:]):
        r, g, b, a = layer[0] / 255, layer[1] / 255, layer[2] / 255, layer[3]
        background = tuple(a * c + (1 - a) * bg for c, bg in zip((r, g, b), background))
    alpha = rgba[0][3]
    text = tuple(alpha * c / 255 + (1 - alpha) * bg for c, bg in zip(rgba[0][:3], background))

    def luminance(rgb):
        return sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4) for w, c in zip((0.2126, 0.7152, 0.0722), rgb))

    high, low = sorted((luminance(text), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
def test_diagram_and_result_are_readable_in_light_and_dark_mode(open_decide, scheme, palette):
    page = open_decide("compare/", color_scheme=scheme)
    assert page.get_attribute("body", "data-md-color-scheme") == palette
    for selector in (".chain-lane .chain-who", ".chain-lane .chain-goods", ".chain-name a"):
        assert contrast(page, selector) >= 4.5, selector
    decide = open_decide("decide/?" + urlencode(first_with("mode")), color_scheme=scheme)
    assert contrast(decide, ".decide-verdict") >= 4.5


def test_works_after_following_the_menu_from_another_page(open_decide):
    page = open_decide("")
    page.locator("nav.md-nav--primary a", has_text="Which mode fits me?").first.click()
    page.wait_for_url(re.compile(r"/decide/$"))
    scripts_started(page)
    assert page.is_visible(".decide-form") and not page.is_visible(".decide-nojs")
    answers = first_with("mode")
    answer(page, answers)
    assert page.locator(".decide-summary").inner_text().replace("\n", "") == summary_text(score(RULES, answers))
