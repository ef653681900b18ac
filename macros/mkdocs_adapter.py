"""MkDocs hook: everything here goes beyond the macros API (define_env, env.macro, env.variables).

Kept apart so a move to another generator touches only this file. It
- makes every build import the current code in macros/ (the macros plugin imports a package once),
- validates the data once per build and hands the guide to define_env through `extra`,
- adds one generated page per mode, so a new mode needs only data,
- adds the machine-readable files (JSON API and schemas, CSV, Atom feed) as generated site files,
  so MkDocs writes them with the pages and checks the docs' links to them,
- puts the FAQ page's JSON-LD into the page head (pages whose front matter says `structured_data: faq`),
- turns data errors into a clean build failure (no traceback); under `mkdocs serve` it prints
  them and keeps serving the last good version, so the server neither dies nor hangs,
- helps search (macros/search_index.py): teaches the Chinese segmenter the guide's terms, adds the
  comparison rows and the other names to the index, and writes the modes' other names for the
  search box,
- does the same for macro errors: the macros plugin would call exit(), which kills `mkdocs serve`'s
  rebuild thread; here they fail `mkdocs build` with the page and the error, and under `serve`
  are printed while the page's last good version (or the error, for a new page) is served.
"""

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

MODES_SECTION = "Modes"
MODE_NAMES_SCRIPT = "javascripts/mode-names.js"  # listed in extra_javascript, before search-query.js
HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # what Material's search plugin segments
_session = {"serving": False, "last_good": None, "macros": None, "pages": {}}


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


def on_startup(command, dirty):
    """Remember whether this is `mkdocs serve`, whose rebuilds must survive bad data."""
    _session["serving"] = command == "serve"


def _fresh_macros(project_dir: str):
    """Forget the imported macros package so this build runs the code as it is on disk now."""
    if project_dir not in sys.path:
        sys.path.insert(0, project_dir)
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    import macros

    return macros


@event_priority(100)  # before the macros plugin imports the package
def on_config(config):
    """Reload macros/, validate the data and settings, and list one page per mode in the nav."""
    project_dir = str(Path(config.config_file_path).parent)
    macros = _session["macros"] = _fresh_macros(project_dir)
    problem = macros.edit_base_problem(config.extra.get("edit_base", ""))
    if problem:
        raise abort_build(f"mkdocs.yml: {problem}")
    if not config.site_url:
        raise abort_build("mkdocs.yml: site_url is needed: the feed and the API give absolute links")
    guide, lines = _load(macros, project_dir)
    config.extra["guide"] = guide
    config.extra["guide_lines"] = lines
    _add_chinese_words(guide)
    # Titles are HTML to the theme and templates to the macros plugin: escape() keeps them literal in both.
    pages = [{macros.escape(mode.name): f"modes/{mode.id}.md"} for mode in guide.modes]
    for item in config.nav or []:
        if isinstance(item, dict) and MODES_SECTION in item:
            item[MODES_SECTION] = pages
    return config


def _add_chinese_words(guide) -> None:
    """Teach the segmenter the guide's Chinese terms, so 半托管 is one search term, not 半 + 托管."""
    from macros.search_index import chinese_terms, words_to_teach  # the copy this build loaded

    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading on every build
    words_to_teach(chinese_terms(guide), lambda term: list(jieba.cut(term)), jieba.add_word)


def on_files(files, config):
    """Add the generated mode pages (two macro calls and a description), the machine-readable files
    and the modes' other names for search."""
    from macros.search_index import mode_names_script

    macros, guide = _session["macros"], config.extra["guide"]
    for mode in guide.modes:
        # Material writes the description into an attribute unescaped, so it is escaped here.
        front = f"---\ndescription: {json.dumps(macros.escape(' '.join(mode.summary.split())), ensure_ascii=False)}\n---\n"
        content = f'{front}{{{{ mode_page("{mode.id}") }}}}\n\n{{{{ abbreviations() }}}}\n'
        files.append(File.generated(config, f"modes/{mode.id}.md", content=content))
    for path, text in macros.export_files(guide, config.site_url, config.site_name).items():
        files.append(File.generated(config, path, content=text.encode("utf-8")))
    files.append(File.generated(config, MODE_NAMES_SCRIPT, content=mode_names_script(guide)))
    return files


def on_page_context(context, page, config, nav):
    """Give the theme the FAQ page's JSON-LD (overrides/main.html puts it into the head)."""
    macros, kind = _session["macros"], page.meta.get("structured_data")
    if kind == "faq":
        context["json_ld"] = macros.render_faq_jsonld(config.extra["guide"], page.canonical_url)
    elif kind is not None:
        raise abort_build(f"{page.file.src_uri}: structured_data: {kind!r} is unknown; the only kind is 'faq'")
    return context


def segment_chinese(text: str) -> str:
    """Chinese runs cut into words and joined by zero-width spaces, as the search plugin does."""

    def cut(match) -> str:
        return "\u200b" + "\u200b".join(jieba.cut(match.group(0))) + "\u200b"

    return HAN_RUN.sub(cut, text).strip("\u200b")


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    """Add the comparison rows and the other names sellers use to the search index."""
    from macros.search_index import add_guide_entries

    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():  # search is switched off
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    try:
        index = add_guide_entries(index, config.extra["guide"], segment_chinese)
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
