"""MkDocs hook: everything here goes beyond the macros API (define_env, env.macro, env.variables).

Kept apart so a move to another generator touches only this file. It
- makes every build use the current code in macros/ (the macros plugin imports a package once),
- validates the data once per build and hands the guide to define_env through `extra`,
- adds one generated page per mode, so a new mode needs only data,
- splits the FAQ into one generated page per category once it outgrows one page
  (`extra: faq_page_limit`), with a map that sends old faq/#<id> links to the right page,
- adds the machine-readable files (JSON API and schemas, CSV, Atom feed) as generated site files,
  so MkDocs writes them with the pages and checks the docs' links to them,
- puts the FAQ's JSON-LD into the page head (pages whose front matter says `structured_data: faq`),
- shortens a page's table of contents to `toc_depth` levels when its front matter asks for it,
- drops the glossary definitions a page does not use, which Markdown would read and try anyway,
- turns data errors into a clean build failure (no traceback); under `mkdocs serve` it prints
  them and keeps serving the last good version, so the server neither dies nor hangs,
- helps search (macros/search_index.py): teaches the Chinese segmenter the guide's terms, adds the
  comparison rows and the other names to the index, and writes the modes' other names for the
  search box,
- does the same for macro errors: the macros plugin would call exit(), which kills `mkdocs serve`'s
  rebuild thread; here they fail `mkdocs build` with the page and the error, and under `serve`
  are printed while the page's last good version (or the error, for a new page) is served,
- keeps live reload quick: skips work no page uses, reuses compiled theme templates and the HTML
  of pages whose Markdown did not change between rebuilds, and notices saved files sooner.
"""

import copy
import functools
import gc
import html
import json
import logging
import sys
from pathlib import Path

import jieba
import jinja2
from backrefs import bre
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

MODES_SECTION = "Modes"
FAQ_SECTION = "FAQ"
MODE_NAMES_SCRIPT = "javascripts/mode-names.js"  # listed in extra_javascript, before search-query.js
HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # what Material's search plugin segments
POLL_SECONDS = 0.1  # MkDocs looks for saved files every 0.5 s; live reload should not wait that long
_session = {
    "serving": False, "last_good": None, "macros": None, "pages": {}, "code": None, "faq_pages": {},
    "faq_by_page": {},
}


def abort_build(message: str) -> Abort:
    """An error that stops `mkdocs build` with this message, and only the rebuild under `serve`."""
    return Abort(f"\n{message}")


def _load(macros, project_dir: str):
    """The validated guide and its entry lines; while serving, the last good ones if the data now has problems."""
    try:
        located = macros.load_located(Path(project_dir) / macros.DATA_FILE, Path(project_dir))
    except macros.GuideError as error:
        if not (_session["serving"] and _session["last_good"]):
            raise abort_build(str(error)) from None
        print(f"{error}\nStill serving the last good version; fix the data and save again.", file=sys.stderr)
        return _session["last_good"]
    _session["last_good"] = located
    return located


def _load_for_the_build(macros, project_dir: str):
    """_load, with the guide kept out of the cycle collector until the next build loads one."""
    gc.unfreeze()  # the previous rebuild's objects (mkdocs serve) go back to the collector
    located = _load(macros, project_dir)
    # The guide lives as long as the build: each full collection would scan its millions of objects
    # again (about a second at ×100).
    gc.freeze()
    return located


def on_startup(command, dirty):
    """Remember whether this is `mkdocs serve`, whose rebuilds must survive bad data; then reuse unchanged pages' HTML."""
    _session["serving"] = command == "serve"
    if _session["serving"] and not isinstance(Page.render, _CachedRender):
        Page.render = _CachedRender(Page.render)


def _code_version(project_dir: str) -> tuple:
    """Which macros/ code is on disk: every module's path, modification time and size."""
    files = sorted((Path(project_dir) / "macros").rglob("*.py"))
    return (project_dir, *((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


def _fresh_macros(project_dir: str):
    """The macros package as it is on disk now: imported again only when its code changed.

    Re-importing builds the schema's models anew (over a tenth of a rebuild), so a data edit keeps the
    imported code; a code edit forgets all of it, since modules hold each other's functions.
    """
    if project_dir not in sys.path:
        sys.path.insert(0, project_dir)
    version = _code_version(project_dir)
    if version != _session["code"]:
        for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
            del sys.modules[name]
        _session["code"] = version
    import macros

    return macros


def _faq_page_limit(config, default: int) -> int:
    limit = config.extra.get("faq_page_limit", default)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise abort_build(f"mkdocs.yml: extra.faq_page_limit must be a whole number of at least 1, not {limit!r}")
    return limit


def _set_section(nav, title: str, pages: list) -> None:
    """Fill the nav section with this title with the generated pages."""
    for item in nav or []:
        if isinstance(item, dict) and title in item:
            item[title] = pages


def _no_git_info() -> dict:
    return {"status": False, "date": None, "diagnosis": "not collected: no page uses it (macros/mkdocs_adapter.py)"}


def _skip_git_info() -> None:
    """The macros plugin runs 12 git commands per build for `git` variables that no page uses."""
    import mkdocs_macros.context

    mkdocs_macros.context.get_git_info = _no_git_info


@event_priority(100)  # before the macros plugin imports the package
def on_config(config):
    """Reload macros/, validate the data and settings, decide the FAQ layout, list generated pages in the nav."""
    _skip_git_info()
    project_dir = str(Path(config.config_file_path).parent)
    macros = _session["macros"] = _fresh_macros(project_dir)
    problem = macros.edit_base_problem(config.extra.get("edit_base", ""))
    if problem:
        raise abort_build(f"mkdocs.yml: {problem}")
    if not config.site_url:
        raise abort_build("mkdocs.yml: site_url is needed: the feed and the API give absolute links")
    guide, lines = _load_for_the_build(macros, project_dir)
    split = macros.faq_is_split(guide, _faq_page_limit(config, macros.FAQ_PAGE_LIMIT))
    config.extra["validated"] = macros.Validated(guide, lines, split)
    groups = macros.faq_by_category(guide) if split else []
    _session["faq_pages"] = macros.faq_pages(guide) if split else {}
    _session["faq_by_page"] = {f"{macros.category_page(c.id)}.md": entries for c, entries in groups}
    _add_chinese_words(guide)
    # Titles are HTML to the theme and templates to the macros plugin: escape() keeps them literal in both.
    _set_section(config.nav, MODES_SECTION, [{macros.escape(m.name): f"modes/{m.id}.md"} for m in guide.modes])
    if split:
        topics = [{macros.escape(c.name): f"{macros.category_page(c.id)}.md"} for c, _ in groups]
        _set_section(config.nav, FAQ_SECTION, [{"All topics": "faq.md"}, *topics])
    return config


def _add_chinese_words(guide) -> None:
    """Teach the segmenter the guide's Chinese terms, so 半托管 is one search term, not 半 + 托管."""
    from macros.search_index import chinese_terms, words_to_teach  # the copy this build loaded

    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading on every build
    _cut_han_run.cache_clear()
    words_to_teach(chinese_terms(guide), lambda term: list(jieba.cut(term)), jieba.add_word)


def _front_matter(macros, **fields) -> str:
    # Material writes the description into an attribute unescaped, so it is escaped here.
    lines = [f"{k}: {json.dumps(macros.escape(' '.join(v.split())), ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _generated_pages(macros, guide, split: bool) -> dict[str, str]:
    """Path and content of each generated page: one per mode, and one per FAQ category when split."""
    pages = {
        f"modes/{mode.id}.md": f'{_front_matter(macros, description=mode.summary)}'
                               f'{{{{ mode_page("{mode.id}") }}}}\n\n{{{{ abbreviations() }}}}\n'
        for mode in guide.modes
    }
    for category, entries in macros.faq_by_category(guide) if split else []:
        about = f"{category.name}: {len(entries)} questions sellers ask about Temu's seller modes, answered with sources."
        front = _front_matter(macros, description=about, structured_data="faq")
        page = macros.category_page(category.id)
        pages[f"{page}.md"] = f'{front}{{{{ faq_category("{category.id}") }}}}\n\n{{{{ abbreviations() }}}}\n'
    return pages


def on_files(files, config):
    """Add the generated pages (macro calls and a description), the FAQ location map when split,
    the machine-readable files and the modes' other names for search."""
    from macros.search_index import mode_names_script

    macros, validated = _session["macros"], config.extra["validated"]
    guide, split = validated.guide, validated.faq_split
    for path, content in _generated_pages(macros, guide, split).items():
        files.append(File.generated(config, path, content=content))
    if split:
        files.append(File.generated(config, macros.LOCATIONS_FILE, content=macros.render_faq_locations(guide)))
    for path, text in macros.export_files(guide, config.site_url, config.site_name).items():
        files.append(File.generated(config, path, content=text.encode("utf-8")))
    files.append(File.generated(config, MODE_NAMES_SCRIPT, content=mode_names_script(guide)))
    return files


@event_priority(-50)  # after the macros plugin has rendered the page
def on_page_markdown(markdown, page, config, files):
    """Keep only the glossary definitions the page uses (every page lists them all: `abbreviations()`)."""
    return _session["macros"].used_abbreviations(markdown)


def _cut_toc(items, depth: int) -> None:
    """Drop table-of-contents entries below this heading level."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _cut_toc(item.children, depth)


def on_page_content(html, page, config, files):
    """Keep each glossary tooltip once per section; wrap Markdown tables; shorten the table of contents where `toc_depth` is set.

    Material prints a page's table of contents twice (sidebar and menu): on the one-page FAQ, a line
    per question would be a large share of the page's weight; its topics are enough."""
    html = _session["macros"].wrap_markdown_tables(_session["macros"].first_tooltips_only(html))
    depth = page.meta.get("toc_depth")
    if depth is None:
        return html
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
        raise abort_build(f"{page.file.src_uri}: toc_depth must be a heading level (1 to 6), not {depth!r}")
    _cut_toc(page.toc, depth)
    return html


def _faq_on_page(guide, src_uri: str) -> list:
    """The FAQ entries a page shows: all on the one-page FAQ; a category's on its page when split."""
    return _session["faq_by_page"].get(src_uri, []) if _session["faq_pages"] else guide.faq


def on_page_context(context, page, config, nav):
    """Give the theme the JSON-LD of the FAQ entries on the page (overrides/main.html puts it into the head)."""
    macros, kind = _session["macros"], page.meta.get("structured_data")
    if kind == "faq":
        guide = config.extra["validated"].guide
        entries = _faq_on_page(guide, page.file.src_uri)
        texts = macros.answer_texts(page.content)  # each answer as the page shows it
        missing = [e.id for e in entries if e.id not in texts]
        if missing:
            raise abort_build(f"{page.file.src_uri}: the answer of FAQ entry {missing[0]!r} was not found on the "
                              "converted page, so its JSON-LD cannot be written (macros/faq.py: ANSWER)")
        if entries:  # the split FAQ's front page lists topics, no questions
            context["json_ld"] = macros.render_faq_jsonld(guide, page.canonical_url, texts, entries)
    elif kind is not None:
        raise abort_build(f"{page.file.src_uri}: structured_data: {kind!r} is unknown; the only kind is 'faq'")
    return context


@functools.lru_cache(maxsize=None)  # the same names recur in every row; cleared when words are taught
def _cut_han_run(run: str) -> str:
    return "\u200b" + "\u200b".join(jieba.cut(run)) + "\u200b"


def segment_chinese(text: str) -> str:
    """Chinese runs cut into words and joined by zero-width spaces, as the search plugin does."""
    return HAN_RUN.sub(lambda match: _cut_han_run(match.group(0)), text).strip("\u200b")


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    """Add the comparison rows and the other names sellers use to the search index."""
    from macros.markup import Links
    from macros.search_index import add_guide_entries

    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():  # search is switched off
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    try:
        faq_layout = Links(faq_pages=_session["faq_pages"])
        index = add_guide_entries(index, config.extra["validated"].guide, segment_chinese, faq_layout)
    except ValueError as error:
        raise abort_build(str(error)) from None
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class MacroFailed(BaseException):
    """A macro's error, raised as a BaseException so the macros plugin passes it on instead of exiting."""


class ReportingTemplate(jinja2.Template):
    """A page template whose errors leave the macros plugin as MacroFailed."""

    def render(self, *args, **kwargs):
        try:
            return super().render(*args, **kwargs)
        except Exception as error:
            raise MacroFailed(error) from error


def on_pre_build(config):
    """Make a macro error fail only this build, naming the page, instead of exiting."""
    plugin = config.plugins["macros"]
    plugin.env.template_class = ReportingTemplate
    render = plugin.render

    def render_or_fail(markdown, force_rendering=False):
        page = plugin.page.file.src_uri
        try:
            output = render(markdown, force_rendering)
        except MacroFailed as failure:
            error = failure.args[0]
            return _macro_error(page, f"{page}: {type(error).__name__}: {error}")
        except SystemExit:  # a template syntax error: the plugin has printed it and called exit()
            return _macro_error(page, f"{page}: macro syntax error (see the message above)")
        _session["pages"][page] = output
        return output

    plugin.render = render_or_fail


def _macro_error(page: str, message: str) -> str:
    """Fail the build; while serving, print the error and keep the page's last good version."""
    if not _session["serving"]:
        raise PluginError(message)
    print(f"{message}\nStill serving the last good version of {page}; fix it and save again.", file=sys.stderr)
    return _session["pages"].get(page, f'<p class="macro-error"><strong>Macro error:</strong> {html.escape(message)}</p>')


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept between the rebuilds of one `mkdocs serve`.

    Jinja checks each entry against the template's source, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_templates = _CompiledTemplates()


def on_env(env, config, files):
    """While serving, reuse the theme templates compiled by earlier rebuilds (a third of a rebuild)."""
    if _session["serving"]:
        env.bytecode_cache = _templates
    return env


def on_serve(server, config, builder):
    """Look for saved files every POLL_SECONDS instead of MkDocs' half second."""
    # watchdog (pinned) keeps the interval in `_timeout`; were that to change, polling stays at 0.5 s.
    server.observer._timeout = POLL_SECONDS  # paths watched after this hook (`watch:` in mkdocs.yml)
    for emitter in server.observer.emitters:  # docs/ and mkdocs.yml, watched already
        emitter._timeout = POLL_SECONDS
    return server


class _WarningSeen(logging.Handler):
    """Notes whether anything logged a warning (which strict mode counts) while it is attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


class _CachedRender:
    """Page.render under `mkdocs serve`: a page whose Markdown, site files and Markdown settings are
    those of the last rebuild gets that rebuild's HTML again instead of being converted anew.

    A data edit changes a few pages; converting the others again was about 40% of each rebuild. Pages
    whose conversion logged a warning are never reused, so strict mode still sees every warning.
    """

    KEPT = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")

    def __init__(self, render) -> None:
        self.render = render
        self.pages: dict[str, tuple] = {}
        self.files, self.files_key = None, None

    def __get__(self, page, owner=None):
        return self if page is None else lambda config, files: self(page, config, files)

    def __call__(self, page, config, files) -> None:
        key = (page.markdown, self._site_key(config, files))
        kept = self.pages.get(page.file.src_uri)
        if kept and kept[0] == key:
            self._restore(page, kept[1], files)
            return
        seen = _WarningSeen()
        loggers = (logging.getLogger(), logging.getLogger("mkdocs"))
        for logger in loggers:
            logger.addHandler(seen)
        try:
            self.render(page, config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(seen)
        if not seen.seen:
            self.pages[page.file.src_uri] = (key, copy.deepcopy({name: getattr(page, name) for name in self.KEPT}))

    def _site_key(self, config, files) -> tuple:
        """What a conversion depends on besides the Markdown: each file's address and the Markdown settings."""
        if files is not self.files:  # once per build: every page of a build shares its Files
            self.files = files
            self.files_key = tuple(sorted((f.src_uri, f.dest_uri, f.url) for f in files))
        # repr: settings holding functions differ each rebuild, so such pages are simply converted again.
        settings = repr((config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation))
        return self.files_key, settings

    @staticmethod
    def _restore(page, kept: dict, files) -> None:
        for name, value in copy.deepcopy(kept).items():
            setattr(page, name, value)
        if page.links_to_anchors:  # keyed by the last rebuild's File objects: use this build's
            page.links_to_anchors = {files.get_file_from_path(f.src_uri): v for f, v in page.links_to_anchors.items()}
