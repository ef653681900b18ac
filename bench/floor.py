"""The static-Markdown floor: the same site built from its rendered Markdown, without macros.

`python -m bench.floor PROJECT FLOOR SITE` builds PROJECT once into SITE, records every page's
Markdown as the macros plugin leaves it and every other generated file (API, CSV, feed), and writes
FLOOR: a copy whose pages and files are those, whose nav is the generated one and whose config has
neither the macros plugin nor the hook. Recording keeps no page content, so it costs little more
than rendering the macros.

What only the hook adds after Markdown (the FAQ's JSON-LD in the page head, the search index's
extra entries) is not in the floor: it is part of the macros' cost.
"""

import logging
import shutil
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils.yaml import yaml_load

MACROS_PLUGIN = "macros"


class RecordMarkdown(BasePlugin):
    """Keeps each page's final Markdown (after every other plugin and hook), generated files and the nav."""

    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        self.nav: list = []

    @event_priority(-100)
    def on_files(self, files, config):
        for file in files:
            if file.generated_by and not file.is_documentation_page():
                self.pages[file.src_uri] = file.content_bytes
        return files

    @event_priority(-100)
    def on_page_markdown(self, markdown, page, config, files):
        front = f"---\n{yaml.safe_dump(dict(page.meta), allow_unicode=True)}---\n\n" if page.meta else ""
        self.pages[page.file.src_uri] = front + markdown
        # This build's pages are thrown away: skip their Markdown work, and the FAQ's JSON-LD, which
        # reads the answers from the converted page.
        page.meta = {key: value for key, value in page.meta.items() if key != "structured_data"}
        return "# Recorded\n"

    @event_priority(-100)
    def on_post_build(self, config):
        self.nav = config.nav


def record(project: Path, site: Path) -> RecordMarkdown:
    """Build the project once, recording its pages' Markdown and its nav."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    recorder = RecordMarkdown()
    config.plugins["bench-record-markdown"] = recorder
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return recorder


def _plugins_without_macros(config_file: Path) -> list:
    with config_file.open(encoding="utf-8") as stream:
        plugins = yaml_load(stream).get("plugins", [])
    return [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != MACROS_PLUGIN]


def write_floor(project: Path, floor: Path, recorder: RecordMarkdown) -> Path:
    """A project whose pages are the recorded Markdown, built with the same config minus macros."""
    shutil.copytree(project / "docs", floor / "docs")
    for part in ("overrides",):
        if (project / part).is_dir():
            shutil.copytree(project / part, floor / part)
    for src_uri, content in recorder.pages.items():
        target = floor / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    shutil.copy2(project / "mkdocs.yml", floor / "base.yml")
    overrides = {
        "INHERIT": "base.yml",
        "plugins": _plugins_without_macros(project / "mkdocs.yml"),
        "hooks": [],
        "watch": [],
        "nav": recorder.nav,
    }
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(overrides, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return floor


def main(argv: list[str]) -> int:
    """Record PROJECT into SITE, then write FLOOR."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    project, floor, site = (Path(arg) for arg in argv)
    try:
        write_floor(project, floor, record(project, site))
    except Abort as error:
        print(f"recording {project} failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
