"""The built site: the value-chain diagram on the compare and mode pages, the decision page, and edits to both."""

import json

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from macros import DATA_FILE
from macros.chain import GOODS, WHO
from macros.decide import decision_rules
from macros.load import load_guide
from macros.markup import links_for

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)
DECIDE_LINKS = links_for("decide/", "decide.md")


class NoAliasDumper(yaml.SafeDumper):
    """Writes shared values out in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def lane_facts(soup: BeautifulSoup) -> list[list[tuple[str, str, str]]]:
    """Per stage in the diagram: (mode name, data-who, responsibility word) of each lane, plus goods text."""
    return [
        [
            (lane.select_one(".chain-mode").get_text(strip=True).rstrip(":"), lane["data-who"],
             lane.select_one(".chain-who").get_text(strip=True), lane.select_one(".chain-goods").get_text(strip=True))
            for lane in li.select(".chain-lane")
        ]
        for li in soup.select("figure.chain li.chain-stage")
    ]


def expected_facts(modes) -> list[list[tuple[str, str, str]]]:
    return [
        [(m.name, s.values[m.id].who, WHO[s.values[m.id].who], f"{GOODS[s.values[m.id].goods_at][0]}Goods: {GOODS[s.values[m.id].goods_at][1]}")
         for m in modes]
        for s in GUIDE.stages
    ]


def test_real_data_has_a_value_chain_and_decision_questions():
    assert len(GUIDE.stages) >= 5 and len(GUIDE.decision) >= 3
    assert all(len(q.options) >= 2 for q in GUIDE.decision)


def test_compare_page_shows_the_chain_near_the_top_with_its_table_twin(built_site):
    soup = page(built_site, "compare")
    assert [li["id"] for li in soup.select("figure.chain li.chain-stage")] == [s.id for s in GUIDE.stages]
    assert lane_facts(soup) == expected_facts(GUIDE.modes)
    twin = soup.select_one("details.chain-twin table")
    assert [th.get_text() for th in twin.select('tbody th[scope="row"]')] == [s.name for s in GUIDE.stages]
    html = str(soup.select_one("article"))
    first_category = GUIDE.dimensions[0].category
    assert html.index('class="chain"') < html.index(f'id="{first_category}"')


def test_each_mode_page_shows_the_chain_for_that_mode_only(built_site):
    for mode in GUIDE.modes:
        soup = page(built_site, f"modes/{mode.id}")
        assert lane_facts(soup) == expected_facts([mode])
        assert soup.select_one("#stages") is not None


def test_stage_links_reach_their_comparison_rows(built_site):
    compare = page(built_site, "compare")
    for stage, name in zip(GUIDE.stages, compare.select("figure.chain .chain-name")):
        if stage.row:
            assert name.a["href"] == f"../compare/#{stage.row}"
            assert compare.find(id=stage.row) is not None


def test_decide_page_is_in_the_nav_after_compare(built_site):
    soup = page(built_site, "")
    titles = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label")]
    assert "Which mode fits me?" in titles
    assert titles.index("Which mode fits me?") == titles.index("Compare") + 1
    decide = page(built_site, "decide")
    assert decide.find("meta", attrs={"name": "description"})["content"].startswith("Answer a few short questions")


def test_decide_page_embeds_the_rules_and_shows_them_as_tables(built_site):
    soup = page(built_site, "decide")
    rules = decision_rules(GUIDE, DECIDE_LINKS)
    assert json.loads(soup.select_one("script#decide-rules").string) == rules
    assert soup.select_one("form.decide-form").has_attr("hidden")
    tables = soup.select("table.decide-table")
    assert len(tables) == len(GUIDE.decision)
    for table, question in zip(tables, rules["questions"]):
        assert [tr.th.get_text() for tr in table.select("tbody tr")] == [o["label"] for o in question["options"]]


def test_every_reason_link_reaches_an_existing_row_or_question(built_site):
    soup = page(built_site, "decide")
    hrefs = {a["href"] for a in soup.select("table.decide-table td a")}
    assert hrefs
    for href in hrefs:
        path, anchor = href.removeprefix("../").split("#")
        assert page(built_site, path.rstrip("/")).find(id=anchor) is not None, href


def test_changing_a_stage_and_a_weight_changes_the_built_pages(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    raw = yaml.safe_load(data.read_text(encoding="utf-8"))
    stage, mode = raw["stages"][0], GUIDE.modes[0]
    old_who = stage["values"][mode.id]["who"]
    new_who = next(w for w in WHO if w != old_who)
    stage["values"][mode.id]["who"] = new_who
    option = raw["decision"][0]["options"][0]
    old_weight = option["weights"][mode.id]
    new_weight = old_weight + 1 if old_weight < 5 else old_weight - 1
    option["weights"][mode.id] = new_weight
    data.write_text(yaml.dump(raw, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    def first_lane(site):
        return page(site, "compare").select_one(f"#{stage['id']} .chain-lane")["data-who"]

    def first_weight(site):
        soup = page(site, "decide")
        rules = json.loads(soup.select_one("script#decide-rules").string)
        cell = soup.select_one("table.decide-table tbody tr td").get_text()
        return rules["questions"][0]["options"][0]["weights"][mode.id], int(cell)

    assert (first_lane(built_site), first_weight(built_site)) == (old_who, (old_weight, old_weight))
    assert (first_lane(tmp_path / "site"), first_weight(tmp_path / "site")) == (new_who, (new_weight, new_weight))
    mode_page = page(tmp_path / "site", f"modes/{mode.id}").select_one(f"#{stage['id']} .chain-lane")
    assert mode_page["data-who"] == new_who
