"""Lighthouse performance of one built page on a phone, for the benchmark's largest pages."""

import statistics
from dataclasses import dataclass
from pathlib import Path

from .lighthouse_scores import CHROMIUM, calibrated_multiplier, lighthouse, serve
from .synthetic import ROOT


@dataclass(frozen=True)
class PhoneScores:
    """Performance (0–100) with Lighthouse's default CPU slowdown and with the one calibrated to this machine."""

    page: str
    default: int
    calibrated: int
    multiplier: float


def lighthouse_installed() -> bool:
    """Lighthouse from `npm ci` and Chromium are both present."""
    return (ROOT / "node_modules" / "lighthouse").is_dir() and Path(CHROMIUM).exists()


def biggest_faq_page(site: Path) -> str:
    """Site path of the heaviest FAQ page: a category page when the FAQ is split, else faq/."""
    pages = [*(site / "faq").glob("*/index.html"), site / "faq" / "index.html"]
    biggest = max(pages, key=lambda page: page.stat().st_size)
    return biggest.parent.relative_to(site).as_posix() + "/"


def _performance(report: dict) -> int:
    return round(report["categories"]["performance"]["score"] * 100)


def phone_scores(site: Path, path: str, runs: int = 3) -> PhoneScores:
    """Median phone performance of one page over a few runs, default and calibrated."""
    with serve(site) as url:
        default = [lighthouse(url + path, []) for _ in range(runs)]
        index = statistics.median(r["environment"]["benchmarkIndex"] for r in default)
        multiplier = round(calibrated_multiplier(index), 1)
        calibrated = [lighthouse(url + path, [f"--throttling.cpuSlowdownMultiplier={multiplier}"]) for _ in range(runs)]
    return PhoneScores(path, round(statistics.median(map(_performance, default))),
                       round(statistics.median(map(_performance, calibrated))), multiplier)
