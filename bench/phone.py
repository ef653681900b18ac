"""Lighthouse performance of one built page on a phone, for the benchmark's largest pages."""

import statistics
from dataclasses import dataclass
from pathlib import Path

from .lighthouse_scores import CHROMIUM, RUNS, calibrated_multiplier, cpu_slowdown, score, serve
from .synthetic import ROOT

PERFORMANCE = ("performance",)  # the benchmark's target; `make lighthouse` scores the other categories
DEFAULT_RUNS = 1  # the target is on the calibrated phone; one default run gives its CPU speed (and keeps `make bench` short)


@dataclass(frozen=True)
class PhoneScores:
    """Performance (0–100) with Lighthouse's default CPU slowdown and with the one calibrated to this machine."""

    page: str
    default: int
    calibrated: int
    multiplier: float
    runs: int  # the calibrated score is the median of this many
    default_runs: int = DEFAULT_RUNS


def lighthouse_installed() -> bool:
    """Lighthouse from `npm ci` and Chromium are both present."""
    return (ROOT / "node_modules" / "lighthouse").is_dir() and Path(CHROMIUM).exists()


def biggest_faq_page(site: Path) -> str:
    """Site path of the heaviest FAQ page: a category page when the FAQ is split, else faq/."""
    pages = [*(site / "faq").glob("*/index.html"), site / "faq" / "index.html"]
    biggest = max(pages, key=lambda page: page.stat().st_size)
    return biggest.parent.relative_to(site).as_posix() + "/"


def phone_scores(site: Path, path: str) -> PhoneScores:
    """Phone performance of one page: with the default CPU slowdown, then the median with the calibrated one."""
    speeds: list[int] = []
    with serve(site) as url:
        default = score(url + path, [], speeds, DEFAULT_RUNS, PERFORMANCE)["performance"]
        multiplier = round(calibrated_multiplier(statistics.median(speeds)), 1)
        calibrated = score(url + path, cpu_slowdown(multiplier), [], RUNS, PERFORMANCE)["performance"]
    return PhoneScores(path, default, calibrated, multiplier, RUNS)
