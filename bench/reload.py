"""Live reload: time from saving a changed data file to `mkdocs serve` serving the rebuilt page."""

import statistics
import time
import urllib.request
from pathlib import Path

from tools.local_site import free_port, start_serving, stop_serving

from .synthetic import DATA_FILE

POLL_SECONDS = 0.02


def fetch(url: str) -> str:
    """The page's text ('' while the server is not up yet)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page contains the text, polling every POLL_SECONDS."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - start


def reload_times(project: Path, old_value: str, runs: int, log: Path) -> list[float]:
    """Serve the project as `make serve` does, change one data value `runs` times, time each reload."""
    port = free_port()
    page = f"http://127.0.0.1:{port}/compare/"
    data = project / DATA_FILE
    with log.open("w") as output:
        server = start_serving(project / "mkdocs.yml", port, output)
        try:
            wait_for(page, "</html>", timeout=120)
            times, current = [], old_value
            for run in range(runs):
                new = f"Benchmark value {run} {time.time_ns()}"
                text = data.read_text(encoding="utf-8")
                if current not in text:
                    raise ValueError(f"{current!r} is not written out in {DATA_FILE}")
                data.write_text(text.replace(current, new, 1), encoding="utf-8")
                times.append(wait_for(page, new, timeout=60))
                current = new
                time.sleep(0.5)  # let the server settle, as an editor pauses between saves
            return times
        finally:
            stop_serving(server)


def median(values: list[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else float("nan")
