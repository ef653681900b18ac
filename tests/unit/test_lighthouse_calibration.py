"""The CPU slowdown `make lighthouse` uses to model Lighthouse's reference phone on this machine."""

import pytest

from bench.lighthouse_scores import calibrated_multiplier


@pytest.mark.parametrize("index, multiplier", [(2000, 6.0), (1533, 4.0), (1300, 3.0), (1050, 2.5), (800, 2.0),
                                               (150, 1.0), (100, 1.0)])
def test_the_calculator_steps(index, multiplier):
    assert calibrated_multiplier(index) == pytest.approx(multiplier, abs=0.01)


def test_a_faster_machine_is_slowed_down_more():
    indexes = range(0, 2500, 50)
    multipliers = [calibrated_multiplier(i) for i in indexes]
    assert multipliers == sorted(multipliers) and multipliers[0] == 1.0
