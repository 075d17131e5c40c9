"""Choosing among competing reports, and as-of filtering, on a tiny synthetic fixture (not real data)."""

import pandas as pd
import pytest

from doubling_analysis.data.vintage import alternatives, as_of_date, available_date, select_actuals


def fixture_actuals():
    """Synthetic reports of one figure (jurisdiction X, revenue 2021) plus one other figure."""
    rows = [
        # id, period, value, growth, bound, status, published, kind
        ("a1", "2021", 1000.0, None, "lower", "preliminary", "2022-01-10", "news"),
        ("a2", "2021", 1043.0, 12.0, "exact", "preliminary", "2022-01-25", "official"),
        ("a3", "2021", 1051.0, None, "exact", "final", "2022-06-30", "official"),
        ("a4", "2021", 1050.0, None, "exact", "final", None, "secondary"),
        ("a5", "2020", 900.0, None, "exact", "final", None, "official"),
    ]
    f = pd.DataFrame(
        rows, columns=["actual_id", "period", "value", "growth_pct", "bound", "status", "published", "source_kind"]
    )
    f["jurisdiction_code"] = "X"
    f["indicator_code"] = "revenue"
    f["sector"] = None
    f["growth"] = f["growth_pct"] / 100
    f["period_end"] = pd.PeriodIndex([p + "-12" for p in f["period"]], freq="M")
    f["published_date"] = pd.to_datetime(f["published"])
    return f


def test_final_beats_preliminary_and_latest_publication_wins():
    got = select_actuals(fixture_actuals())
    by_period = got.set_index("period")
    assert by_period.loc["2021", "actual_id"] == "a3"  # final, published; a4 is final but undated
    assert by_period.loc["2021", "n_reports"] == 4
    assert by_period.loc["2020", "actual_id"] == "a5"


def test_as_of_keeps_only_what_was_published():
    f = fixture_actuals()
    # by 2022-01-20 only a1 (published 01-10) exists for 2021; a4/a5 have no date: assumed end of period + 2 months
    got = select_actuals(f, as_of="2022-01-20").set_index("period")
    assert got.loc["2021", "actual_id"] == "a1"
    assert got.loc["2020", "actual_id"] == "a5"  # 2020-12 + 2 months = 2021-02-28 < 2022-01-20
    # by the end of 2022Q1 the preliminary exact figure a2 beats the lower bound a1, and undated a4
    # (assumed available 2022-02-28) is final, so it wins over both
    assert select_actuals(f, as_of="2022Q1").set_index("period").loc["2021", "actual_id"] == "a4"
    assert select_actuals(f, as_of="2022Q3").set_index("period").loc["2021", "actual_id"] == "a3"


def test_growth_is_chosen_among_reports_that_give_growth():
    got = select_actuals(fixture_actuals(), measure="growth")
    assert got["actual_id"].tolist() == ["a2"]


def test_alternatives_lists_every_report_preferred_first():
    alt = alternatives(fixture_actuals(), "X", "revenue", "2021")
    assert alt["actual_id"].tolist() == ["a3", "a4", "a2", "a1"]


def test_available_date_uses_lag_for_unknown_dates():
    f = fixture_actuals()
    got = available_date(f, lag_months=2)
    assert got.iloc[3] == pd.Timestamp("2022-02-28")
    assert got.iloc[0] == pd.Timestamp("2022-01-10")


@pytest.mark.parametrize(
    "text, expected", [("2023Q3", "2023-09-30"), ("2023q4", "2023-12-31"), ("2023-05-01", "2023-05-01")]
)
def test_as_of_date(text, expected):
    assert as_of_date(text) == pd.Timestamp(expected)


def test_bad_quarter():
    with pytest.raises(ValueError, match="quarter"):
        as_of_date("2023Q5")


def test_revised_beats_final_and_undated_revisions_are_not_known_in_the_past():
    f = fixture_actuals()
    extra = f.iloc[[4]].assign(actual_id="a6", value=905.0, status="revised", published=None, published_date=pd.NaT)
    f = pd.concat([f, extra], ignore_index=True)
    # with all data the revision (a6) replaces the final 2020 figure (a5)
    assert select_actuals(f).set_index("period").loc["2020", "actual_id"] == "a6"
    # at any past as-of date an undated revision is not known: a5 is used
    assert select_actuals(f, as_of="2030Q4").set_index("period").loc["2020", "actual_id"] == "a5"
    assert pd.isna(available_date(f).iloc[-1])


def test_a_projection_is_never_the_figure_and_ranks_below_every_other_report():
    # a7: synthetic projection of the 2021 figure (预计全年…) published 2021-11-15, before the period ended
    f = fixture_actuals()
    extra = f.iloc[[2]].assign(
        actual_id="a7",
        value=1100.0,
        status="projected",
        published="2021-11-15",
        published_date=pd.Timestamp("2021-11-15"),
    )
    f = pd.concat([f, extra], ignore_index=True)
    # by 2021Q4 only the projection is known for 2021 (a1, the earliest other report, is of 2022-01-10): a
    # projection is evidence for a probability, never the figure, so 2021 has none yet
    assert "2021" not in set(select_actuals(f, as_of="2021Q4")["period"].astype(str))
    # once a1 (a preliminary lower bound) is known it is the figure
    assert select_actuals(f, as_of="2022-01-20").set_index("period").loc["2021", "actual_id"] == "a1"
    assert alternatives(f, "X", "revenue", "2021")["actual_id"].tolist()[-1] == "a7"
