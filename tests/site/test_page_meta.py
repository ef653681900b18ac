"""Every page describes itself for search engines; mode pages with their summary, safely escaped."""

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from macros import DATA_FILE
from macros.load import load_guide

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)


def descriptions(site) -> dict[str, str]:
    """The meta description of every built page, by path."""
    found = {}
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        tag = soup.find("meta", attrs={"name": "description"})
        found[html_file.relative_to(site).as_posix()] = tag["content"] if tag else ""
    return found


def test_every_page_has_a_description_and_mode_pages_use_their_summary(built_site):
    found = descriptions(built_site)
    assert all(found.values()), [path for path, text in found.items() if not text]
    for mode in GUIDE.modes:
        assert found[f"modes/{mode.id}/index.html"] == " ".join(mode.summary.split())


def test_a_summary_with_markup_stays_text_in_the_description(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / DATA_FILE
    raw = yaml.safe_load(data.read_text(encoding="utf-8"))
    hostile = 'Quote " and <script>alert(1)</script> {{ config }}'
    raw["modes"][0]["summary"] = hostile
    data.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "modes" / GUIDE.modes[0].id / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert descriptions(tmp_path / "site")[f"modes/{GUIDE.modes[0].id}/index.html"] == hostile
