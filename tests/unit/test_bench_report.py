"""The benchmark report's Lighthouse and duration lines, and how it finds the page to score."""

from bench.phone import PhoneScores, biggest_faq_page
from bench.report import _duration_target, _phone_target
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


def test_the_benchmark_time_is_judged_and_fewer_runs_are_owned_up_to():
    quick = Result(X10, "×10", faq=890, dimensions=460, builds=[6.0] * 5, floors=[5.0] * 5)
    large = Result(X10, "×98", faq=8722, dimensions=4508, builds=[45.0], floors=[36.0])
    assert _duration_target([quick], 299.6) == "- The benchmark runs in under 5 minutes: 4 min 59 s — met."
    line = _duration_target([quick, large], 320)
    assert line.startswith("- The benchmark runs in under 5 minutes: 5 min 20 s — **missed**.")
    assert "Five runs at every scale would add about 5 minutes of builds, so ×98 is built fewer times." in line


def test_a_scale_past_the_size_limit_is_lowered_to_the_largest_factor_that_fits(monkeypatch):
    import bench.run
    from bench.synthetic import dump, read_real, scaled

    real = read_real()
    size = {f: len(dump(scaled(real, f)).encode("utf-8")) for f in (3, 4)}
    monkeypatch.setattr(bench.run, "MAX_BYTES", (size[3] + size[4]) // 2)
    label, guide, text = bench.run.scaled_data(Scale("×10", 10, None, 1, 0), real)
    assert label == f"×3 (×10 passes the {bench.run.MAX_BYTES // 2**20} MiB limit)"
    assert len(guide["faq"]) == 3 * len(real["faq"]) and len(text.encode("utf-8")) == size[3]
