"""The value-chain renderer on the minimal fixture: expected text comes from the fixture itself."""

import datetime
import re
import typing

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT
from macros.chain import GOODS, WHO, render_value_chain
from macros.load import parse_guide
from macros.markup import links_for
from macros.model import GoodsPlace, Responsible, StageCell
from macros.pages import render_mode_page

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
LINKS = links_for("compare/", "compare.md")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def lanes(html: str) -> list[list[tuple[str, str, str]]]:
    """Per stage: (mode label, responsibility word, goods text) of each lane, as a reader sees them."""
    result = []
    for stage in soup(html).select("li.chain-stage"):
        result.append([
            (
                lane.select_one(".chain-mode").get_text(strip=True),
                lane.select_one(".chain-who").get_text(strip=True),
                lane.select_one(".chain-goods").get_text(" ", strip=True),
            )
            for lane in stage.select(".chain-lane")
        ])
    return result


def expected_lanes(guide, modes) -> list[list[tuple[str, str, str]]]:
    return [
        [
            (f"{m.name}:", WHO[s.values[m.id].who], f"{GOODS[s.values[m.id].goods_at][0]} Goods: {GOODS[s.values[m.id].goods_at][1]}")
            for m in modes
        ]
        for s in guide.stages
    ]


def test_every_stage_shows_who_and_where_for_every_mode_in_order():
    out = render_value_chain(GUIDE, LINKS)
    assert [li["id"] for li in soup(out).select("li.chain-stage")] == [s.id for s in GUIDE.stages]
    assert lanes(out) == expected_lanes(GUIDE, GUIDE.modes)


def test_responsibility_is_a_word_and_a_pattern_not_only_colour():
    out = soup(render_value_chain(GUIDE, LINKS))
    for lane in out.select(".chain-lane"):
        badge = lane.select_one(".chain-who")
        assert badge["data-who"] == lane["data-who"]
        assert badge.get_text(strip=True) == WHO[badge["data-who"]]
        assert badge.select_one(".chain-swatch")["aria-hidden"] == "true"
    legend = [li.get_text(strip=True) for li in out.select(".chain-legend li")]
    assert [item.split(":")[0] for item in legend] == list(WHO.values())


def test_stylesheet_gives_each_responsibility_its_own_pattern_and_border():
    css = (ROOT / "docs" / "stylesheets" / "value-chain.css").read_text(encoding="utf-8")
    patterns = {who: re.search(rf'\[data-who="{who}"\] > \.chain-swatch \{{\s*background: ([^;]+);', css) for who in WHO}
    borders = {who: re.search(rf'\[data-who="{who}"\] \{{[^}}]*--chain-border: (\w+);', css) for who in WHO}
    assert all(patterns.values()) and all(borders.values()), "every responsibility needs a swatch pattern and a border style"
    assert len({m.group(1) for m in patterns.values()}) == len(WHO)
    assert len({m.group(1) for m in borders.values()}) == len(WHO)


def test_labels_cover_exactly_the_values_the_model_allows():
    assert set(WHO) == set(typing.get_args(Responsible))
    assert set(GOODS) == set(typing.get_args(GoodsPlace))


def test_filter_shows_only_that_mode():
    alpha, beta = GUIDE.modes
    out = render_value_chain(GUIDE, LINKS, alpha.id)
    assert lanes(out) == expected_lanes(GUIDE, [alpha])
    assert f"Who does what in {alpha.name}" in out
    assert GUIDE.stages[0].values[alpha.id].note in out
    assert GUIDE.stages[1].values[beta.id].note not in out  # negative control: beta's note exists in the fixture
    assert GUIDE.stages[1].values[beta.id].note in render_value_chain(GUIDE, LINKS)


def test_table_twin_has_caption_scoped_headers_notes_sources_and_dates():
    out = soup(render_value_chain(GUIDE, LINKS))
    twin = out.select_one("details.chain-twin table")
    assert twin.caption.get_text() == out.figcaption.get_text()
    assert [th.get_text() for th in twin.select('thead th[scope="col"]')] == ["Stage"] + [m.name for m in GUIDE.modes]
    assert [th.get_text() for th in twin.select('tbody th[scope="row"]')] == [s.name for s in GUIDE.stages]
    for row, stage in zip(twin.select("tbody tr"), GUIDE.stages):
        for td, mode in zip(row.select("td"), GUIDE.modes):
            cell = stage.values[mode.id]
            text = td.get_text(" ", strip=True)
            assert text.startswith(f"{WHO[cell.who]} . Goods: {GOODS[cell.goods_at][1]}.")
            assert (cell.note or "") in text
            assert cell.checked.isoformat() in text
            assert [a["href"] for a in td.select(".cite a")] == [f"../sources/#{s}" for s in cell.sources]


def test_stage_links_to_its_comparison_row_when_it_names_one():
    out = soup(render_value_chain(GUIDE, LINKS))
    names = out.select(".chain-name")
    with_row = [(s, n) for s, n in zip(GUIDE.stages, names) if s.row]
    without_row = [(s, n) for s, n in zip(GUIDE.stages, names) if not s.row]
    assert with_row and without_row
    for stage, name in with_row:
        assert name.a["href"] == f"../compare/#{stage.row}"
    for stage, name in without_row:
        assert name.a is None
    assert out.select_one(f"#{GUIDE.stages[0].id} [lang=zh]").get_text() == GUIDE.stages[0].chinese


def test_a_third_mode_adds_a_lane_and_a_column():
    gamma = GUIDE.modes[0].model_copy(update={"id": "gamma", "name": "Gamma"})
    cell = StageCell(who="temu", goods_at="buyer", sources=["src-one"], checked=datetime.date(2026, 1, 1))
    stages = [s.model_copy(update={"values": {**s.values, "gamma": cell}}) for s in GUIDE.stages]
    guide = GUIDE.model_copy(update={"modes": [*GUIDE.modes, gamma], "stages": stages})
    out = render_value_chain(guide, LINKS)
    assert lanes(out) == expected_lanes(guide, guide.modes)
    assert 'style="--chain-modes: 3"' in out
    assert len(soup(out).select("details table thead th")) == 4


def test_hostile_text_is_literal():
    hostile = "<script>alert(1)</script> {{ config }} {% if %}"
    cell = GUIDE.stages[0].values["alpha"].model_copy(update={"note": hostile})
    stage = GUIDE.stages[0].model_copy(update={"name": hostile, "chinese": hostile, "values": {**GUIDE.stages[0].values, "alpha": cell}})
    out = render_value_chain(GUIDE.model_copy(update={"stages": [stage]}), LINKS)
    assert "<script>" not in out
    assert out.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # name and Chinese name, twin row head, note


def test_unknown_mode_names_the_known_ones_and_no_stages_says_so():
    with pytest.raises(ValueError, match="unknown mode id 'gamma'; known mode ids: alpha, beta"):
        render_value_chain(GUIDE, LINKS, "gamma")
    assert render_value_chain(GUIDE.model_copy(update={"stages": []}), LINKS) == "<p>No stages recorded yet.</p>"


def test_mode_page_shows_the_chain_filtered_to_that_mode():
    for mode in GUIDE.modes:
        out = render_mode_page(GUIDE, mode.id, links_for(f"modes/{mode.id}/", f"modes/{mode.id}.md"))
        assert "### Stage by stage {#stages}" in out
        assert lanes(out) == expected_lanes(GUIDE, [mode])
    without = render_mode_page(GUIDE.model_copy(update={"stages": []}), "alpha", LINKS)
    assert "Stage by stage" not in without and "chain" not in without


def test_make_check_refuses_an_unknown_mode_in_a_value_chain_call(tmp_path, capsys):
    from macros.check import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text('{{ value_chain("alpha") }}\n{{ value_chain("gamma") }}\n', encoding="utf-8")
    assert main([str(FIXTURES / "minimal.yml"), "--docs", str(docs), "--max-age-days", "100000"]) == 1
    err = capsys.readouterr().err
    assert "docs/page.md: value_chain('gamma'): no such mode" in err
    assert "'alpha'" not in err
