"""The benchmark's static floor builds the very same pages without the macros."""

import json
import re
import subprocess
import sys

import yaml

from conftest import ROOT, copy_project, run_build
from macros.abbr import first_tooltips_only
from macros.tables import wrap_markdown_tables

# Added by the hook after the Markdown, so the floor has no such block: the macros pay for it.
JSON_LD = re.compile(rb'\s*<script type="application/ld\+json">.*?</script>', re.S)
ARTICLE = re.compile(rb"<article.*</article>", re.S)
SHORT_TOC = "faq/index.html"  # `toc_depth` in its front matter: the hook shortens its table of contents


def same_page(built: bytes, floor: bytes, name: str) -> bool:
    """Byte for byte, but for the hook's JSON-LD, its one tooltip per section and its table wrappers; the
    content alone where the hook cut the contents list."""
    built = JSON_LD.sub(b"", built)
    floor = wrap_markdown_tables(first_tooltips_only(floor.decode("utf-8"))).encode("utf-8")
    if name == SHORT_TOC:
        return ARTICLE.search(built).group(0) == ARTICLE.search(floor).group(0) and len(built) < len(floor)
    return built == floor


def search_docs(site) -> set[str]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"] for doc in docs}


def test_floor_has_no_macros_and_builds_the_same_pages_and_files(tmp_path):
    project = copy_project(tmp_path / "project")
    recorded = subprocess.run(
        [sys.executable, "-m", "bench.floor", str(project), str(tmp_path / "floor"), str(tmp_path / "record")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert recorded.returncode == 0, recorded.stderr
    config = yaml.safe_load((tmp_path / "floor" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] == [] and "macros" not in json.dumps(config["plugins"])
    assert "{{" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "floor" / "docs").rglob("*.md"))

    built, floor = run_build(project, tmp_path / "site"), run_build(tmp_path / "floor", tmp_path / "floor-site")
    assert built.returncode == 0 and floor.returncode == 0, built.stderr + floor.stderr
    files = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "floor-site") for p in (tmp_path / "floor-site").rglob("*") if p.is_file())
    pages = [p for p in files if p.suffix == ".html"]
    different = [str(p) for p in pages
                 if not same_page((tmp_path / "site" / p).read_bytes(), (tmp_path / "floor-site" / p).read_bytes(), str(p))]
    assert not different, f"pages that differ without the macros: {different}"
    assert b"application/ld+json" in (tmp_path / "site" / "faq" / "index.html").read_bytes(), "negative control"

    # The hook adds the comparison rows to the index (and teaches the Chinese segmenter the guide's terms).
    assert search_docs(tmp_path / "floor-site") < search_docs(tmp_path / "site")


def test_every_scale_is_prepared_in_its_own_order_with_its_project_and_floor(tmp_path, monkeypatch):
    """Two small scales, prepared side by side and ×2 first, come back in the order of SCALES, each ready to build."""
    import bench.run

    scales = (bench.run.Scale("×1 (real data)", 1, None, 1, 0), bench.run.Scale("×2", 2, None, 1, 0))
    monkeypatch.setattr(bench.run, "SCALES", scales)
    prepared = bench.run.prepare_all(tmp_path)
    assert [p.label for p in prepared] == ["×1 (real data)", "×2"]
    assert prepared[1].faq == 2 * prepared[0].faq
    for p in prepared:
        assert (p.project / "data" / "guide.yml").is_file() and (p.floor / "mkdocs.yml").is_file()
