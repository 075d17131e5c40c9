"""The codes the data and the tables use, defined once: a ``Literal`` type for signatures and records, and the
tuple of its values for validation and loops (``get_args``). Words for them are rendered per language at the edge
(report/labels.py); nothing else spells the set of values of a code.

- :data:`Bound`: how a reported figure relates to the true value (exact, a lower or upper bound, approximate).
- :data:`Status`: a report's vintage (preliminary, final, revised) or an official projection (projected).
- :data:`Comparator`: how a target's value is to be met (>=, >, ~, <=, =).
- :data:`Tier`: floor (确保) or stretch (力争).
- :data:`Outcome`: a target's outcome in the assessment (pending until its year has passed)."""

from __future__ import annotations

from typing import Final, Literal, get_args

Bound = Literal["exact", "lower", "upper", "approx"]
Status = Literal["preliminary", "final", "revised", "projected"]
Comparator = Literal[">=", ">", "~", "<=", "="]
Tier = Literal["floor", "stretch"]
Outcome = Literal["achieved", "likely_achieved", "likely_missed", "missed", "undetermined", "pending"]

BOUNDS: Final[tuple[Bound, ...]] = get_args(Bound)
STATUSES: Final[tuple[Status, ...]] = get_args(Status)
COMPARATORS: Final[tuple[Comparator, ...]] = get_args(Comparator)
TIERS: Final[tuple[Tier, ...]] = get_args(Tier)
OUTCOMES: Final[tuple[Outcome, ...]] = get_args(Outcome)
#: the outcomes that decide a target (the record says met or missed, outright or likely)
DECIDED: Final[tuple[Outcome, ...]] = ("achieved", "likely_achieved", "likely_missed", "missed")
#: the bounds of a figure known only as a range: censored observations of the series (volatility, margins)
CENSORED_BOUNDS: Final[tuple[Bound, ...]] = ("lower", "upper", "approx")
