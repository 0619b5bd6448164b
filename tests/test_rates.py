from decimal import Decimal as D

import pytest

from desktop.core import rates


@pytest.mark.parametrize(
    "direction, baseline, target, actual, expected",
    [
        ("increase", None, 10, 30, D(300)),  # reference: 10 → 30 is 300 %
        ("increase", None, 80, 70, D("87.5")),  # reference: 80 → 70 is 87,5 %
        ("increase", 0, 6000, 4000, D(4000) / D(6000) * 100),
        ("decrease", 2400, 1600, 1800, D(75)),  # DOMAIN.md accidents example
        ("decrease", 2400, 1600, 1600, D(100)),
        ("decrease", 2400, 1600, 2600, D(-25)),  # worse than the baseline
        ("increase", 50, 100, 75, D(50)),
        ("keep", 95, 95, 95, D(100)),
        ("keep", None, 100, 90, D(90)),
    ],
)
def test_realization(direction, baseline, target, actual, expected):
    assert rates.realization(direction, baseline, target, actual).value == expected


def test_decreasing_days_indicator_is_not_two_percent():
    # "Belediye Meclis Toplantılarının Kayıt ve Dağıtım Süresi": target 200 days, actual 2.
    r = rates.realization("decrease", None, 200, 2)
    assert r.value != 2
    assert r.value >= 100
    assert r.method == "inverse"


def test_missing_values_give_no_rate_with_a_reason():
    r = rates.realization("increase", None, 100, None)
    assert r.value is None and "girilmemiş" in r.reason
    assert rates.realization("increase", None, 0, 5).value is None
    assert rates.realization("decrease", None, 10, 0).value is None


def test_rollup_caps_each_rate_at_100_and_weights():
    pairs = [(D(300), D(50)), (D(50), D(50))]
    assert rates.rollup(pairs) == D(75)
    assert rates.rollup([(D(-20), D(100))]) == 0
    assert rates.rollup([(None, D(100))]) is None


def test_explanation_needed_beyond_tolerance():
    assert rates.needs_explanation(D(99), 0)
    assert not rates.needs_explanation(D(100), 0)
    assert not rates.needs_explanation(D(85), 20)
    assert rates.needs_explanation(D(79), 20)
    assert rates.needs_explanation(D(300), 20)
    assert not rates.needs_explanation(None, 0)


def test_weights_may_miss_100_only_by_their_rounding():
    # twelve weights printed with two decimals: the total may be off by 12 × 0,005
    assert rates.weights_complete([D("8.33")] * 11 + [D("8.37")])
    assert rates.weights_complete([D("33.33"), D("33.33"), D("33.33")])  # 99,99
    assert not rates.weights_complete([D("33.33"), D("33.33"), D("33.30")])  # 99,96: more than rounding
    assert rates.weights_complete([D(33), D(33), D(33)])  # printed whole: 99 misses 100 by rounding only
    assert rates.weights_complete([D(50), D(49)])  # 50,4 + 49,6 printed whole
    assert not rates.weights_complete([D(50), D(48)])  # 98: more than two halves of a unit
    assert not rates.weights_complete([D(33), D(33), D(32)])  # 98: more than three halves
    assert rates.weights_complete([D(60), D(40), None])
    assert not rates.weights_complete([D("97.03")])
