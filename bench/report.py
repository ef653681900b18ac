"""The benchmark's table and target checks, printed and written to the docs as a page."""

from .reload import median
from .synthetic import ROOT

PAGE = ROOT / "docs" / "benchmarks.md"
KB = 1000

FRONT = """---
description: How long the guide takes to build and reload, and how heavy its pages are, from the real data up to 10,000 FAQ entries.
---

# Benchmarks

`make bench` measures what editors wait for and what readers download. It builds the real data
and synthetic copies of it scaled ×10, ×100 and to 10,000 FAQ entries (same schema, real text
lengths, every fact sourced). Each scale is built with the macros and, as the floor, from the same
Markdown already rendered into static files with the macros switched off. Times are the median
wall time of the runs shown; 1 KB is 1,000 bytes. This page is written by `make bench`: run it
again to measure your machine.
"""


def _kb(size: int) -> str:
    return f"{size / KB:,.1f}"


def table(results) -> str:
    """One row per scale."""
    head = ("| Scale | FAQ entries | Dimensions | Pages | Build (s) | Floor (s) | Macros ÷ floor | Peak memory (MB) "
            "| `make check` (s) | Search index (KB) | Compare (KB) | FAQ index (KB) | Biggest FAQ page (KB) | Runs |")
    rows = [head, "|" + "|".join(["---"] + ["--:"] * 13) + "|"]
    for r in results:
        rows.append(
            f"| {r.scale.name} | {r.faq:,} | {r.dimensions:,} | {r.pages:,} | {r.build:.2f} | {r.floor:.2f} "
            f"| {r.build / r.floor:.2f} | {r.peak_kib / 1024:.0f} | {median(r.checks):.2f} | {_kb(r.sizes['search'])} "
            f"| {_kb(r.sizes['compare'])} | {_kb(r.sizes['faq_index'])} | {_kb(r.sizes['faq_biggest'])} "
            f"| {len(r.builds)} |"
        )
    return "\n".join(rows)


def _per_entry(result) -> float:
    return result.build / result.faq


def _marginal(result, base) -> float:
    """Build seconds each FAQ entry adds beyond the real site (the fixed cost removed)."""
    return (result.build - base.build) / (result.faq - base.faq)


def _check(ok: bool) -> str:
    return "met" if ok else "**missed**"


def targets(results, reloads: list[float]) -> str:
    """Each target with the figure measured against it."""
    by_name = {r.scale.name.split(" ")[0]: r for r in results}
    real, x10, x100, big = by_name["×1"], by_name["×10"], by_name["×100"], by_name["10,000"]
    worst = max(results, key=lambda r: r.build / r.floor)
    growth = _per_entry(x100) / _per_entry(x10)
    marginal = _marginal(x100, real) / _marginal(x10, real)
    reload = median(reloads)
    lines = [
        f"- Macros overhead ≤ 1.3× the floor at every scale: worst {worst.build / worst.floor:.2f}× "
        f"({worst.scale.name}) — {_check(worst.build / worst.floor <= 1.3)}.",
        f"- Time per FAQ entry at ×100 ≤ 1.5× that at ×10: {growth:.2f}× — {_check(growth <= 1.5)}. "
        f"Without the fixed cost of a build (each scale minus ×1), an entry at ×100 costs {marginal:.2f}× "
        f"what it costs at ×10.",
        f"- 10,000 FAQ entries build in under 60 s: {big.build:.1f} s — {_check(big.build < 60)}.",
        f"- Live reload of the real data ≤ 1 s, from saving `data/guide.yml` to `mkdocs serve` serving the rebuilt "
        f"page: median {reload:.2f} s of {len(reloads)} edits (each {', '.join(f'{t:.2f}' for t in reloads)} s) "
        f"— {_check(reload <= 1)}.",
        f"- Real site: search index {_kb(real.sizes['search'])} KB ≤ 300 — {_check(real.sizes['search'] <= 300 * KB)}; "
        f"compare page {_kb(real.sizes['compare'])} KB ≤ 150 — {_check(real.sizes['compare'] <= 150 * KB)}; "
        f"FAQ page {_kb(real.sizes['faq_biggest'])} KB ≤ 250 — {_check(real.sizes['faq_biggest'] <= 250 * KB)}.",
        f"- Pages stay light: at ×10 the biggest FAQ page is {_kb(x10.sizes['faq_biggest'])} KB of HTML "
        f"({x10.sizes['faq_pages'] or 'no'} category pages); at 10,000 entries {_kb(big.sizes['faq_biggest'])} KB "
        f"({big.sizes['faq_pages']} category pages). The Lighthouse score at ×10 is not measured here.",
    ]
    return "\n".join(lines)


def write_report(results, reloads: list[float], about: str, seconds: float) -> str:
    """The report as Markdown, also written to the benchmarks page."""
    body = (
        f"## Results\n\n{table(results)}\n\n## Targets\n\n{targets(results, reloads)}\n\n"
        f"## Machine\n\n{about}. The whole benchmark took {seconds / 60:.1f} minutes.\n"
    )
    PAGE.write_text(f"{FRONT}\n{body}", encoding="utf-8")
    return body

