"""Build time against the static floor, growth, live reload and page weight, at several data scales."""

import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from macros.load import MAX_BYTES

from .phone import PhoneScores, biggest_faq_page, lighthouse_installed, phone_scores
from .reload import median, reload_times
from .report import write_report
from .synthetic import DATA_FILE, ROOT, dump, read_real, scaled, write_project

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RELOAD_RUNS = 5
PREPARING_AT_ONCE = 2  # the machines the targets name have 2 cores


@dataclass(frozen=True)
class Scale:
    """One data size, and how often to build it: up to `runs` times, more than once only within `budget` seconds."""

    name: str
    factor: int
    faq_total: int | None
    runs: int
    budget: float
    lighthouse: bool = False  # score the biggest FAQ page on a phone (when Lighthouse is installed)


SCALES = (
    Scale("×1 (real data)", 1, None, 5, 60),
    Scale("×10", 10, None, 5, 60, lighthouse=True),
    Scale("×100", 100, None, 3, 0),  # one build of today's guide ×100 takes minutes: once
    Scale("10,000 FAQ", 10, 10_000, 3, 0),  # 10,000 FAQ entries, the rest of the guide ×10
)


@dataclass
class Result:
    """What was measured at one scale; times in seconds, sizes in bytes, memory in KiB."""

    scale: Scale
    label: str
    faq: int
    dimensions: int
    pages: int = 0
    builds: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    build_cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    peak_kib: int = 0
    checks: list[float] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    lighthouse: PhoneScores | None = None  # of the biggest FAQ page, where measured

    @property
    def build(self) -> float:
        return median(self.builds)

    @property
    def floor(self) -> float:
        return median(self.floors)

    @property
    def cpu_ratio(self) -> float:
        """Median CPU seconds with macros over those of the floor: steadier than wall time on a busy machine."""
        return median(self.build_cpu) / median(self.floor_cpu)


class BenchError(Exception):
    """A build or check the benchmark ran failed."""


STARTED = time.time()  # wall clock, which the preparing processes share (see prepare_all)


def _started_at(started: float) -> None:
    global STARTED
    STARTED = started


def progress(message: str) -> None:
    """A line on stderr, stamped with the seconds since the benchmark started: it shows where the time goes."""
    print(f"[{time.time() - STARTED:4.0f} s] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Timing:
    """One command's wall and CPU seconds (user + system) and peak resident memory."""

    wall: float
    cpu: float
    peak_kib: int


def run_timed(command: list[str], log: Path, cwd: Path | None = None) -> Timing:
    """Time one command; BenchError with the end of its output if it fails."""
    start = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=ENV, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise BenchError(f"{' '.join(command)} failed:\n{log.read_text()[-4000:]}")
    return Timing(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def build_command(config: Path, site: Path) -> list[str]:
    return [str(MKDOCS), "build", "--strict", "-q", "-f", str(config), "-d", str(site)]


def page_sizes(site: Path) -> dict[str, int]:
    """HTML bytes of the pages the targets name, and of the search index."""
    faq_pages = list((site / "faq").glob("*/index.html"))
    biggest = max([*faq_pages, site / "faq" / "index.html"], key=lambda p: p.stat().st_size)
    return {
        "search": (site / "search" / "search_index.json").stat().st_size,
        "compare": (site / "compare" / "index.html").stat().st_size,
        "faq_index": (site / "faq" / "index.html").stat().st_size,
        "faq_biggest": biggest.stat().st_size,
        "faq_pages": len(faq_pages),
        "mode_biggest": max(p.stat().st_size for p in (site / "modes").glob("*/index.html")),
    }


def _first_factor(real: dict, scale: Scale) -> int:
    """The factor to try first: the scale's, or the largest that two small files predict fits the loader's limit.

    A file grows by about the same bytes per factor, so one large dump is enough, not one per try."""
    one, two = (len(dump(scaled(real, f, scale.faq_total)).encode("utf-8")) for f in (1, 2))
    return max(1, min(scale.factor, 1 + (MAX_BYTES - one) // max(two - one, 1)))


def scaled_data(scale: Scale, real: dict) -> tuple[str, dict, str]:
    """(label, guide, data file) of this scale; ×1 is the real file itself.

    A factor whose file would pass the loader's size limit is lowered to the largest that fits."""
    if scale.factor == 1 and scale.faq_total is None:
        return scale.name, real, (ROOT / DATA_FILE).read_text(encoding="utf-8")
    factor = _first_factor(real, scale)
    while True:
        guide = scaled(real, factor, scale.faq_total)
        text = dump(guide)
        size = len(text.encode("utf-8"))
        if size <= MAX_BYTES:
            break
        factor = min(factor - 1, int(factor * MAX_BYTES / size))
    if factor == scale.factor:
        return scale.name, guide, text
    limit = f"{MAX_BYTES // 2**20} MiB"
    return f"{scale.name.replace(f'×{scale.factor}', f'×{factor}')} (×{scale.factor} passes the {limit} limit)", guide, text


@dataclass(frozen=True)
class Prepared:
    """One scale's project, written with its synthetic data, and its static floor next to it."""

    label: str
    faq: int
    dimensions: int
    work: Path

    @property
    def project(self) -> Path:
        return self.work / "project"

    @property
    def floor(self) -> Path:
        return self.work / "floor"


def prepare(scale: Scale, work: Path) -> Prepared:
    """Write the scale's project and record its rendered Markdown as the floor (nothing here is timed)."""
    label, guide, text = scaled_data(scale, read_real())
    prepared = Prepared(label, len(guide["faq"]), len(guide["dimensions"]), work)
    write_project(prepared.project, text)
    progress(f"{label}: {prepared.faq:,} FAQ entries written; recording the rendered Markdown for the floor")
    run_timed([sys.executable, "-m", "bench.floor", str(prepared.project), str(prepared.floor), str(work / "warm")],
              work / "floor.log", cwd=ROOT)
    progress(f"{label}: ready")
    return prepared


def prepare_all(temp: Path) -> list[Prepared]:
    """Every scale prepared, two at a time, highest factor first: ×100 takes longest, the others share the second process.

    It all ends before the first timed build, so no build shares the machine."""
    works = [temp / f"scale-{at}" for at in range(len(SCALES))]
    highest_first = sorted(range(len(SCALES)), key=lambda at: -SCALES[at].factor)
    with ProcessPoolExecutor(max_workers=PREPARING_AT_ONCE, initializer=_started_at, initargs=(STARTED,)) as pool:
        futures = {at: pool.submit(prepare, SCALES[at], works[at]) for at in highest_first}
        return [futures[at].result() for at in range(len(SCALES))]


def measure(scale: Scale, prepared: Prepared) -> Result:
    """Build one scale with macros and as the static floor (as often as it allows), check it, weigh its pages."""
    result = Result(scale, prepared.label, faq=prepared.faq, dimensions=prepared.dimensions)
    project, work = prepared.project, prepared.work
    progress(f"{prepared.label}: timing builds")
    started = time.perf_counter()
    for run in range(scale.runs):
        if run and time.perf_counter() - started > scale.budget:
            break
        build = run_timed(build_command(project / "mkdocs.yml", work / "site"), work / "build.log")
        floor = run_timed(build_command(prepared.floor / "mkdocs.yml", work / "floor-site"), work / "floor-build.log")
        result.builds.append(build.wall)
        result.build_cpu.append(build.cpu)
        result.floors.append(floor.wall)
        result.floor_cpu.append(floor.cpu)
        result.peak_kib = max(result.peak_kib, build.peak_kib)
        progress(f"  run {run + 1}/{scale.runs}: macros {build.wall:.2f} s ({build.cpu:.2f} s CPU), "
                 f"floor {floor.wall:.2f} s ({floor.cpu:.2f} s CPU)")
    checks = min(len(result.builds), 3)
    progress(f"  `make check` {checks} times")
    for _ in range(checks):
        result.checks.append(run_timed([sys.executable, "-m", "macros.check"], work / "check.log", cwd=project).wall)
    result.pages = sum(1 for _ in (work / "site").rglob("index.html"))
    result.sizes = page_sizes(work / "site")
    if scale.lighthouse and lighthouse_installed():
        progress(f"  Lighthouse on the biggest FAQ page ({biggest_faq_page(work / 'site')})")
        result.lighthouse = phone_scores(work / "site", biggest_faq_page(work / "site"))
    return result


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine slows wall times."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def machine() -> str:
    """Cores, Python, system and date: enough to compare runs on other machines."""
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"{datetime.date.today().isoformat()}")


def main() -> int:
    """Measure every scale and the live reload, print the report and write it to the docs."""
    started, load_before = time.perf_counter(), load_average()
    real = read_real()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="guide-bench-") as temp:
            for scale, prepared in zip(SCALES, prepare_all(Path(temp))):
                results.append(measure(scale, prepared))
            progress(f"live reload: {RELOAD_RUNS} edits of the real data under mkdocs serve")
            project = write_project(Path(temp) / "serve", (ROOT / DATA_FILE).read_text(encoding="utf-8"))
            first = real["dimensions"][0]["values"][real["modes"][0]["id"]]["value"]
            reloads = reload_times(project, first, RELOAD_RUNS, Path(temp) / "serve.log")
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    about = f"{machine()}; load average {load_before} at the start, {load_average()} at the end"
    report = write_report(results, reloads, about, time.perf_counter() - started)
    print(report)
    return 0

