"""Building copies of the project with changed data: the site follows the data, bad data fails cleanly."""

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from macros import DATA_FILE
from macros.load import load_guide

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)


class NoAliasDumper(yaml.SafeDumper):
    """Writes shared values out in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data):
        return True


def compare_text(site) -> str:
    return BeautifulSoup((site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")


def test_changed_value_shows_new_text_and_not_old(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    old = GUIDE.dimensions[0].values[GUIDE.modes[0].id].value
    text = data.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    data.write_text(text.replace(old, "Freshly edited value 4711", 1), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = compare_text(tmp_path / "site")
    assert "Freshly edited value 4711" in page
    assert " ".join(old.split()) not in " ".join(page.split())


def test_a_third_mode_needs_only_data(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    raw = yaml.safe_load(data.read_text(encoding="utf-8"))
    third = dict(raw["modes"][0], id="local-seller", name="Local seller", chinese="本土店")
    raw["modes"].append(third)
    for dimension in raw["dimensions"]:
        dimension["values"]["local-seller"] = dict(dimension["values"][raw["modes"][0]["id"]], value="Local value")
    for stage in raw.get("stages", []):
        stage["values"]["local-seller"] = dict(stage["values"][raw["modes"][0]["id"]], who="seller")
    for question in raw.get("decision", []):
        for option in question["options"]:
            option["weights"]["local-seller"] = 1
    data.write_text(yaml.dump(raw, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for table in soup.select("table.comparison"):
        assert [th.get_text(" ", strip=True).split(" ")[0] for th in table.select("thead th")][-1] == "Local"
        assert len(table.select("thead th")) == 4
    assert (tmp_path / "site" / "modes" / "local-seller" / "index.html").exists()
    for stage in soup.select("figure.chain li.chain-stage"):
        assert [lane.select_one(".chain-mode").get_text(strip=True) for lane in stage.select(".chain-lane")][-1] == "Local seller:"
    decide = BeautifulSoup((tmp_path / "site" / "decide" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [m["id"] for m in json.loads(decide.select_one("script#decide-rules").string)["modes"]][-1] == "local-seller"
    assert decide.select_one("table.decide-table thead").get_text(" ").count("Points for") == 3


def test_bad_data_fails_the_build_with_located_messages_and_no_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    text = data.read_text(encoding="utf-8")
    first_mode = f"  - id: {GUIDE.modes[0].id}\n"
    assert text.count(first_mode) == 1
    text = text.replace(first_mode, f"  - id: {GUIDE.modes[0].id}\n    colour: orange\n")
    data.write_text(text, encoding="utf-8")
    line = text[: text.index("colour: orange")].count("\n") + 1
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/guide.yml:{line}:13: modes[0].colour: unknown field" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("call", ['{{ mode_page("no-such-mode") }}', "{{ no_such_macro() }}"])
def test_macro_errors_fail_the_build(tmp_path, call):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "extra.md").write_text(f"# Extra\n\n{call}\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "extra.md: " in result.stdout + result.stderr and "Traceback" not in result.stdout + result.stderr
    if "mode_page" in call:
        known = ", ".join(m.id for m in GUIDE.modes)
        assert f"known mode ids: {known}" in result.stdout + result.stderr
