"""Shared test helpers: project paths and building the site."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.local_site import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
PROJECT_PARTS = ("data", "docs", "macros", "overrides", "mkdocs.yml")


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
