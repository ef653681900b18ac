"""The benchmark's table and target checks, printed and written to the docs as a page."""

from .reload import median
from .synthetic import ROOT

PAGE = ROOT / "docs" / "benchmarks.md"
KB = 1000

FRONT = """---
description: How long the guide takes to build and reload, and how heavy its pages are, from the real data up to 10,000 FAQ entries.
search:
  exclude: true  # build figures are no answer to a seller's search, and change with every run
---

# Benchmarks

`make bench` measures what editors wait for and what readers download. It builds the real data and
synthetic copies of it: ×10, ×100, and 10,000 FAQ entries with the rest of the guide ×10. The copies
keep the schema and the real text lengths, and every fact cites its sources. FAQ entries, comparison
rows, glossary, timeline, variants and sources grow by the factor; categories grow with its square
root (more topics, and fuller ones); modes and the other sections stay as they are.

Each scale is built with the macros and, as the floor, from the same Markdown already rendered into
static files (and the same generated files) with the macros plugin and the hook switched off: both
builds make the same pages, except for what the hook adds after the Markdown (the FAQ's JSON-LD,
the comparison rows in the search index, the FAQ's shorter table of contents, one tooltip per
glossary definition and section), which counts as macros' cost. *Build* and *Floor* are median
wall times of the runs shown; small scales run up to five times, large ones once. The synthetic
projects and their floors are prepared two at a time before the first timed build; then every
build runs alone. *CPU* is the build process's user plus
system time, which other work on the machine disturbs less. When the FAQ outgrows one page
(`extra: faq_page_limit` in `mkdocs.yml`), it becomes one page per category and the FAQ page lists
them. 1 KB is 1,000 bytes.
This page is written by `make bench`: run it to measure your machine.
"""


def _kb(size: int) -> str:
    return f"{size / KB:,.1f}"


COLUMNS = (
    "Scale", "FAQ entries", "Dimensions", "Pages", "Runs", "Build (s)", "Floor (s)", "Macros ÷ floor",
    "CPU build / floor (s)", "CPU ÷", "Peak memory (MB)", "`make check` (s)", "Search index (KB)", "Compare (KB)",
    "FAQ index (KB)", "Biggest FAQ page (KB)", "Biggest mode page (KB)",
)


def _row(r) -> list[str]:
    s = r.sizes
    return [
        r.label, f"{r.faq:,}", f"{r.dimensions:,}", f"{r.pages:,}", str(len(r.builds)), f"{r.build:.2f}",
        f"{r.floor:.2f}", f"{r.build / r.floor:.2f}", f"{median(r.build_cpu):.2f} / {median(r.floor_cpu):.2f}",
        f"{r.cpu_ratio:.2f}", f"{r.peak_kib / 1024:.0f}", f"{median(r.checks):.2f}", _kb(s["search"]),
        _kb(s["compare"]), _kb(s["faq_index"]), _kb(s["faq_biggest"]), _kb(s["mode_biggest"]),
    ]


def table(results) -> str:
    """One row per scale."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|---|" + "--:|" * (len(COLUMNS) - 1)]
    lines += ["| " + " | ".join(_row(r)) + " |" for r in results]
    return "\n".join(lines)


def _per_entry(result, times: str) -> float:
    return median(getattr(result, times)) / result.faq


def _check(ok: bool) -> str:
    return "met" if ok else "**missed**"


def targets(results, reloads: list[float], seconds: float) -> str:
    """Each target with the figure measured against it; `seconds` is the whole benchmark's wall time."""
    real, x10, x100, big = results
    worst = max(results, key=lambda r: r.build / r.floor)
    worst_cpu = max(results, key=lambda r: r.cpu_ratio)
    growth = _per_entry(x100, "builds") / _per_entry(x10, "builds")
    growth_cpu = _per_entry(x100, "build_cpu") / _per_entry(x10, "build_cpu")
    reload = median(reloads)
    sizes = real.sizes
    lines = [
        f"- Macros overhead ≤ 1.3× the floor at every scale: worst {worst.build / worst.floor:.2f}× "
        f"({worst.label}) — {_check(worst.build / worst.floor <= 1.3)}. In CPU time the worst is "
        f"{worst_cpu.cpu_ratio:.2f}× ({worst_cpu.label}) — {_check(worst_cpu.cpu_ratio <= 1.3)}.",
        f"- Time per FAQ entry (a whole build over its FAQ entries) at {x100.label} ≤ 1.5× that at ×10: "
        f"{growth:.2f}× — {_check(growth <= 1.5)}; in CPU time {growth_cpu:.2f}× — {_check(growth_cpu <= 1.5)}.",
        f"- {big.faq:,} FAQ entries build in under 60 s: {big.build:.1f} s ({median(big.build_cpu):.1f} s CPU) "
        f"— {_check(big.build < 60)}.",
        f"- Live reload of the real data ≤ 1 s, from saving `data/guide.yml` to `mkdocs serve` serving the rebuilt "
        f"page: median {reload:.2f} s of {len(reloads)} edits ({', '.join(f'{t:.2f}' for t in reloads)} s) "
        f"— {_check(reload <= 1)}.",
        f"- Real site: search index {_kb(sizes['search'])} KB ≤ 300 — {_check(sizes['search'] <= 300 * KB)}; "
        f"compare page {_kb(sizes['compare'])} KB ≤ 150 — {_check(sizes['compare'] <= 150 * KB)}; "
        f"FAQ page {_kb(sizes['faq_biggest'])} KB ≤ 250 — {_check(sizes['faq_biggest'] <= 250 * KB)}.",
        f"- Pages stay light: at ×10 the biggest FAQ page is {_kb(x10.sizes['faq_biggest'])} KB of HTML "
        f"({_layout(x10)}); at {big.faq:,} entries {_kb(big.sizes['faq_biggest'])} KB ({_layout(big)}).",
        _phone_target(x10),
        _duration_target(results, seconds),
    ]
    return "\n".join(lines)


def minutes_and_seconds(seconds: float) -> str:
    """A duration as "4 min 59 s", cut to the second below, so a run of 299.6 s never reads as 5 minutes."""
    whole = int(seconds)
    return f"{whole // 60} min {whole % 60} s"


def _duration_target(results, seconds: float) -> str:
    """The benchmark's own time, target 5 minutes, and what five runs at every scale would add."""
    fewer = [r for r in results if len(r.builds) < 5]
    line = f"- The benchmark runs in under 5 minutes: {minutes_and_seconds(seconds)} — {_check(seconds < 300)}."
    if not fewer:
        return line
    extra = sum((5 - len(r.builds)) * (r.build + r.floor) for r in fewer)
    return (f"{line} Five runs at every scale would add about {extra / 60:.0f} minutes of builds, so "
            f"{' and '.join(r.label for r in fewer)} {'is' if len(fewer) == 1 else 'are'} built fewer times.")


def _phone_target(result) -> str:
    """Lighthouse performance on a phone of the biggest FAQ page at this scale, target 95."""
    scores = result.lighthouse
    if scores is None:
        return (f"- Lighthouse performance ≥ 95 on a phone for the biggest FAQ page at {result.label}: not measured "
                f"(Lighthouse comes with `npm ci`, which `make test` runs; Chromium with `apt-get install chromium`).")
    return (f"- Lighthouse performance ≥ 95 on a phone for the biggest FAQ page at {result.label} "
            f"(`{scores.page}`): {scores.calibrated} with the CPU slowdown calibrated to this machine "
            f"(×{scores.multiplier}) — {_check(scores.calibrated >= 95)}; {scores.default} with Lighthouse's "
            f"default ×4 ({_runs(scores.default_runs)}). Calibrated: median of {_runs(scores.runs)}; "
            f"[How this site is checked](quality.md) explains the calibration.")


def _runs(count: int) -> str:
    return f"{count} run{'s' if count != 1 else ''}"


def _layout(result) -> str:
    pages = result.sizes["faq_pages"]
    return f"FAQ split into {pages} category pages" if pages else "FAQ on one page"


def write_report(results, reloads: list[float], about: str, seconds: float) -> str:
    """The report as Markdown, also written to the benchmarks page."""
    body = (
        f"## Results\n\n{table(results)}\n\n## Targets\n\n{targets(results, reloads, seconds)}\n\n"
        f"## Machine\n\n{about}. The whole benchmark took {minutes_and_seconds(seconds)}.\n"
    )
    PAGE.write_text(f"{FRONT}\n{body}", encoding="utf-8")
    return body

