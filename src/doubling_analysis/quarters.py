"""Quarters and as-of dates, parsed once at the edge (the command line, the explorer, the build) into one type.

A :class:`Quarter` is a calendar quarter (``pd.Period`` of frequency Q); ``str(q)`` is its canonical text
('2023Q4'). :func:`parse_quarter` reads what a user types ('2023q4', 'latest'); :func:`last_completed` is the last
quarter that has ended; :func:`data_quarters` the quarters a report or the explorer can choose from (the first plan
document's quarter to the last completed one); :func:`as_of_date` turns a quarter, a date or a Timestamp into the
as-of day every filter of the library compares against (a quarter means its last day)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

QUARTER_TEXT = re.compile(r"\d{4}Q[1-4]")


@dataclass(frozen=True, order=True)
class Quarter:
    period: pd.Period

    def __str__(self) -> str:
        return str(self.period)

    @property
    def end(self) -> pd.Timestamp:
        """The quarter's last day (midnight), the as-of date of a report for this quarter."""
        return self.period.end_time.normalize()

    @classmethod
    def of(cls, when: object) -> Quarter:
        """The quarter a date falls in."""
        return cls(pd.Period(pd.Timestamp(when), "Q"))


def parse_quarter(text: object, today: object = None) -> Quarter:
    """'2023Q4' (any case, spaces around) or 'latest' (the last completed quarter); ValueError otherwise."""
    if isinstance(text, Quarter):
        return text
    if text == "latest":
        return last_completed(today)
    if not isinstance(text, str) or not QUARTER_TEXT.fullmatch(text.strip().upper()):
        raise ValueError(f"expected a quarter like 2023Q4 or 'latest', not {text!r}")
    return Quarter(pd.Period(text.strip().upper(), "Q"))


def last_completed(today: object = None) -> Quarter:
    """The last quarter that has ended by ``today`` (default: the machine's date)."""
    now = pd.Timestamp.today() if today is None else pd.Timestamp(today)
    return Quarter(pd.Period(now, "Q") - 1)


def data_quarters(sources: pd.DataFrame, today: object = None) -> list[str]:
    """The quarters one can report on: from the first document's quarter (column ``issued``) to the last completed."""
    first = pd.Period(pd.to_datetime(sources["issued"], errors="coerce", format="mixed").min(), "Q")
    return [str(q) for q in pd.period_range(first, last_completed(today).period, freq="Q")]


def as_of_date(as_of: object) -> pd.Timestamp:
    """An as-of date from a date, a Timestamp or a quarter such as '2023Q3' (meaning the quarter's last day)."""
    if isinstance(as_of, pd.Timestamp):
        return as_of
    if isinstance(as_of, Quarter):
        return as_of.end
    text = str(as_of).strip()
    if not text:
        raise ValueError("a date (2023-12-31) or a quarter (2023Q4), not an empty value")
    if "Q" in text.upper():
        try:
            return pd.Period(text.upper(), "Q").end_time.normalize()
        except ValueError:
            raise ValueError(f"a quarter written like 2023Q4, not {as_of!r}") from None
    try:
        return pd.Timestamp(text)
    except ValueError:
        raise ValueError(f"a date (2023-12-31) or a quarter (2023Q4), not {as_of!r}") from None
