"""What the model knows at one as-of date, built once and checked: the catalog, the as-of day, the evidence context
(figures known by then, revisions applied) and the volatility estimated from them.

Every function that needs figures "as known at" a date takes a :class:`Snapshot` (or builds one with
:func:`snapshot`). A context or a volatility estimate made for another date is refused (:class:`SnapshotMismatch`):
``assess(cat, "2023Q4", context=build_context(cat, "2021Q4"))`` once returned a table labelled 2023Q4 computed from
2021Q4's figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import config
from ..quarters import as_of_date
from .evidence import Context, build_context
from .volatility import Volatility, estimate

#: the as-of day of "everything known" (as_of None), as the evidence context records it
ALL_DATA = pd.Timestamp.max.normalize()


class SnapshotMismatch(ValueError):
    """A context or volatility estimate built for another as-of date than the one asked for."""


@dataclass(frozen=True)
class Snapshot:
    catalog: Any
    as_of: object  # as given: '2023Q4', a date, or None (everything known); labels the tables
    day: pd.Timestamp  # the as-of day every filter compares against
    context: Context
    volatility: Volatility
    lag_months: int


def as_of_day(as_of: object) -> pd.Timestamp:
    return ALL_DATA if as_of is None else as_of_date(as_of)


def _day_text(day: object) -> str:
    return "all data" if day == ALL_DATA else pd.Timestamp(day).date().isoformat()


def _refuse_other_day(what: str, made: Context | Volatility | None, day: pd.Timestamp, asked: str) -> None:
    """SnapshotMismatch when ``made`` (a context or a volatility estimate) records another day than ``day``."""
    at = getattr(made, "as_of", None)
    if made is not None and at is not None and pd.Timestamp(at) != day:
        raise SnapshotMismatch(f"the {what} was built for {_day_text(at)}, not for {asked}")


def check(as_of: object, context: Context | None = None, volatility: Volatility | None = None) -> None:
    """SnapshotMismatch when ``context`` or ``volatility`` was made for another day than ``as_of``."""
    day = as_of_day(as_of)
    asked = "the as-of date asked for (" + ("all data" if as_of is None else str(as_of)) + ")"
    _refuse_other_day("evidence context", context, day, asked)
    _refuse_other_day("volatility estimate", volatility, day, asked)


def snapshot(
    catalog: Any,
    as_of: object = None,
    lag_months: int | None = None,
    context: Context | None = None,
    volatility: Volatility | None = None,
) -> Snapshot:
    """The snapshot of ``catalog`` at ``as_of``; a given context or volatility is used when it is for that day."""
    check(as_of, context, volatility)
    lag = config.PUBLICATION_LAG_MONTHS if lag_months is None else lag_months
    ctx = context if context is not None else build_context(catalog, as_of, lag)
    vol = volatility if volatility is not None else estimate(ctx)
    return Snapshot(catalog, as_of, as_of_day(as_of), ctx, vol, lag)


def context_at(catalog: Any, as_of: object, context: Context | None = None) -> Context:
    """The evidence context at ``as_of``: ``context`` when it was built for that day (else SnapshotMismatch), or a
    new one (for callers that need no volatility estimate)."""
    check(as_of, context)
    return context if context is not None else build_context(catalog, as_of)


def volatility_at(context: Context, volatility: Volatility | None = None) -> Volatility:
    """The volatility estimated from ``context``: ``volatility`` when it was made for the context's day."""
    _refuse_other_day(
        "volatility estimate", volatility, context.as_of, f"the context's day ({_day_text(context.as_of)})"
    )
    return volatility if volatility is not None else estimate(context)
