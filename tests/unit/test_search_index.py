"""Additions to the search index as pure functions: index dict in, index dict out."""

import copy
import datetime

import pytest

from conftest import FIXTURES
from macros.load import parse_guide
from macros.search_index import (
    ALSO, add_guide_entries, chinese_terms, mode_names, mode_names_script, row_entries, words_to_teach,
)

GUIDE = parse_guide((FIXTURES / "minimal.yml").read_bytes(), "minimal.yml", datetime.date(2026, 6, 1))
ROW = GUIDE.dimensions[0]
ENTRY = GUIDE.faq[0]


def plugin_index(*locations: str) -> dict:
    """A search index as the plugin writes it, with one entry per location."""
    return {
        "config": {"lang": ["en", "zh"], "separator": "[\\s]+"},
        "docs": [{"location": loc, "title": f"T {loc}", "text": f"text of {loc}"} for loc in locations],
    }


def guide_with(row_aliases=(), also_asked=(), mode_aliases=()):
    row = ROW.model_copy(update={"aliases": list(row_aliases)})
    entry = ENTRY.model_copy(update={"also_asked": list(also_asked)})
    mode = GUIDE.modes[0].model_copy(update={"aliases": list(mode_aliases)})
    return GUIDE.model_copy(update={"dimensions": [row], "faq": [entry], "modes": [mode, *GUIDE.modes[1:]]})


def test_each_row_gets_an_entry_at_its_anchor_with_label_names_and_values():
    guide = guide_with(row_aliases=["stock place"])
    out = add_guide_entries(plugin_index("", "compare/", "compare/#stock", "faq/"), guide)
    row = out["docs"][-1]
    assert row["location"] == f"compare/#{ROW.id}"
    assert row["title"] == ROW.label
    assert row[ALSO] == "stock place"
    for mode in GUIDE.modes:
        cell = ROW.values[mode.id]
        assert f"{mode.name}: {cell.value}" in row["text"]
        assert cell.note is None or cell.note in row["text"]
    assert "also: stock place." in row["text"]


def test_rows_come_after_every_plugin_entry_and_those_stay_as_they_were():
    index = plugin_index("", "compare/", "compare/#stock", "faq/", "glossary/")
    before = copy.deepcopy(index)
    out = add_guide_entries(index, GUIDE)
    assert index == before, "the input index is not changed"
    assert out["config"] == index["config"]
    assert out["docs"][: len(index["docs"])] == index["docs"]
    assert len(out["docs"]) == len(index["docs"]) + len(GUIDE.dimensions)


def test_an_entry_already_at_a_row_anchor_is_replaced_not_doubled():
    out = add_guide_entries(plugin_index("compare/", f"compare/#{ROW.id}"), GUIDE)
    locations = [doc["location"] for doc in out["docs"]]
    assert locations.count(f"compare/#{ROW.id}") == 1
    assert out["docs"][-1]["title"] == ROW.label


def test_rows_take_the_search_boost_of_the_comparison_page():
    index = plugin_index("compare/")
    index["docs"][0]["boost"] = 2
    assert add_guide_entries(index, GUIDE)["docs"][-1]["boost"] == 2
    assert "boost" not in add_guide_entries(plugin_index("compare/"), GUIDE)["docs"][-1]


def test_faq_entries_get_their_other_phrasings_as_a_field():
    guide = guide_with(also_asked=["Where is stock?", "库存"], mode_aliases=["first mode"])
    location = f"faq/#{ENTRY.id}"
    out = add_guide_entries(plugin_index("compare/", "faq/", location, "modes/alpha/"), guide)
    docs = {doc["location"]: doc for doc in out["docs"]}
    assert docs[location][ALSO] == "Where is stock? · 库存"
    assert ALSO not in docs["faq/"] and ALSO not in docs["modes/alpha/"]
    plain = add_guide_entries(plugin_index("compare/", location), GUIDE)
    assert ALSO not in plain["docs"][1], "nothing for an entry without other phrasings"


def test_other_names_of_modes_map_to_the_mode_name_as_typed():
    guide = guide_with(mode_aliases=["Semi-Hosted", "Y1 (in one source)", "alpha", "  "])
    assert mode_names(guide) == {"semi hosted": "Alpha", "semihosted": "Alpha", "y1": "Alpha"}
    two_words = GUIDE.modes[1].model_copy(update={"name": "Beta mode", "aliases": []})
    assert mode_names(GUIDE.model_copy(update={"modes": [two_words]})) == {"betamode": "Beta mode"}
    script = mode_names_script(guide_with(mode_aliases=['半托"x"</script>']))
    assert script == 'window.guideModeNames = {"半托\\"x\\"</script>": "Alpha"};\n'


def test_text_is_escaped_and_segmented_like_the_plugin_does():
    hostile = ROW.model_copy(update={"label": "<b>A & B</b> 半托管", "aliases": ["<i>"]})
    guide = GUIDE.model_copy(update={"dimensions": [hostile]})
    entry = row_entries(guide, segment=lambda text: text.replace("半托管", "半\u200b托管"))[0]
    assert entry["title"] == "&lt;b&gt;A &amp; B&lt;/b&gt; 半\u200b托管"
    assert entry[ALSO] == "&lt;i&gt;"


def test_without_the_comparison_page_entry_it_refuses():
    with pytest.raises(ValueError, match="comparison page 'compare/'"):
        add_guide_entries(plugin_index("", "faq/"), GUIDE)


def test_chinese_terms_come_from_names_and_other_names_shortest_first():
    row = ROW.model_copy(update={"label": "Stock (库存)", "aliases": ["库存地点", "stock place 仓"]})
    terms = chinese_terms(GUIDE.model_copy(update={"dimensions": [row]}))
    assert terms == sorted(terms, key=lambda t: (len(t), t))
    assert {"甲", "乙", "库存", "库存地点", "仓"} == set(terms)


def test_only_terms_the_segmenter_would_break_into_single_characters_are_taught():
    known = {"托管", "超时"}

    def cut(text):  # a toy segmenter: known words, else single characters
        pieces, i = [], 0
        while i < len(text):
            word = next((w for w in sorted(known, key=len, reverse=True) if text.startswith(w, i)), text[i])
            pieces.append(word)
            i += len(word)
        return pieces

    taught = words_to_teach(["托管", "半托管", "半托管超时", "x"], cut, known.add)
    assert taught == ["半托管"]
