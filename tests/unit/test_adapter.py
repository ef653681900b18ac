"""The MkDocs hook apart from a running server: macro errors, reused page HTML under serve, the FAQ JSON-LD."""

import logging
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

import macros
from conftest import ROOT
from macros import mkdocs_adapter


@pytest.fixture
def session(monkeypatch):
    state = {"serving": False, "last_good": None, "pages": {}}
    monkeypatch.setattr(mkdocs_adapter, "_session", state)
    return state


def test_a_build_fails_with_the_message(session):
    with pytest.raises(PluginError, match="^faq.md: ValueError: boom$"):
        mkdocs_adapter._macro_error("faq.md", "faq.md: ValueError: boom")


def test_serving_keeps_the_last_good_page(session, capsys):
    session.update(serving=True, pages={"faq.md": "last good markdown"})
    assert mkdocs_adapter._macro_error("faq.md", "faq.md: ValueError: boom") == "last good markdown"
    assert capsys.readouterr().err == "faq.md: ValueError: boom\nStill serving the last good version of faq.md; fix it and save again.\n"


def test_serving_a_page_that_never_built_shows_the_error_escaped(session):
    session["serving"] = True
    out = mkdocs_adapter._macro_error("new.md", "new.md: UndefinedError: '<b>' is undefined")
    assert out == '<p class="macro-error"><strong>Macro error:</strong> new.md: UndefinedError: &#x27;&lt;b&gt;&#x27; is undefined</p>'


# --- Reusing unchanged pages' HTML under `mkdocs serve` ------------------------------------------

MKDOCS_RENDER = Page.render


class CountedRender:
    """MkDocs' own Page.render, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, page, config, files) -> None:
        self.calls += 1
        MKDOCS_RENDER(page, config, files)


def small_site(root, pages: dict[str, str]):
    """A config and the files of a site with these Markdown pages."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc]\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    return config, get_files(config)


def rendered(cache, config, files, uri: str, markdown: str) -> Page:
    page = Page(None, files.get_file_from_path(uri), config)
    page.markdown = markdown
    cache(page, config, files)
    return page


@pytest.fixture
def cached(tmp_path):
    counted = CountedRender()
    config, files = small_site(tmp_path, {"a.md": "# A\n", "b.md": "# B\n\n## Part {#part}\n"})
    return mkdocs_adapter._CachedRender(counted), counted, config, files, tmp_path


def test_an_unchanged_page_is_converted_once_and_gets_the_same_html(cached):
    cache, counted, config, files, _ = cached
    first, second = (rendered(cache, config, files, "a.md", "# A\n\n## One\n\nText.\n") for _ in range(2))
    first.toc.items[0].children = second.toc.items[0].children = []  # the hook cuts tables of contents in place
    again = rendered(cache, config, files, "a.md", "# A\n\n## One\n\nText.\n")
    assert counted.calls == 1
    assert again.content == first.content and "<h2 id=\"one\">One</h2>" in again.content
    assert [c.title for c in again.toc.items[0].children] == ["One"]


def test_changed_markdown_or_changed_site_files_convert_again(cached):
    cache, counted, config, files, root = cached
    rendered(cache, config, files, "a.md", "# A\n")
    assert "Changed" in rendered(cache, config, files, "a.md", "# Changed\n").content
    config, files = small_site(root / "grown", {"a.md": "# A\n", "b.md": "# B\n", "c.md": "# C\n"})
    rendered(cache, config, files, "a.md", "# Changed\n")
    assert counted.calls == 3


def test_a_page_whose_conversion_warned_is_converted_again_so_strict_mode_counts_it(cached, caplog):
    cache, counted, config, files, _ = cached
    for _ in range(2):
        rendered(cache, config, files, "a.md", "[gone](missing.md)\n")
    assert counted.calls == 2
    assert sum("missing.md" in r.getMessage() for r in caplog.records if r.levelname == "WARNING") == 2


def test_links_to_anchors_of_a_reused_page_point_at_this_builds_files(cached):
    cache, counted, config, files, root = cached
    config.validation.anchors = logging.WARNING
    rendered(cache, config, files, "a.md", "[part](b.md#part)\n")
    config, files = small_site(root, {})  # the next rebuild: same files, new objects
    config.validation.anchors = logging.WARNING
    again = rendered(cache, config, files, "a.md", "[part](b.md#part)\n")
    assert counted.calls == 1
    (target, anchors), = again.links_to_anchors.items()
    assert target is files.get_file_from_path("b.md") and anchors == {"part": "b.md#part"}


def test_a_faq_answer_missing_from_the_converted_page_fails_the_build_by_name(session):
    guide = macros.load_guide(ROOT / macros.DATA_FILE)
    session.update(macros=macros, faq_pages={})
    shown = f'<h3 id="{guide.faq[0].id}">Q</h3><details class="question faq"><summary>Answer</summary><p>Shown.</p></details>'
    page = SimpleNamespace(meta={"structured_data": "faq"}, file=SimpleNamespace(src_uri="faq.md"),
                           canonical_url="https://x/faq/", content=shown)
    with pytest.raises(Abort, match=f"faq.md: the answer of FAQ entry '{guide.faq[1].id}' was not found"):
        mkdocs_adapter.on_page_context({}, page, SimpleNamespace(extra={"validated": macros.Validated(guide, {}, False)}), None)


def test_segmenting_for_search_follows_the_words_each_build_teaches():
    """Cuts are remembered within a build; a build that teaches new words starts afresh."""
    import jieba

    word = "冷僻单"  # jieba cuts it into 冷僻 + 单, so a build teaches it
    guide = SimpleNamespace(modes=[], glossary=[SimpleNamespace(chinese=word)], variants=[], dimensions=[])
    assert mkdocs_adapter.segment_chinese(word) != word, "the test word must be cut while it is not taught"
    try:
        mkdocs_adapter._add_chinese_words(guide)
        assert mkdocs_adapter.segment_chinese(word) == word
    finally:
        jieba.del_word(word)


# --- Handing the guide to the build ----------------------------------------------------------------

def test_the_validated_guide_is_one_short_line_in_the_macros_plugins_debug_dump():
    from super_collections import SuperDict  # what the macros plugin serialises its variables with, every build

    guide = macros.load_guide(ROOT / macros.DATA_FILE)
    dump = SuperDict({"validated": macros.Validated(guide, {}, False)}).to_json()
    assert dump == f'{{"validated": "<validated guide: {len(guide.faq)} FAQ entries>"}}'


def test_the_loaded_guide_is_kept_out_of_the_cycle_collector_which_gets_the_last_one_back_first(session):
    import gc

    loaded = []

    def load_located(path, root):
        assert gc.get_freeze_count() == 0, "the previous build's objects were not given back to the collector"
        loaded.append([["a guide"]])
        return loaded[-1], {}

    fake = SimpleNamespace(load_located=load_located, DATA_FILE=macros.DATA_FILE, GuideError=macros.GuideError)
    try:
        gc.freeze()  # as the previous build left it
        guide, _ = mkdocs_adapter._load_for_the_build(fake, str(ROOT))
        assert gc.get_freeze_count() > 0
        assert not any(obj is guide for obj in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(obj is guide for obj in gc.get_objects())
