"""MkDocs hook: everything here goes beyond the macros API (define_env, env.macro, env.variables).

Kept apart so a move to another generator touches only this file. It
- makes every build import the current code in macros/ (the macros plugin imports a package once),
- validates the data once per build and hands the guide to define_env through `extra`,
- adds one generated page per mode, so a new mode needs only data,
- turns data errors into a clean build failure (no traceback); under `mkdocs serve` it prints
  them and keeps serving the last good version, so the server neither dies nor hangs,
- does the same for macro errors: the macros plugin would call exit(), which kills `mkdocs serve`'s
  rebuild thread; here they fail `mkdocs build` with the page and the error, and under `serve`
  are printed while the page's last good version (or the error, for a new page) is served.
"""

import html
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

MODES_SECTION = "Modes"
_session = {"serving": False, "last_good": None, "pages": {}}


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
    """Reload macros/, validate the data and list one page per mode in the nav."""
    project_dir = str(Path(config.config_file_path).parent)
    macros = _fresh_macros(project_dir)
    guide = _load(macros, project_dir)
    config.extra["guide"] = guide
    # Titles are HTML to the theme and templates to the macros plugin: escape() keeps them literal in both.
    pages = [{macros.markup.escape(mode.name): f"modes/{mode.id}.md"} for mode in guide.modes]
    for item in config.nav or []:
        if isinstance(item, dict) and MODES_SECTION in item:
            item[MODES_SECTION] = pages
    return config


def on_files(files, config):
    """Add the generated mode pages; their content is two macro calls."""
    for mode in config.extra["guide"].modes:
        content = f'{{{{ mode_page("{mode.id}") }}}}\n\n{{{{ abbreviations() }}}}\n'
        files.append(File.generated(config, f"modes/{mode.id}.md", content=content))
    return files


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
