"""mkdocs-macros entry point: loads the guide once per build and registers the renderers."""

from dataclasses import dataclass
from pathlib import Path

from .abbr import first_tooltips_only
from .apidoc import render_api_fields, render_api_files
from .chain import render_value_chain
from .changes import render_changes
from .context import render_variants
from .decide import render_decision_form, render_decision_table
from .edits import Edits, edit_base_problem
from .exports import export_files
from .faq import (
    FAQ_PAGE_LIMIT, LOCATIONS_FILE, answer_texts, category_page, faq_by_category, faq_is_split, faq_pages,
    render_faq, render_faq_category, render_faq_index, render_faq_jsonld, render_faq_locations,
)
from .load import GuideError, load_guide, load_located
from .markup import escape, links_for
from .model import Guide
from .pages import (
    render_abbreviations, render_flow_tabs, render_glance_tabs, render_glossary, render_mode_cards, render_mode_page,
    render_sources, used_abbreviations,
)
from .tables import render_comparison_table, render_key_differences, wrap_markdown_tables
from .timeline import render_timeline

DATA_FILE = Path("data") / "guide.yml"
__all__ = [
    "DATA_FILE", "FAQ_PAGE_LIMIT", "LOCATIONS_FILE", "GuideError", "Validated", "answer_texts", "category_page", "define_env",
    "edit_base_problem", "escape", "export_files", "faq_by_category", "faq_is_split", "faq_pages", "first_tooltips_only", "load_guide",
    "load_located", "render_faq_jsonld", "render_faq_locations", "used_abbreviations", "wrap_markdown_tables",
]


@dataclass(frozen=True, repr=False)
class Validated:
    """The guide as the hook validated it for this build, with its entries' lines and the FAQ layout."""

    guide: Guide
    lines: dict[str, int]
    faq_split: bool  # the hook generates the category pages, so it decides

    def __repr__(self) -> str:
        # The macros plugin writes every variable into a debug dump on each build; the whole guide would be most of it.
        return f"<validated guide: {len(self.guide.faq)} FAQ entries>"


def define_env(env):
    """Register one macro per renderer; each renders for the page being built."""
    validated = env.variables.get("validated")  # once per build, by the hook
    if validated is None:
        validated = Validated(*load_located(Path(env.project_dir) / DATA_FILE, Path(env.project_dir)), faq_split=False)
    guide = validated.guide
    edits = Edits(validated.lines, env.variables.get("edit_base", ""))
    pages = faq_pages(guide) if validated.faq_split else {}
    groups = faq_by_category(guide)  # once per build, not once per category page

    def links():
        return links_for(env.page.url, env.page.file.src_uri, pages)

    @env.macro
    def comparison_table():
        """The full comparison, grouped by category."""
        return render_comparison_table(guide, links(), edits)

    @env.macro
    def key_differences():
        """The short table of key differences."""
        return render_key_differences(guide, links())

    @env.macro
    def faq():
        """Every FAQ entry grouped by category; when split, the list of category pages."""
        return render_faq_index(guide, links()) if pages else render_faq(guide, links(), edits)

    @env.macro
    def faq_category(category_id):
        """The questions of one category, on its own page (split FAQ)."""
        return render_faq_category(guide, groups, category_id, links(), edits)

    @env.macro
    def mode_cards():
        """One card per mode."""
        return render_mode_cards(guide, links())

    @env.macro
    def flow_tabs():
        """How goods and money move, one tab per mode."""
        return render_flow_tabs(guide, links())

    @env.macro
    def glance_tabs():
        """Each mode at a glance, one tab per mode (linked with the other mode tabs)."""
        return render_glance_tabs(guide, links())

    @env.macro
    def mode_page(mode_id):
        """The whole page of one mode."""
        return render_mode_page(guide, mode_id, links(), edits, groups if pages else None)

    @env.macro
    def glossary():
        """The glossary table."""
        return render_glossary(guide)

    definitions = render_abbreviations(guide)  # the same on every page: rendered once per build

    @env.macro
    def abbreviations():
        """Tooltip definitions for glossary terms."""
        return definitions

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

    @env.macro
    def value_chain(mode_id=None):
        """Who does what at each stage, and where the goods are; one mode only when mode_id is given."""
        return render_value_chain(guide, links(), mode_id)

    @env.macro
    def decision_form():
        """The "which mode fits me" questions, live result and rules for the browser."""
        return render_decision_form(guide, links())

    @env.macro
    def decision_table():
        """The decision rules as static tables, readable without JavaScript."""
        return render_decision_table(guide, links())

    @env.macro
    def changes():
        """The change log, newest first."""
        return render_changes(guide, links())

    @env.macro
    def api_files():
        """The table of exported files, linked."""
        return render_api_files(guide, links())

    @env.macro
    def api_fields():
        """The fields of every API file, from the models."""
        return render_api_fields()
