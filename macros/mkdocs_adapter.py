"""MkDocs hook: everything here goes beyond the macros API (define_env, env.macro, env.variables).

Kept apart so a move to another generator touches only this file. It
- makes every build import the current code in macros/ (the macros plugin imports a package once),
- validates the data once per build and hands the guide to define_env through `extra`,
- adds one generated page per mode, so a new mode needs only data,
- gives each mode page its summary as the page description (search engines show it),
- turns data errors into a clean build failure (no traceback); under `mkdocs serve` it prints
  them and keeps serving the last good version, so the server neither dies nor hangs.
"""

import html
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

MODES_SECTION = "Modes"
_session = {"serving": False, "last_good": None}


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
    guide = _load(_fresh_macros(project_dir), project_dir)
    config.extra["guide"] = guide
    pages = [{mode.name: f"modes/{mode.id}.md"} for mode in guide.modes]
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


def on_page_markdown(markdown, page, config, files):
    """A mode page's description is its summary; escaped, since the theme writes it into HTML as is."""
    for mode in config.extra["guide"].modes:
        if page.file.src_uri == f"modes/{mode.id}.md":
            page.meta["description"] = html.escape(" ".join(mode.summary.split()), quote=True)
    return markdown
