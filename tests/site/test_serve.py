"""`mkdocs serve` as `make serve` runs it: edits to the data and to macros/ reach the served pages."""

import time
import urllib.request

import pytest

from conftest import ROOT, copy_project
from macros import DATA_FILE
from macros.load import load_guide
from tools.local_site import free_port, start_serving, stop_serving

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)


def fetch(url: str) -> str:
    # The server holds a request until the running rebuild is done, which on a busy machine can
    # take longer than a page load.
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, predicate, timeout: float = 60) -> str:
    """Poll a page until its text satisfies the predicate; fail with the last text otherwise."""
    deadline, text = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
            if predicate(text):
                return text
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} never matched within {timeout}s; last text starts: {text[:200]!r}")


@pytest.fixture
def served(tmp_path):
    """A copy of the project under `mkdocs serve --livereload` on a free loopback port."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    temporary = tmp_path / "temporary"  # where mkdocs serve builds its site; gone again once stopped
    temporary.mkdir()
    process = start_serving(project / "mkdocs.yml", port, log, TMPDIR=str(temporary))
    try:
        yield project, f"http://127.0.0.1:{port}", process, tmp_path / "serve.log"
    finally:
        stop_serving(process)
        log.close()
    assert list(temporary.glob("mkdocs_*")) == [], "mkdocs serve left its built site behind"


def replace_in(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_data_and_code_edits_reload_and_bad_data_keeps_last_good_pages(served):
    project, base, process, log = served
    compare = f"{base}/compare/"
    old = GUIDE.dimensions[0].values[GUIDE.modes[0].id].value
    wait_for(compare, lambda text: "<table" in text)

    replace_in(project / DATA_FILE, old, "Live edited value 0815")
    wait_for(compare, lambda text: "Live edited value 0815" in text)

    replace_in(project / "macros" / "tables.py", 'the modes compared"', 'modes side by side"')
    wait_for(compare, lambda text: "modes side by side" in text)

    replace_in(project / DATA_FILE, "Live edited value 0815", "Broken\n    colour: orange\n    note: x")
    deadline = time.monotonic() + 30
    while "problem" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "problem" in log.read_text(), "the serve log should list the data problem"
    assert "Traceback" not in log.read_text()
    assert process.poll() is None, "the server must keep running"
    # The rebuild with the last good data is still running; the server answers once it is done.
    wait_for(compare, lambda text: "Live edited value 0815" in text)  # the last good page stays served

    replace_in(project / DATA_FILE, "Broken\n    colour: orange\n    note: x", "Repaired value 0816")
    wait_for(compare, lambda text: "Repaired value 0816" in text)


def test_macro_error_is_reported_and_the_server_keeps_serving_and_rebuilding(served):
    project, base, process, log = served
    compare = f"{base}/compare/"
    wait_for(compare, lambda text: "<table" in text)
    page = project / "docs" / "compare.md"
    good = page.read_text(encoding="utf-8")

    page.write_text(good + '\n{{ mode_page("no-such-mode") }}\n', encoding="utf-8")
    known = ", ".join(m.id for m in GUIDE.modes)
    deadline = time.monotonic() + 30
    while f"known mode ids: {known}" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    output = log.read_text()
    assert f"compare.md: ValueError: unknown mode id 'no-such-mode'; known mode ids: {known}" in output
    assert "Traceback" not in output
    assert process.poll() is None, "the server must keep running"
    assert "<table" in fetch(compare), "the last good page stays served"

    page.write_text(good.replace("# Compare the modes", "# Compare the modes again 0817"), encoding="utf-8")
    wait_for(compare, lambda text: "again 0817" in text)  # rebuilding still works
