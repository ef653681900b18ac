"""Build time against the static floor, growth, live reload and page weight, at several data scales."""

import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .reload import median, reload_times
from .report import write_report
from .synthetic import DATA_FILE, ROOT, dump, read_real, scaled, write_project

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RELOAD_RUNS = 5


@dataclass(frozen=True)
class Scale:
    """One data size to measure and how many times to build it."""

    name: str
    factor: int
    faq_total: int | None
    runs: int


SCALES = (
    Scale("×1 (real data)", 1, None, 5),
    Scale("×10", 10, None, 5),
    Scale("×100", 100, None, 3),
    Scale("10,000 FAQ", 100, 10_000, 3),
)


@dataclass
class Result:
    """What was measured at one scale; times in seconds, sizes in bytes, memory in KiB."""

    scale: Scale
    faq: int
    dimensions: int
    pages: int = 0
    builds: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    peak_kib: int = 0
    checks: list[float] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def build(self) -> float:
        return median(self.builds)

    @property
    def floor(self) -> float:
        return median(self.floors)


class BenchError(Exception):
    """A build or check the benchmark ran failed."""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_timed(command: list[str], log: Path, cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one command; BenchError with its log if it fails."""
    start = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=ENV, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise BenchError(f"{' '.join(command)} failed:\n{log.read_text()[-4000:]}")
    return elapsed, usage.ru_maxrss


def build_command(config: Path, site: Path) -> list[str]:
    return [str(MKDOCS), "build", "--strict", "-q", "-f", str(config), "-d", str(site)]


def page_sizes(site: Path) -> dict[str, int]:
    """HTML bytes of the pages the targets name, and of the search index."""
    faq_pages = {p: p.stat().st_size for p in (site / "faq").glob("*/index.html")}
    return {
        "search": (site / "search" / "search_index.json").stat().st_size,
        "compare": (site / "compare" / "index.html").stat().st_size,
        "faq_index": (site / "faq" / "index.html").stat().st_size,
        "faq_biggest": max([*faq_pages.values(), (site / "faq" / "index.html").stat().st_size]),
        "faq_pages": len(faq_pages),
    }


def data_text(scale: Scale, real: dict) -> str:
    """The data file of this scale; ×1 is the real file itself."""
    if scale.factor == 1 and scale.faq_total is None:
        return (ROOT / DATA_FILE).read_text(encoding="utf-8")
    return dump(scaled(real, scale.factor, scale.faq_total))


def measure(scale: Scale, real: dict, work: Path) -> Result:
    """Build one scale `runs` times with macros and as the static floor, check it, weigh its pages."""
    guide = scaled(real, scale.factor, scale.faq_total)
    result = Result(scale, faq=len(guide["faq"]), dimensions=len(guide["dimensions"]))
    project = write_project(work / "project", data_text(scale, real))
    progress(f"{scale.name}: {result.faq} FAQ entries; recording the rendered Markdown for the floor")
    run_timed([sys.executable, "-m", "bench.floor", str(project), str(work / "floor"), str(work / "warm")],
              work / "floor.log", cwd=ROOT)
    for run in range(scale.runs):
        seconds, peak = run_timed(build_command(project / "mkdocs.yml", work / "site"), work / "build.log")
        result.builds.append(seconds)
        result.peak_kib = max(result.peak_kib, peak)
        result.floors.append(run_timed(build_command(work / "floor" / "mkdocs.yml", work / "floor-site"), work / "floor-build.log")[0])
        progress(f"  run {run + 1}/{scale.runs}: macros {seconds:.2f} s, floor {result.floors[-1]:.2f} s")
    for _ in range(min(scale.runs, 3)):
        result.checks.append(run_timed([sys.executable, "-m", "macros.check"], work / "check.log", cwd=project)[0])
    result.pages = sum(1 for _ in (work / "site").rglob("index.html"))
    result.sizes = page_sizes(work / "site")
    return result


def machine() -> str:
    """Cores, Python, system, date and load: enough to compare runs on other machines."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"{datetime.date.today().isoformat()}; load average at start {load}")


def main() -> int:
    """Measure every scale and the live reload, print the report and write it to the docs."""
    started = time.perf_counter()
    about = machine()
    real = read_real()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="guide-bench-") as temp:
            for at, scale in enumerate(SCALES):
                work = Path(temp) / f"scale-{at}"
                results.append(measure(scale, real, work))
            progress(f"live reload: {RELOAD_RUNS} edits of the real data under mkdocs serve")
            project = write_project(Path(temp) / "serve", (ROOT / DATA_FILE).read_text(encoding="utf-8"))
            first = real["dimensions"][0]["values"][real["modes"][0]["id"]]["value"]
            reloads = reload_times(project, first, RELOAD_RUNS, Path(temp) / "serve.log")
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    report = write_report(results, reloads, about, time.perf_counter() - started)
    print(report)
    return 0

