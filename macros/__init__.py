"""mkdocs-macros entry point: loads the guide once per build and registers the renderers."""

from pathlib import Path

from .context import render_variants
from .faq import (
    FAQ_PAGE_LIMIT, LOCATIONS_FILE, faq_by_category, faq_is_split, faq_pages, render_faq, render_faq_category,
    render_faq_index, render_faq_locations,
)
from .load import GuideError, load_guide
from .markup import links_for
from .pages import render_abbreviations, render_flow_tabs, render_glossary, render_mode_cards, render_mode_page, render_sources
from .tables import render_comparison_table, render_key_differences
from .timeline import render_timeline

DATA_FILE = Path("data") / "guide.yml"
__all__ = [
    "DATA_FILE", "FAQ_PAGE_LIMIT", "LOCATIONS_FILE", "GuideError", "define_env", "faq_by_category", "faq_is_split",
    "load_guide", "render_faq_locations",
]


def define_env(env):
    """Register one macro per renderer; each renders for the page being built."""
    guide = env.variables.get("guide")  # validated once per build by the MkDocs hook
    if guide is None:
        guide = load_guide(Path(env.project_dir) / DATA_FILE, Path(env.project_dir))
    # The hook decides whether the FAQ is split (it generates the category pages); without it, one page.
    pages = faq_pages(guide) if env.variables.get("faq_split") else {}
    groups = faq_by_category(guide)  # once per build, not once per category page

    def links():
        return links_for(env.page.url, env.page.file.src_uri, pages)

    @env.macro
    def comparison_table():
        """The full comparison, grouped by category."""
        return render_comparison_table(guide, links())

    @env.macro
    def key_differences():
        """The short table of key differences."""
        return render_key_differences(guide, links())

    @env.macro
    def faq():
        """Every FAQ entry grouped by category; when split, the list of category pages."""
        return render_faq_index(guide, links()) if pages else render_faq(guide, links())

    @env.macro
    def faq_category(category_id):
        """The questions of one category, on its own page (split FAQ)."""
        return render_faq_category(guide, groups, category_id, links())

    @env.macro
    def mode_cards():
        """One card per mode."""
        return render_mode_cards(guide, links())

    @env.macro
    def flow_tabs():
        """How goods and money move, one tab per mode."""
        return render_flow_tabs(guide, links())

    @env.macro
    def mode_page(mode_id):
        """The whole page of one mode."""
        return render_mode_page(guide, mode_id, links())

    @env.macro
    def glossary():
        """The glossary table."""
        return render_glossary(guide)

    @env.macro
    def abbreviations():
        """Tooltip definitions for glossary terms."""
        return render_abbreviations(guide)

    @env.macro
    def sources():
        """The numbered source list."""
        return render_sources(guide, links())

    @env.macro
    def timeline():
        """The dated history of the modes."""
        return render_timeline(guide, links())

    @env.macro
    def variants():
        """Sub-modes, other modes and country sites, as context."""
        return render_variants(guide, links())
