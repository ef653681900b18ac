"""MkDocs hook: everything here goes beyond the macros API (define_env, env.macro, env.variables).

Kept apart so a move to another generator touches only this file. It
- makes every build use the current code in macros/ (the macros plugin imports a package once),
- validates the data once per build and hands the guide to define_env through `extra`,
- adds one generated page per mode, so a new mode needs only data,
- splits the FAQ into one generated page per category once it outgrows one page
  (`extra: faq_page_limit`), with a map that sends old faq/#<id> links to the right page,
- turns data errors into a clean build failure (no traceback); under `mkdocs serve` it prints
  them and keeps serving the last good version, so the server neither dies nor hangs,
- keeps live reload quick: skips work no page uses, reuses compiled theme templates between
  rebuilds and notices saved files sooner.
"""

import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

MODES_SECTION = "Modes"
FAQ_SECTION = "FAQ"
POLL_SECONDS = 0.1  # MkDocs looks for saved files every 0.5 s; live reload should not wait that long
_session = {"serving": False, "last_good": None, "generated": [], "code": None}


def abort_build(message: str) -> Abort:
    """An error that stops `mkdocs build` with this message, and only the rebuild under `serve`."""
    return Abort(f"\n{message}")


def _load(macros, project_dir: str):
    """The validated guide; while serving, the last good one if the data now has problems."""
    try:
        guide = macros.load_guide(Path(project_dir) / macros.DATA_FILE, Path(project_dir))
    except macros.GuideError as error:
        if not (_session["serving"] and _session["last_good"]):
            raise abort_build(str(error)) from None
        print(f"{error}\nStill serving the last good version; fix the data and save again.", file=sys.stderr)
        return _session["last_good"]
    _session["last_good"] = guide
    return guide


def on_startup(command, dirty):
    """Remember whether this is `mkdocs serve`, whose rebuilds must survive bad data."""
    _session["serving"] = command == "serve"


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


def _generated(macros, guide, split: bool) -> tuple[list, list | None, list[tuple[str, str]]]:
    """(modes nav, FAQ nav or None, (path, content) of each generated file): mode pages, FAQ pages when split."""
    files = [(f"modes/{m.id}.md", f'{{{{ mode_page("{m.id}") }}}}\n\n{{{{ abbreviations() }}}}\n') for m in guide.modes]
    modes_nav = [{mode.name: f"modes/{mode.id}.md"} for mode in guide.modes]
    if not split:
        return modes_nav, None, files
    categories = [category for category, _ in macros.faq_by_category(guide)]
    files += [(f"faq/{c.id}.md", f'{{{{ faq_category("{c.id}") }}}}\n\n{{{{ abbreviations() }}}}\n') for c in categories]
    files.append((macros.LOCATIONS_FILE, macros.render_faq_locations(guide)))
    faq_nav = [{"All topics": "faq.md"}, *({c.name: f"faq/{c.id}.md"} for c in categories)]
    return modes_nav, faq_nav, files


def _no_git_info() -> dict:
    return {"status": False, "date": None, "diagnosis": "not collected: no page uses it (macros/mkdocs_adapter.py)"}


def _skip_git_info() -> None:
    """The macros plugin runs 12 git commands per build for `git` variables that no page uses."""
    import mkdocs_macros.context

    mkdocs_macros.context.get_git_info = _no_git_info


@event_priority(100)  # before the macros plugin imports the package
def on_config(config):
    """Reload macros/, validate the data, decide the FAQ layout and list the generated pages in the nav."""
    _skip_git_info()
    project_dir = str(Path(config.config_file_path).parent)
    macros = _fresh_macros(project_dir)
    guide = _load(macros, project_dir)
    split = macros.faq_is_split(guide, _faq_page_limit(config, macros.FAQ_PAGE_LIMIT))
    config.extra["guide"], config.extra["faq_split"] = guide, split
    modes_nav, faq_nav, _session["generated"] = _generated(macros, guide, split)
    _set_section(config.nav, MODES_SECTION, modes_nav)
    if faq_nav:
        _set_section(config.nav, FAQ_SECTION, faq_nav)
    return config


def on_files(files, config):
    """Add the generated pages (their content is macro calls) and the FAQ location map."""
    for path, content in _session["generated"]:
        files.append(File.generated(config, path, content=content))
    return files


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
