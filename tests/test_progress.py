"""Progress methods. The worked example of ../shared/reference/methods.md (2020 = 100, doubling target 200 in
2023, 2021 = 118) gives g_req = 25.99 %, g_obs = 18 %, R = 0.693, y_hat_2023 = 164.3, P = 0.643."""

import pytest

from doubling_analysis.model.progress import (
    METHODS,
    ProgressInput,
    assess_progress,
    destatis,
    escap,
    eurostat,
    time_weighted_fit,
    unsd,
)

EXAMPLE = ProgressInput(y0=100, t0=2020, yt=118, t=2021, yT=200, T=2023, history=((2020, 100), (2021, 118)))


def test_worked_example_eurostat():
    r = eurostat(EXAMPLE)
    assert r.value == pytest.approx(0.6925, abs=5e-4)  # 0.18 / 0.259921 = 0.69252
    assert r.category == "acceleration_needed"


def test_worked_example_unsd():
    r = unsd(EXAMPLE)
    assert r.extra["projected"] == pytest.approx(164.3, abs=0.05)  # 118 * 1.18^2 = 164.30
    assert r.value == pytest.approx(0.643, abs=5e-4)  # (164.30 - 100) / 100
    assert r.category == "fair_progress"


@pytest.mark.parametrize(
    "yt, category", [(125.99, "on_track"), (108, "limited_progress"), (95, "deterioration"), (200, "met")]
)
def test_eurostat_categories(yt, category):
    inp = ProgressInput(y0=100, t0=2020, yt=yt, t=2021, yT=200, T=2023)
    assert eurostat(inp).category == category


def test_eurostat_lower_is_better():
    # halving from 100 to 50 over 3 years requires 0.5^(1/3) - 1 = -20.63 % a year; observed -10 % in one year:
    # R = -0.10 / -0.2063 = 0.4847
    inp = ProgressInput(y0=100, t0=2020, yt=90, t=2021, yT=50, T=2023, direction="down")
    r = eurostat(inp)
    assert r.value == pytest.approx(0.4847, abs=1e-4)
    assert r.category == "limited_progress"


def test_methods_need_a_base():
    inp = ProgressInput(y0=None, t0=None, yt=118, t=2021, yT=200, T=2023)
    for m in METHODS.values():
        assert m(inp).category is None and "not assessable" in m(inp).note


def test_destatis_needs_four_points():
    assert "needs 4" in destatis(EXAMPLE).note


def test_destatis_symbols():
    hist = ((2018, 100.0), (2019, 110.0), (2020, 121.0), (2021, 133.1))  # 10 % a year
    base = dict(y0=100.0, t0=2018, yt=133.1, t=2021, history=hist)
    # 133.1 * 1.1^2 = 161.05 >= 160: sun
    assert destatis(ProgressInput(yT=160, T=2023, **base)).category == "sun"
    # target 170: miss = (170 - 161.05) / (170 - 133.1) = 8.95 / 36.9 = 0.2426 -> cloud
    r = destatis(ProgressInput(yT=170, T=2023, **base))
    assert r.value == pytest.approx(0.2426, abs=1e-3) and r.category == "cloud"
    # target 163: miss = 1.95 / 29.9 = 0.065 -> slightly cloudy
    assert destatis(ProgressInput(yT=163, T=2023, **base)).category == "slightly_cloudy"
    falling = ((2018, 133.1), (2019, 121.0), (2020, 110.0), (2021, 100.0))
    assert (
        destatis(ProgressInput(y0=133.1, t0=2018, yt=100, t=2021, yT=160, T=2023, history=falling)).category
        == "thunderstorm"
    )


def test_time_weighted_fit():
    # points (0,0), (1,1), (2,4) with weights 1,2,3: weighted means t = 8/6, y = 14/6;
    # sum w (t-tm)(y-ym) = 3.1111 + 0.8889 + 3.3333 = 7.3333; sum w (t-tm)^2 = 1.7778 + 0.2222 + 1.3333 = 3.3333
    # slope = 2.2; intercept = 14/6 - 2.2 * 8/6 = -0.6
    a, b = time_weighted_fit(((0, 0), (1, 1), (2, 4)))
    assert (a, b) == (pytest.approx(-0.6), pytest.approx(2.2))


def test_escap():
    r = escap(EXAMPLE)
    # line through (2020,100), (2021,118) -> 2023: 154; anticipated share (154-100)/100 = 0.54; current 0.18
    assert r.value == pytest.approx(0.54) and r.extra["current_status"] == pytest.approx(0.18)
    assert r.category == "accelerate"


def test_registry():
    assert set(assess_progress(EXAMPLE)) == {"eurostat", "unsd", "destatis", "escap"}
    with pytest.raises(KeyError, match="unknown progress method"):
        assess_progress(EXAMPLE, ["oecd2"])
