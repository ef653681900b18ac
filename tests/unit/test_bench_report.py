"""The benchmark report's Lighthouse line and how it finds the page to score."""

from bench.phone import PhoneScores, biggest_faq_page
from bench.report import _phone_target
from bench.run import Result, Scale

X10 = Scale("×10", 10, None, 5, 60, lighthouse=True)


def test_the_biggest_faq_page_is_found_on_one_page_and_when_split(tmp_path):
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "index.html").write_text("x" * 10)
    assert biggest_faq_page(tmp_path) == "faq/"
    (tmp_path / "faq" / "money").mkdir()
    (tmp_path / "faq" / "money" / "index.html").write_text("x" * 20)
    assert biggest_faq_page(tmp_path) == "faq/money/"


def test_the_phone_score_is_judged_on_the_calibrated_run():
    result = Result(X10, "×10", faq=890, dimensions=460)
    assert "not measured" in _phone_target(result)
    result.lighthouse = PhoneScores("faq/money/", default=80, calibrated=96, multiplier=2.5, runs=3)
    line = _phone_target(result)
    assert "96 with the CPU slowdown calibrated to this machine (×2.5) — met" in line and "80 with" in line
    assert "default ×4 (1 run). Calibrated: median of 3 runs" in line
    result.lighthouse = PhoneScores("faq/money/", default=80, calibrated=94, multiplier=2.5, runs=3)
    assert "**missed**" in _phone_target(result)
