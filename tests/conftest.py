"""Shared test helpers: project paths and building the site."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.markup import Links, md_block
from tools.local_site import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
PROJECT_PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags such as !ENV."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
EXTENSIONS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)["markdown_extensions"]


def site_markdown(text: str) -> str:
    """Markdown converted to HTML with the site's extensions and their settings (mkdocs.yml)."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    return markdown.markdown(text, extensions=names, extension_configs=configs)


def alone_as_text(answer: str) -> str:
    """An answer converted on its own and read as text, a space where a block ends: the JSON-LD's reference."""
    page = BeautifulSoup(markdown.markdown(md_block(answer, Links())), "html.parser")
    for block in page.find_all(["p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"]):
        block.insert_before(" ")
        block.insert_after(" ")
    return " ".join(page.get_text().split())


def copy_project(target: Path) -> Path:
    """A copy of the project's site sources, to build with changed data or code."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; the result keeps stdout and stderr."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per session; skipped locally without Chromium, a failure in CI."""
    executable = chromium_path()
    if executable is None:
        message = "Chromium not found: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser tests)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright  # only browser tests need it installed

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()
