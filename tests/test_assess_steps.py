"""The assessment's steps (:mod:`doubling_analysis.model.assess`) tested one by one, each on tiny synthetic inputs:
``target_seed``, ``indicator_rows``, ``resolve``, ``gather``, ``threshold``, ``decide`` (and the decisions it
delegates to: final figure, stock near the year end, units, contested counts), ``record_growth``, ``growth_plans``
and ``implied_base``, ``growth_facts``, ``progress_of``, ``attain``, ``_with_projection``, ``_not_assessable``,
``_per_year``, ``_finish``, ``targets_as_of`` and ``rank``.

Every figure, code and id here is synthetic (``syn...``, jurisdictions 9901xx); every expected number is worked out
by hand from the formula in the comment next to it. The context is built directly (:class:`evidence.Context`), not
from the shipped data, so each step sees exactly the figures a test gives it.
"""

from __future__ import annotations

import math
import zlib
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from doubling_analysis import config
from doubling_analysis.model.assess import (
    DECIDED,
    Evidence,
    GrowthFacts,
    Resolved,
    Threshold,
    _finish,
    _not_assessable,
    _per_year,
    _with_projection,
    attain,
    decide,
    gather,
    growth_facts,
    growth_plans,
    implied_base,
    indicator_rows,
    progress_of,
    rank,
    record_growth,
    resolve,
    target_seed,
    targets_as_of,
    threshold,
)
from doubling_analysis.model.evidence import Context, Point, Relation
from doubling_analysis.model.margins import BoundMargins
from doubling_analysis.model.progress import REGISTRY
from doubling_analysis.model.targets import Interval
from doubling_analysis.model.volatility import Volatility

INF = math.inf
JUR, UNIT_A, UNIT_B = "990100", "990101", "990102"

# ---- synthetic indicators, targets, figures and contexts ---------------------------------------------------------


def _indicator(code, kind, unit, refers_to=None, name=None):
    name = name or code.replace("_", " ")
    return dict(
        code=code,
        kind=kind,
        refers_to=refers_to,
        direction="up",
        unit=unit,
        canonical_unit=unit,
        name_zh="合成" + name,
        name_en="synthetic " + name,
    )


IND = pd.DataFrame(
    [
        _indicator("syn_rev", "level", "亿元"),
        _indicator("syn_rev_growth", "growth_rate", "%", refers_to="syn_rev"),
        _indicator("syn_rev_multiple", "relative", "× base", refers_to="syn_rev"),
        _indicator("syn_other", "level", "亿元"),
        _indicator("syn_firms", "count", "家"),
        _indicator("syn_tonnes", "level", "万吨"),
    ]
).set_index("code")
ROWS = indicator_rows(IND)


def _target(**over) -> SimpleNamespace:
    """A target row (the attributes :func:`resolve` reads), a level target >= 1000 in 2023 from 2020 by default."""
    base = dict(
        target_id="syn-t1",
        jurisdiction_code=JUR,
        indicator_code="syn_rev",
        sector=None,
        target_year=2023,
        base_year=2020,
        value=1000.0,
        value_high=math.nan,
        comparator=">=",
        unit="亿元",
        tier=None,
        per=None,
        applies_to=None,
        source_id="syn-doc",
        quantifier=None,
        same_as=None,
    )
    return SimpleNamespace(**{**base, **over})


def _r(**over) -> Resolved:
    return resolve(_target(**over), ROWS)


def _pt(t, value, bound="exact", aid=None, kind="year", via="", relation="", status="final", jur=JUR) -> Point:
    period = str(int(t)) if kind == "year" else f"t{t:g}"
    return Point(float(t), float(value), bound, period, aid or f"syn-{period}", kind, via=via, relation=relation,
                 status=status, jurisdiction=jur)  # fmt: skip


def _rec(year, value, bound="exact", aid=None, jur=JUR, status="final", kind="year", month=12):
    """A raw record as :class:`Context` holds it: (kind, start month, end, value, bound, period, id, jur, status)."""
    period = str(year) if kind == "year" else f"{year}-{month:02d}"
    start = 1 if kind in ("year", "ytd") else month
    return (kind, start, pd.Period(f"{year}-{month:02d}", "M"), float(value), bound, period, aid or f"syn-{jur}-{period}",
            jur, status)  # fmt: skip


def _ctx(records=None, relations=None, projections=None, children=None, margins=None, pairs=()) -> Context:
    return Context(
        as_of=pd.Timestamp("2024-12-31"),
        values=pd.DataFrame(),
        growths=pd.DataFrame(),
        children=children or {},
        parents={},
        indicators=IND,
        relations=relations or {},
        records=records or {},
        projections=projections or {},
        projection_pairs=pairs,
        margins=margins if margins is not None else BoundMargins(),
    )


def _key(code="syn_rev", jur=JUR, measure="value"):
    return (measure, jur, code, "")


# ---- target_seed, indicator_rows, resolve ------------------------------------------------------------------------


def test_target_seed_is_the_run_seed_and_the_crc32_of_the_id():
    # CRC-32 of "123456789" is 0xCBF43926, the standard check value of the algorithm
    assert target_seed(7, "123456789") == [7, 0xCBF43926]
    assert target_seed(7, "syn-a") == [7, zlib.crc32(b"syn-a")] and target_seed(7, "syn-a") != target_seed(7, "syn-b")


def test_indicator_rows_maps_each_code_to_its_columns():
    assert set(ROWS) == {"syn_rev", "syn_rev_growth", "syn_rev_multiple", "syn_other", "syn_firms", "syn_tonnes"}
    assert ROWS["syn_rev_growth"]["kind"] == "growth_rate" and ROWS["syn_rev_growth"]["refers_to"] == "syn_rev"


def test_resolve_a_level_target():
    r = _r(sector=None, tier="", value_high=math.nan)
    assert (r.measure, r.series, r.kind, r.direction, r.T, r.base_year, r.value) == (
        "value", "syn_rev", "level", "up", 2023, 2020, 1000.0,
    )  # fmt: skip
    # missing text is None (sector ""), a missing upper end None; the series' names come from its indicator
    assert (r.sector, r.tier, r.value_high, r.relative_k) == ("", None, None, None)
    assert (r.series_zh, r.series_en) == ("合成syn rev", "synthetic syn rev")


def test_resolve_a_growth_target_judges_the_level_it_refers_to():
    r = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    assert (r.measure, r.series, r.relative_k) == ("growth", "syn_rev", None)


def test_resolve_a_relative_target_keeps_its_multiple():
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    assert (r.measure, r.series, r.relative_k) == ("value", "syn_rev", 2.0)
    # a relative indicator written in another unit is its own series, with no multiple
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="%")
    assert (r.measure, r.series, r.relative_k) == ("value", "syn_rev_multiple", None)


# ---- gather ------------------------------------------------------------------------------------------------------


def test_gather_fills_the_own_series_gaps_with_concordant_figures():
    rel = Relation("syn_other", "same_measure", -1e9, 1e9, "syn reason", "合成理由")
    ctx = _ctx(
        records={
            _key(): [_rec(2021, 100), _rec(2022, 110)],
            _key("syn_other"): [_rec(2022, 999), _rec(2023, 130)],
        },
        relations={("syn_rev", "same_measure"): [rel]},
    )
    ev = gather(_r(), ctx)
    # 2021 and 2022 are the own series' (its 110, not the other's 999, in 2022); 2023 comes from syn_other
    assert [(p.t, p.value, p.via, p.relation) for p in ev.points] == [
        (2021.0, 100.0, "", ""),
        (2022.0, 110.0, "", ""),
        (2023.0, 130.0, "syn_other", "same_measure"),
    ]
    assert ev.units == () and ev.parts == () and ev.projections == () and ev.other_scope == ()


def test_gather_the_units_of_a_quantified_target_and_the_parts_of_a_count():
    ctx = _ctx(
        records={
            _key(jur=UNIT_A): [_rec(2023, 500, jur=UNIT_A)],
            _key("syn_firms", jur=JUR): [_rec(2023, 10)],
            _key("syn_firms", jur=UNIT_B): [_rec(2023, 12, jur=UNIT_B)],
        },
        children={JUR: [UNIT_A, UNIT_B]},
    )
    ev = gather(_r(quantifier="any"), ctx)
    assert [(p.jurisdiction, p.value) for p in ev.units] == [(UNIT_A, 500.0)] and ev.points == ()
    ev = gather(_r(indicator_code="syn_firms", unit="家", value=10.0), ctx)
    assert [p.value for p in ev.points] == [10.0] and [(p.jurisdiction, p.value) for p in ev.parts] == [(UNIT_B, 12.0)]


def test_gather_keeps_other_scopes_and_projections_apart():
    ctx = _ctx(
        records={_key(): [_rec(2022, 110)], _key("syn_other"): [_rec(2023, 130)]},
        relations={("syn_rev", "different_scope"): [Relation("syn_other", "different_scope", -1e9, 1e9, "s", "s")]},
        projections={_key(): [_rec(2023, 125, status="projected", aid="syn-proj")]},
    )
    ev = gather(_r(), ctx)
    assert [p.value for p in ev.points] == [110.0]
    assert [(p.via, p.value) for p in ev.other_scope] == [("syn_other", 130.0)]
    assert [(p.actual_id, p.projected) for p in ev.projections] == [("syn-proj", True)]


# ---- threshold ---------------------------------------------------------------------------------------------------


def test_threshold_of_a_fixed_target_is_its_target_set(monkeypatch):
    monkeypatch.setattr(config, "APPROX_TWO_SIDED", False)
    monkeypatch.setattr(config, "APPROX_TOLERANCE_RELATIVE", 0.05)
    monkeypatch.setattr(config, "APPROX_TOLERANCE_POINTS", 0.005)
    th = threshold(_r(), Evidence(()))
    assert (th.tset, th.value, th.range, th.uncertain, th.notes) == (Interval(1000.0, INF), 1000.0, None, False, ())
    # 左右 1000 (level): within 5 % of the value, [950, inf); 左右 8 % (growth, a ratio): within 0.5 points
    assert threshold(_r(comparator="~"), Evidence(())).tset == Interval(950.0, INF)
    th = threshold(_r(indicator_code="syn_rev_growth", value=0.08, unit="%", comparator="~"), Evidence(()))
    assert (th.tset.low, th.tset.high, th.tset.low_closed) == (pytest.approx(0.075), INF, True)


def test_threshold_of_a_relative_target_on_an_exact_base():
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    th = threshold(r, Evidence((_pt(2020, 500, aid="syn-base"),)))
    # 2 x 500 = 1000, known exactly: no range
    assert (th.tset, th.value, th.base.actual_id, th.range) == (Interval(1000.0, INF), 1000.0, "syn-base", None)
    assert [n.code for n in th.notes] == ["resolved_relative"]


def test_threshold_of_a_relative_target_on_a_bounded_base(monkeypatch):
    monkeypatch.setattr(config, "LOWER_BOUND_PLAUSIBLE_MARGIN", 0.10)
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    # base 突破500: plausibly (500, 550) with the 10 % margin, so the threshold is 2 x that: (1000, 1100)
    th = threshold(r, Evidence((_pt(2020, 500, "lower"),)))
    assert th.range == (1000.0, 1100.0) and th.uncertain and th.value == 1000.0
    assert [n.code for n in th.notes] == ["resolved_relative", "relative_bounded_base"]


def test_threshold_of_a_relative_target_without_its_base():
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    # no base-year figure, or only a month of the base year: nothing to multiply
    assert threshold(r, Evidence(())) == Threshold(None, None)
    assert threshold(r, Evidence((_pt(2020, 500, kind="month"),))) == Threshold(None, None)


# ---- decide ------------------------------------------------------------------------------------------------------


def _decide(r, points, passed=True, stock=False, **ev):
    ev_ = Evidence(tuple(points), **ev)
    return decide(r, ev_, threshold(r, ev_), passed, stock)


def test_decide_is_pending_before_the_year_passes_and_undetermined_without_a_figure():
    assert _decide(_r(), [_pt(2023, 2000)], passed=False).level == "pending"
    out = _decide(_r(), [_pt(2022, 2000)])
    assert out.level == "undetermined" and [n.code for n in out.notes] == ["outcome_none"]


@pytest.mark.parametrize(
    "value, bound, want",
    [
        (1000, "exact", "achieved"),  # [1000, 1000] inside [1000, inf)
        (999, "exact", "missed"),  # below it
        (1000, "lower", "achieved"),  # 突破1000: (1000, inf) inside [1000, inf)
        (900, "lower", "undetermined"),  # 突破900: (900, inf) straddles 1000
    ],
)
def test_decide_from_the_target_years_figure(value, bound, want):
    out = _decide(_r(), [_pt(2022, 10), _pt(2023, value, bound, aid="syn-final")])
    assert out.level == want
    assert out.ids == (() if want == "undetermined" else ("syn-final",))
    assert out.notes[0].code == "outcome_from"


def test_decide_leaves_flows_per_period_and_targets_of_some_units_undetermined():
    assert _decide(_r(per="quarter"), [_pt(2023, 2000)]).level == "undetermined"
    assert _decide(_r(applies_to="syn units"), [_pt(2023, 2000)]).level == "undetermined"
    # a relative target whose base is unknown has no target set
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    assert _decide(r, [_pt(2023, 2000)]).level == "undetermined"


def test_decide_from_a_stock_just_after_the_year_allows_for_drift(monkeypatch):
    monkeypatch.setattr(config, "STOCK_DRIFT_PER_YEAR", 0.10)
    monkeypatch.setattr(config, "STOCK_WINDOW_MONTHS_AFTER", 6)
    r = _r(indicator_code="syn_firms", unit="家", value=1000.0)
    march = 2024 - 9 / 12  # the end of March 2024: 3 months after the year end
    # 1100 widened by 10 % a year x 0.25 year = 2.5 %: [1072.5, 1127.5] all >= 1000: achieved, but only likely
    out = _decide(r, [_pt(march, 1100, kind="month", aid="syn-mar")], stock=True)
    assert (out.level, out.ids) == ("likely_achieved", ("syn-mar",)) and "3 months" in out.judgement
    # 1020: [994.5, 1045.5] straddles 1000: undetermined (no record growth to rule it out either)
    out = _decide(r, [_pt(march, 1020, kind="month")], stock=True)
    assert out.level == "undetermined" and out.notes[-1].code == "outcome_none"
    # the same figure is no evidence when the series is no stock, nor 9 months after the year (window 6 months)
    assert _decide(r, [_pt(march, 1100, kind="month")], stock=False).level == "undetermined"
    assert _decide(r, [_pt(2024 - 3 / 12, 1100, kind="month")], stock=True).level == "undetermined"


def test_decide_a_count_contested_by_one_of_its_units():
    r = _r(indicator_code="syn_firms", unit="家", value=10.0)
    # the whole reports 10 (attains >= 10) while one unit alone reports 12 in the same year: likely at most
    out = _decide(r, [_pt(2023, 10)], parts=(_pt(2023, 12, jur=UNIT_B, aid="syn-part"),))
    assert out.level == "likely_achieved" and "syn-part" in out.judgement
    assert out.notes[-1].code == "judgement_contested"
    # a unit's figure two years away contests nothing
    assert _decide(r, [_pt(2023, 10)], parts=(_pt(2021, 12, jur=UNIT_B),)).level == "achieved"


def test_decide_any_unit_or_each_unit():
    units = (_pt(2023, 900, jur=UNIT_A, aid="syn-a"), _pt(2023, 1100, jur=UNIT_B, aid="syn-b"))
    # any: one unit attaining (B, 1100 >= 1000) achieves it
    out = _decide(_r(quantifier="any"), [], units=units)
    assert (out.level, out.ids, out.notes[-1].code) == ("achieved", ("syn-b",), "existential_met")
    # each: one unit missing (A, 900 < 1000) misses it
    out = _decide(_r(quantifier="each"), [], units=units)
    assert (out.level, out.ids, out.notes[-1].code) == ("missed", ("syn-a",), "universal_missed")
    # each, every unit attaining: that would need every unit's figure: undetermined
    assert _decide(_r(quantifier="each"), [], units=units[1:]).level == "undetermined"


def test_decide_a_relative_target_on_a_base_known_from_below(monkeypatch):
    monkeypatch.setattr(config, "LOWER_BOUND_PLAUSIBLE_MARGIN", 0.10)
    monkeypatch.setattr(config, "ACTUAL_APPROX_TOLERANCE", 0.05)
    r = _r(indicator_code="syn_rev_multiple", value=2.0, unit="× base")
    # base 突破500: 2 x the base is above 1000 with no upper end (the 10 % margin serves the probability only), so
    # 1150 in 2023 cannot decide it, while 990 misses even 1000
    assert _decide(r, [_pt(2020, 500, "lower"), _pt(2023, 1150)]).level == "undetermined"
    assert _decide(r, [_pt(2020, 500, "lower"), _pt(2023, 990)]).level == "missed"
    # base 约500 (within 5 %): the threshold is [950, 1050]: 1150 attains even its top
    assert _decide(r, [_pt(2020, 500, "approx"), _pt(2023, 1150)]).level == "achieved"


# ---- record_growth -----------------------------------------------------------------------------------------------


def test_record_growth_is_the_highest_annual_growth_of_the_class():
    ctx = _ctx(
        records={
            # 100 -> 150: 50 %; 150 -> 165: 10 %
            _key(jur=UNIT_A): [_rec(2019, 100, jur=UNIT_A), _rec(2020, 150, jur=UNIT_A), _rec(2021, 165, jur=UNIT_A)],
            # the bound (突破1000) and the projection (600) are left out: 200 -> 288 over two years:
            # sqrt(1.44) - 1 = 20 % a year
            _key(jur=UNIT_B): [
                _rec(2019, 200, jur=UNIT_B),
                _rec(2020, 1000, "lower", jur=UNIT_B),
                _rec(2021, 288, jur=UNIT_B),
                _rec(2022, 600, jur=UNIT_B, status="projected"),
            ],
            # a count (another class) growing 10 -> 100 does not count for the levels
            _key("syn_firms", jur=UNIT_A): [_rec(2019, 10, jur=UNIT_A), _rec(2020, 100, jur=UNIT_A)],
        }
    )
    best = record_growth(ctx, "nominal_level")
    assert best.growth == pytest.approx(0.5) and (best.a.value, best.b.value) == (100.0, 150.0)
    assert best.series == f"{UNIT_A}/syn_rev"
    assert record_growth(ctx, "count").growth == pytest.approx(9.0)  # 100 / 10 - 1
    assert record_growth(ctx, None) is None and record_growth(ctx, "real_growth") is None
    # without unit A only unit B's 20 % is left
    del ctx.records[_key(jur=UNIT_A)]
    ctx.cache.clear()
    assert record_growth(ctx, "nominal_level").growth == pytest.approx(0.2)


# ---- growth_plans, implied_base ----------------------------------------------------------------------------------


def _plans_targets(**growth_over) -> pd.DataFrame:
    level = dict(target_id="syn-L", source_id="syn-doc", jurisdiction_code=JUR, indicator_code="syn_rev",
                 target_year=2021, sector=None, value=1100.0)  # fmt: skip
    growth = {**level, "target_id": "syn-G", "indicator_code": "syn_rev_growth", "value": 0.10, **growth_over}
    return pd.DataFrame([level, growth])


def test_growth_plans_index_the_growth_targets_by_document_and_year():
    plans = growth_plans(_plans_targets(), ROWS)
    assert plans.codes == {"syn_rev": frozenset({"syn_rev_growth"})}
    assert plans.targets == {("syn-doc", JUR, 2021, None): [("syn_rev_growth", 0.10, "syn-G")]}


def test_implied_base_from_a_level_and_its_growth_in_the_same_plan():
    r = _r(target_id="syn-L", target_year=2021, base_year=2020, value=1100.0)
    # 1100 in 2021 with growth 10 %: the 2020 base is 1100 / 1.1 = 1000
    p = implied_base(r, growth_plans(_plans_targets(), ROWS))
    assert (p.t, p.value, p.bound, p.actual_id) == (2020.0, pytest.approx(1000.0), "exact", "implied:syn-L/syn-G")
    # another document's growth, a plan over more than one year, or a growth target: no implied base
    assert implied_base(r, growth_plans(_plans_targets(source_id="syn-doc-2"), ROWS)) is None
    assert implied_base(_r(target_year=2022, base_year=2020), growth_plans(_plans_targets(), ROWS)) is None
    g = _r(indicator_code="syn_rev_growth", target_year=2021, base_year=2020, value=0.1, unit="%")
    assert implied_base(g, growth_plans(_plans_targets(), ROWS)) is None


# ---- growth_facts ------------------------------------------------------------------------------------------------


def _facts(r, points, implied=None) -> GrowthFacts:
    ev = Evidence(tuple(points))
    return growth_facts(r, ev, threshold(r, ev), implied)


def test_growth_facts_from_the_base_by_hand():
    r = _r(target_year=2024, value=200.0)
    g = _facts(r, [_pt(2020, 100, aid="syn-base"), _pt(2022, 121, aid="syn-latest")])
    assert (g.base.actual_id, g.start.actual_id, g.latest.actual_id) == ("syn-base", "syn-base", "syn-latest")
    assert not g.met_now
    assert g.required == pytest.approx(2**0.25 - 1)  # (200 / 100)^(1/4) - 1 = 18.92 %
    assert g.observed == pytest.approx(0.1)  # (121 / 100)^(1/2) - 1
    assert g.rate_to_go == pytest.approx(math.sqrt(200 / 121) - 1)  # (200 / 121)^(1/2) - 1 = 28.56 %
    assert g.notes == ()


def test_growth_facts_when_the_target_is_already_met():
    g = _facts(_r(target_year=2024, value=200.0), [_pt(2020, 100), _pt(2022, 250)])
    assert g.met_now and math.isnan(g.rate_to_go) and [n.code for n in g.notes] == ["already_met"]


def test_growth_facts_never_start_from_a_bound():
    # the base year is known only as 突破100: it is named, and growth starts at the first exact figure after it
    # (2021, 110): required (200 / 110)^(1/3) - 1, observed 121 / 110 - 1 = 10 %
    g = _facts(_r(target_year=2024, value=200.0), [_pt(2020, 100, "lower"), _pt(2021, 110), _pt(2022, 121)])
    assert g.base is None and g.start.value == 110.0
    assert g.required == pytest.approx((200 / 110) ** (1 / 3) - 1) and g.observed == pytest.approx(0.1)
    assert [n.code for n in g.notes] == ["bound_not_base", "start_later"]


def test_growth_facts_from_an_implied_base_or_from_one_point():
    r = _r(target_year=2021, base_year=2020, value=1100.0)
    implied = _pt(2020, 1000, aid="implied:syn-L/syn-G")
    # base 1000 implied by the plan, latest 2021 1050: required 10 %, observed 5 %, no rate to go (T reached)
    g = _facts(r, [_pt(2021, 1050)], implied)
    assert g.start is implied and g.required == pytest.approx(0.1) and g.observed == pytest.approx(0.05)
    assert [n.code for n in g.notes] == ["implied_base"] and math.isnan(g.rate_to_go)
    # no base at all and one figure after it: no growth, one point
    g = _facts(_r(target_year=2024, value=200.0), [_pt(2022, 121)])
    assert g.start is None and math.isnan(g.required) and math.isnan(g.observed)
    assert g.rate_to_go == pytest.approx(math.sqrt(200 / 121) - 1) and [n.code for n in g.notes] == ["one_point"]


def test_growth_facts_of_a_growth_target_and_without_figures():
    r = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    g = _facts(r, [_pt(2021, 0.05), _pt(2022, 0.07)])
    assert (g.latest.value, g.observed) == (0.07, 0.07) and [n.code for n in g.notes] == ["growth_target"]
    # figures only after the target year: no facts
    assert _facts(_r(), [_pt(2024, 1500)]) == GrowthFacts()


# ---- progress_of -------------------------------------------------------------------------------------------------


def test_progress_of_feeds_the_methods_the_base_latest_and_target(monkeypatch):
    monkeypatch.setattr(config, "EUROSTAT_ON_TRACK", 0.95)
    monkeypatch.setattr(config, "EUROSTAT_ACCELERATION", 0.60)
    r = _r(target_year=2024, value=200.0)
    pts = [_pt(2020, 100), _pt(2022, 121)]
    ev = Evidence(tuple(pts))
    th = threshold(r, ev)
    out = progress_of(r, growth_facts(r, ev, th, None), th, tuple(pts), ("eurostat", "unsd"))
    # Eurostat R = observed / required growth = 0.1 / (2^(1/4) - 1) = 0.5285 < 0.60: limited progress
    assert out["ratio_r"] == pytest.approx(0.1 / (2**0.25 - 1)) and out["category_eurostat"] == "limited_progress"
    # UNSD: 121 carried forward at 10 % for 2 years = 146.41: (146.41 - 100) / (200 - 100) = 0.4641
    assert out["share_p"] == pytest.approx(0.4641)
    assert set(out) == {"ratio_r", "category_eurostat", "share_p", "category_unsd"}
    # every registered method fills its columns by default
    out = progress_of(r, growth_facts(r, ev, th, None), th, tuple(pts), None)
    assert {m.category_column for m in REGISTRY.values()} <= set(out)


def test_progress_of_fits_an_implied_base_as_a_point_of_the_history(monkeypatch):
    for name, value in (("DESTATIS_WINDOW_YEARS", 5), ("DESTATIS_MIN_POINTS", 4), ("DESTATIS_SUN", 0.05)):
        monkeypatch.setattr(config, name, value)
    monkeypatch.setattr(config, "DESTATIS_SLIGHTLY_CLOUDY", 0.20)
    r = _r(target_year=2025, value=2000.0)
    history = (_pt(2021, 1100), _pt(2022, 1210), _pt(2023, 1331))
    implied = _pt(2020, 1000, aid="implied:syn-L/syn-G")
    g = GrowthFacts(start=implied, latest=history[-1])
    # Destatis needs 4 points in the last 5 years: the 3 figures and the implied base. Trend 1000 -> 1331 over 3
    # years: 10 %; 1331 x 1.1^2 = 1610.51 in 2025; miss (2000 - 1610.51) / (2000 - 1331) = 0.5822 > 0.20: cloud
    out = progress_of(r, g, threshold(r, Evidence(())), history, ("destatis",))
    assert out == {"category_destatis": "cloud"}
    # without the implied base, 3 points: not assessable (no category)
    out = progress_of(r, GrowthFacts(latest=history[-1]), threshold(r, Evidence(())), history, ("destatis",))
    assert out == {"category_destatis": None}


def test_progress_of_a_growth_target_is_empty():
    r = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    ev = Evidence((_pt(2022, 0.07),))
    th = threshold(r, ev)
    assert progress_of(r, growth_facts(r, ev, th, None), th, ev.points, None) == {}


# ---- attain ------------------------------------------------------------------------------------------------------

VOL = Volatility(classes={}, ytd_sd=0.03, ytd_df=4.0, ytd_n=0)


def test_attain_a_level_by_a_noiseless_scenario():
    ctx = _ctx()
    r = _r(target_year=2024, value=121.5)
    ev = Evidence((_pt(2021, 90), _pt(2022, 100, aid="syn-latest")))
    th = threshold(r, ev)
    # 100 growing 11 % a year for two years: 123.21 on every path (>= 121.5); at 10 %: 121 (< 121.5)
    a = attain(r, ev, th, VOL, ctx, rates=0.11, n_paths=50, seed=1, noise_sd=0.0)
    assert a.p == 1.0 and (a.low, a.median, a.high) == pytest.approx((123.21, 123.21, 123.21))
    assert a.model == "scenario" and a.notes == ()
    assert attain(r, ev, th, VOL, ctx, rates=0.10, n_paths=50, seed=1, noise_sd=0.0).p == 0.0


def test_attain_from_a_bounded_latest_figure_integrates_over_its_range():
    ctx = _ctx(margins=BoundMargins(lower=0.10, upper=0.10))  # 突破 X lies in (X, 1.1 X)
    r = _r(target_year=2024, value=127.0)
    ev = Evidence((_pt(2022, 100, "lower"),))
    # 突破100: the start is log-uniform on (100, 110); x 1.1^2 = 1.21 it attains 127 from 127 / 1.21 = 104.959:
    # P = log(110 / 104.959) / log(110 / 100) = 0.046913 / 0.095310 = 0.4922
    a = attain(r, ev, threshold(r, ev), VOL, ctx, rates=0.10, n_paths=20_000, seed=1, noise_sd=0.0)
    assert a.p == pytest.approx(math.log(110 / (127 / 1.21)) / math.log(1.1), abs=0.015)
    assert a.p == pytest.approx(0.4922, abs=0.015)
    assert [n.code for n in a.notes] == ["p_start_range"]


def test_attain_a_growth_target_by_a_scenario_given_per_year(monkeypatch):
    """A scenario {year: rate} of a growth target is the target year's rate, as the list [rate] is; a scenario
    without the target year is refused by name (the old code raised a TypeError on any dict)."""
    monkeypatch.setattr(config, "VOLATILITY_PRIOR_SD", {**config.VOLATILITY_PRIOR_SD, "nominal_growth": 0.06})
    ctx = _ctx()
    r = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    ev = Evidence((_pt(2022, 0.08),))
    th = threshold(r, ev)
    by_year = attain(r, ev, th, VOL, ctx, rates={int(r.T): 0.10}, n_paths=2000, seed=1)
    as_list = attain(r, ev, th, VOL, ctx, rates=[0.10], n_paths=2000, seed=1)
    assert by_year is not None and as_list is not None and by_year.median == pytest.approx(0.10, abs=0.005)
    assert (by_year.p, by_year.median) == (as_list.p, as_list.median)
    with pytest.raises(ValueError, match=f"target year {int(r.T)}"):
        attain(r, ev, th, VOL, ctx, rates={int(r.T) + 1: 0.10}, n_paths=10, seed=1)


def test_attain_a_growth_target_at_its_forecast(monkeypatch):
    monkeypatch.setattr(config, "VOLATILITY_PRIOR_SD", {**config.VOLATILITY_PRIOR_SD, "nominal_growth": 0.06})
    monkeypatch.setattr(config, "VOLATILITY_PRIOR_WEIGHT", 4.0)
    ctx = _ctx()
    r = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    ev = Evidence((_pt(2022, 0.08),))
    # last year's 8 % carried forward with the class prior (no data): 8 % + 6 % x t(4 df). The target >= 8 % is
    # the median: p = 1/2; the central 80 %: 8 % -+ 6 % x 1.533 (t table, 0.90 quantile, 4 df) = -1.2 %, 17.2 %
    a = attain(r, ev, threshold(r, ev), VOL, ctx, n_paths=40_000, seed=1)
    assert a.model == "growth-rule" and a.p == pytest.approx(0.5, abs=0.01)
    assert a.median == pytest.approx(0.08, abs=0.002)
    assert (a.low, a.high) == pytest.approx((0.08 - 0.06 * 1.533, 0.08 + 0.06 * 1.533), abs=0.003)


def test_attain_a_growth_target_from_its_year_to_date_reading(monkeypatch):
    monkeypatch.setattr(config, "YTD_PRIOR_SD_BY_CLASS", {"nominal_growth": 0.06})
    monkeypatch.setattr(config, "YTD_PRIOR_WEIGHT", 2.0)
    ctx = _ctx()
    r = _r(indicator_code="syn_rev_growth", value=0.06, unit="%")
    # January-June 2023 (t = 2023 - 6/12) at 4 %, 2022 at 8 %: nowcast 6/12 x 4 % + 6/12 x 8 % = 6 %, error the
    # pool's prior (no pair): sd 6 % x sqrt(6/12) = 4.243 %, 2 df. The target >= 6 % is the median: p = 1/2; the
    # central 80 %: 6 % -+ 4.243 % x 1.886 (t table, 0.90 quantile, 2 df) = -2.0 %, 14.0 %
    ev = Evidence((_pt(2022, 0.08), _pt(2022.5, 0.04, kind="month")))
    a = attain(r, ev, threshold(r, ev), VOL, ctx, n_paths=40_000, seed=1)
    assert a.model == "growth-nowcast" and a.p == pytest.approx(0.5, abs=0.01)
    assert a.median == pytest.approx(0.06, abs=0.002)
    half = 0.06 * math.sqrt(0.5) * 1.886
    assert (a.low, a.high) == pytest.approx((0.06 - half, 0.06 + half), abs=0.003)


def test_attain_gives_nothing_without_a_class_or_a_year_to_project():
    ctx = _ctx()
    # a level in 万吨 has no volatility class
    r = _r(indicator_code="syn_tonnes", unit="万吨")
    ev = Evidence((_pt(2022, 100),))
    assert attain(r, ev, threshold(r, ev), VOL, ctx, n_paths=10) is None
    # the latest figure is of the target year itself: nothing to project
    ev = Evidence((_pt(2023, 100),))
    assert attain(_r(), ev, threshold(_r(), ev), VOL, ctx, n_paths=10) is None
    # a growth target with no annual rate before the year and no year-to-date reading
    g = _r(indicator_code="syn_rev_growth", value=0.08, unit="%")
    ev = Evidence((_pt(2023, 0.09),))
    assert attain(g, ev, threshold(g, ev), VOL, ctx, n_paths=10) is None


# ---- _with_projection --------------------------------------------------------------------------------------------


def test_with_projection_weighs_the_draws_by_the_projections_likelihood(monkeypatch):
    monkeypatch.setattr(config, "PROJECTION_PRIOR_WEIGHT", 2.0)
    monkeypatch.setattr(config, "PROJECTION_PRIOR_SD", {"value": 0.05, "growth": 0.02})
    monkeypatch.setattr(config, "PROJECTION_MIN_EFFECTIVE_DRAWS", 200)
    ctx = _ctx(projections={_key(): [_rec(2023, 100, status="projected", aid="syn-proj")]})
    draws = np.array([100.0, 100.0, 200.0])
    attained = np.array([False, False, True])

    # no pair: error sd 0.05 in logs with 2 df. Student t with 2 df: pdf(z) = (1 + z^2 / 2)^(-3/2) / (2 sqrt 2).
    # z = log(100 / draw) / 0.05: 0, 0, log(1/2) / 0.05 = -13.863
    def t2(z):
        return (1 + z * z / 2) ** -1.5 / (2 * math.sqrt(2))

    w0, w1 = t2(0.0), t2(math.log(0.5) / 0.05)
    p, (lo, med, hi), extra, note = _with_projection(_r(), ctx, draws, attained)
    assert p == pytest.approx(w1 / (2 * w0 + w1)) and p == pytest.approx(5.2e-4, abs=0.3e-4)
    # nearly all the weight is on the two draws of 100: every quantile is 100
    assert (lo, med, hi) == (100.0, 100.0, 100.0)
    assert note.code == "p_projection" and "syn-proj" in extra
    # (2 w0 + w1)^2 / (2 w0^2 + w1^2) = 2.0 effective draws: fewer than the configured minimum
    assert "2 effective draws" in extra and "(the projection dominates the model)" in extra


def test_with_projection_needs_a_projection_of_the_target_year_and_an_attainment_mask():
    draws, attained = np.array([100.0, 200.0]), np.array([False, True])
    assert _with_projection(_r(), _ctx(), draws, attained) is None  # no projection at all
    other_year = _ctx(projections={_key(): [_rec(2022, 100, status="projected")]})
    assert _with_projection(_r(), other_year, draws, attained) is None
    this_year = _ctx(projections={_key(): [_rec(2023, 100, status="projected")]})
    assert _with_projection(_r(), this_year, draws, None) is None


# ---- _not_assessable ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "over, points, units, want",
    [
        (dict(applies_to="syn units"), [_pt(2022, 1)], (), "na_applies_to"),
        (dict(quantifier="any", applies_to="syn units"), [], (), "na_applies_to"),  # no unit's figure
        (dict(quantifier="any", applies_to="syn units"), [], (_pt(2022, 1, jur=UNIT_A),), None),
        (dict(per="quarter"), [_pt(2022, 1)], (), "na_flow_per"),
        (dict(per="period"), [_pt(2022, 1)], (), "na_period_total"),
        (dict(indicator_code="syn_rev_multiple", value=2.0, unit="× base"), [_pt(2022, 1)], (), "na_relative_no_base"),
        ({}, [], (), "na_no_actual"),
        ({}, [_pt(2022, 1)], (), None),
    ],
)
def test_not_assessable_says_why(over, points, units, want):
    r = _r(**over)
    ev = Evidence(tuple(points), units=units)
    note = _not_assessable(r, ev, threshold(r, ev))
    assert (None if note is None else note.code) == want


# ---- _per_year ---------------------------------------------------------------------------------------------------


def test_per_year_growth_is_the_compound_average():
    r = _r(indicator_code="syn_rev_growth", value=0.06, unit="%", per="year", base_year=2020, target_year=2022)
    pts = (_pt(2021, 0.05, aid="syn-21"), _pt(2022, 0.07, aid="syn-22"))
    ev = Evidence(pts)
    row = {"outcome": "undetermined"}
    notes = _per_year(row, r, ev, threshold(r, ev), passed=True)
    # sqrt(1.05 x 1.07) - 1 = sqrt(1.1235) - 1 = 5.9953 %: below 6 % (the plain mean, 6 %, would attain it)
    assert row["observed_growth"] == pytest.approx(math.sqrt(1.05 * 1.07) - 1)
    assert row["observed_growth"] == pytest.approx(0.059953, abs=1e-6)
    assert (row["outcome"], row["outcome_ids"]) == ("missed", "syn-21 syn-22")
    assert [n.code for n in notes] == ["per_year_growth", "per_year_no_p"]


def test_per_year_flow_must_be_met_in_every_year():
    r = _r(value=100.0, per="year", base_year=2020, target_year=2022)
    run = []
    for values, passed in (((120, 90), True), ((120, 110), True), ((120,), False), ((120,), True)):
        pts = tuple(_pt(2021 + i, v, aid=f"syn-{2021 + i}") for i, v in enumerate(values))
        ev = Evidence(pts)
        row = {"outcome": "pending" if not passed else "undetermined"}
        _per_year(row, r, ev, threshold(r, ev), passed)
        run.append((row["outcome"], row.get("outcome_ids")))
    assert run == [
        ("missed", "syn-2022"),  # 90 < 100 in 2022
        ("achieved", "syn-2021 syn-2022"),  # both years >= 100
        ("pending", None),  # 2022 still to come
        ("undetermined", None),  # the year passed without 2022's figure
    ]
    assert run[1][0] in DECIDED


def test_per_year_without_any_annual_figure():
    r = _r(value=100.0, per="year", base_year=2020, target_year=2022)
    row = {"outcome": "pending"}
    notes = _per_year(row, r, Evidence(()), threshold(r, Evidence(())), passed=False)
    assert row["outcome"] == "pending" and [n.code for n in notes] == ["na_per_year_none", "per_year_flow"]


# ---- _finish -----------------------------------------------------------------------------------------------------


def test_finish_drops_the_progress_categories_once_the_year_has_passed():
    from doubling_analysis.model.notes import Note

    notes = [Note.of("year_passed"), Note.of("outcome_none", year=2023)]
    row = _finish({"outcome": "achieved", "category_eurostat": "on_track", "ratio_r": 1.2}, notes)
    assert row["category_eurostat"] is None and all(row[m.category_column] is None for m in REGISTRY.values())
    assert row["ratio_r"] == 1.2  # values stay; only categories go
    assert row["notes"] == tuple(notes)
    # the English note: the two templates, filled in and joined by "; "
    assert row["note"] == (
        "the target year has passed: the outcome replaces the progress categories; "
        "no 2023 actual known: outcome undetermined"
    )
    row = _finish({"outcome": "pending", "category_eurostat": "on_track"}, [])
    assert row["category_eurostat"] == "on_track" and row["note"] == ""


# ---- targets_as_of, rank -----------------------------------------------------------------------------------------


def test_targets_as_of_keeps_the_documents_issued_by_the_date():
    t = pd.DataFrame(
        {
            "target_id": ["syn-a", "syn-b", "syn-c"],
            "available_from": pd.to_datetime(["2021-12-31", "2023-03-01", None]),
        }
    )
    assert targets_as_of(t, "2022Q4")["target_id"].tolist() == ["syn-a"]
    assert targets_as_of(t, "2023-03-01")["target_id"].tolist() == ["syn-a", "syn-b"]  # issued that day counts
    # everything without a date; a document with no issue date only then
    assert targets_as_of(t, None)["target_id"].tolist() == ["syn-a", "syn-b", "syn-c"]
    assert len(targets_as_of(t.drop(columns="available_from"), "2022Q4")) == 3


def test_rank_within_groups_with_unassessed_rows_last():
    table = pd.DataFrame(
        {
            "target_id": ["a", "b", "c", "d", "e"],
            "indicator_code": ["x", "x", "x", "y", "y"],
            "p_attain": [0.2, 0.9, np.nan, 0.5, 0.5],
        }
    )
    out = rank(table)
    # x: 0.9 first, 0.2 second, the NaN last and unranked; y: a tie shares rank 1 (method "min")
    assert out["target_id"].tolist() == ["b", "a", "c", "d", "e"]
    assert out["rank_p_attain"].tolist()[:2] == [1, 2] and pd.isna(out["rank_p_attain"].iloc[2])
    assert out["rank_p_attain"].tolist()[3:] == [1, 1]
    assert rank(table, ascending=True).set_index("target_id").loc["a", "rank_p_attain"] == 1
