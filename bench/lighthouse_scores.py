"""`make lighthouse`: score the built site with Lighthouse, print the table, record it in docs/quality.md."""

import datetime
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.local_site import CHROMIUM_FLAGS, QuietHandler, chromium_path, serve_folder

ROOT = Path(__file__).resolve().parent.parent
QUALITY_PAGE = ROOT / "docs" / "quality.md"
# Without Chromium still a path, so bench/phone.py's exists() check says no and `make lighthouse` fails naming it.
CHROMIUM = os.environ.get("CHROME_PATH") or chromium_path() or "/usr/bin/chromium"
CHROME_FLAGS = " ".join(CHROMIUM_FLAGS)
PAGES = {"Home": "", "Compare": "compare/", "FAQ": "faq/"}
DEFAULT_MOBILE = "mobile, CPU ×4 (default)"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
MARKERS = ("<!-- lighthouse:start -->", "<!-- lighthouse:end -->")


class _HostLikeHandler(QuietHandler):
    """Static files compressed with gzip, as any web host serves them (http.server alone does not)."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if self.path.split("?")[0].endswith("/") else path
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path):
    """The built site, gzip-compressed as a web host serves it, on a free loopback port."""
    return serve_folder(directory, _HostLikeHandler)


def build(site: Path) -> None:
    """The site as published: `mkdocs build --strict`."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-d", str(site)], cwd=ROOT, check=True)


def lighthouse(url: str, flags: list[str], categories: tuple[str, ...] = tuple(TARGETS)) -> dict:
    """One Lighthouse report (JSON) on one page, scoring these categories."""
    command = [
        "npx", "--no-install", "lighthouse", url, "--quiet", "--output=json", "--output-path=stdout",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(categories)}", *flags,
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(result.stdout)


def calibrated_multiplier(benchmark_index: float) -> float:
    """The CPU slowdown that makes this machine model Lighthouse's reference phone.

    Lighthouse's default ×4 assumes a fast desktop (benchmark index about 1,500); its throttling
    guide points to a calculator with these steps for other machines.
    """
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    if benchmark_index >= 150:
        return 1 + (benchmark_index - 150) / 650
    return 1.0


def cpu_slowdown(multiplier: float) -> list[str]:
    """Lighthouse's flag for a phone whose CPU is this many times slower than the machine."""
    return [f"--throttling.cpuSlowdownMultiplier={multiplier}"]


def median_scores(reports: list[dict]) -> dict[str, int]:
    """Each scored category's median (0–100) over several runs, as scores vary from run to run."""
    return {name: round(statistics.median(r["categories"][name]["score"] for r in reports) * 100)
            for name in TARGETS if name in reports[0]["categories"]}


def table(rows: list[tuple[str, str, dict[str, int]]]) -> str:
    """Markdown table: one row per page and form factor; a score below its target is marked."""
    lines = ["| page | form factor | " + " | ".join(TARGETS) + " |", "| --- | --- |" + " ---: |" * len(TARGETS)]
    for page, form_factor, result in rows:
        cells = [f"{result[name]}{'' if result[name] >= TARGETS[name] else ' (below ' + str(TARGETS[name]) + ')'}"
                 for name in TARGETS]
        lines.append(f"| {page} | {form_factor} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def record(text: str) -> None:
    """Replace the figures between the markers on the quality page."""
    page = QUALITY_PAGE.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(MARKERS[0]) + ".*?" + re.escape(MARKERS[1]), re.S)
    QUALITY_PAGE.write_text(pattern.sub(lambda _: f"{MARKERS[0]}\n{text}\n{MARKERS[1]}", page), encoding="utf-8")


def score(url: str, flags: list[str], speeds: list[int], runs: int = RUNS,
          categories: tuple[str, ...] = tuple(TARGETS)) -> dict[str, int]:
    """Median scores of several reports on one page; each run's CPU benchmark index is added to speeds."""
    reports = [lighthouse(url, flags, categories) for _ in range(runs)]
    speeds += [round(r["environment"]["benchmarkIndex"]) for r in reports]
    return median_scores(reports)


def main() -> int:
    """Score every page on desktop and on a phone (default and calibrated CPU); exit 1 when a target is missed."""
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    rows, speeds = [], []
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        with serve(Path(folder)) as url:
            for page, path in PAGES.items():
                rows.append((page, "desktop", score(url + path, ["--preset=desktop"], speeds)))
                rows.append((page, DEFAULT_MOBILE, score(url + path, [], speeds)))
                print(f"scored {page} (desktop, mobile)", file=sys.stderr)
            index = round(statistics.median(speeds))  # of the default runs, measured before any calibration
            multiplier = round(calibrated_multiplier(index), 1)
            calibrated = f"mobile, CPU ×{multiplier} (calibrated)"
            for page, path in PAGES.items():
                rows.append((page, calibrated, score(url + path, cpu_slowdown(multiplier), [])))
                print(f"scored {page} ({calibrated})", file=sys.stderr)
    rows.sort(key=lambda row: list(PAGES).index(row[0]))
    figures = table(rows)
    note = (f"Median of {RUNS} runs, measured {datetime.date.today().isoformat()} with Lighthouse 12.2.3 and "
            f"{chromium}, on a machine with {os.cpu_count()} cores (Lighthouse's CPU benchmark index "
            f"{min(speeds)}–{max(speeds)}, median {index}), the site served "
            f"gzip-compressed from the same machine. Lighthouse's default phone slows the CPU ×4, which assumes "
            f"a machine with an index of about 1,500; the calibrated rows use the slowdown Lighthouse's "
            f"throttling guide gives for this machine's median index (×{multiplier}), and the targets apply "
            f"to them and to desktop.")
    print(figures + "\n\n" + note)
    record(figures + "\n\n" + note)
    judged = [row for row in rows if row[1] != DEFAULT_MOBILE]
    missed = [row for row in judged if any(row[2][name] < TARGETS[name] for name in TARGETS)]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
