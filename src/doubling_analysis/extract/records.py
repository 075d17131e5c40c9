"""The records of the extractor: a candidate row, what a document says about itself, a number in its sentence
(:class:`Spot`), the review codes and the user error (see :mod:`.candidates`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import config
from . import language as lang

#: review codes and what a reviewer should check
REVIEW_CODES = {
    "unknown_indicator": "no phrase of data/vocabulary.csv names the measure: indicator_code proposes NEW:<phrase> (the"
    " words before the number); add that indicator to indicators.csv or choose a code",
    "unit_mismatch": "the phrase's indicator has another unit than the number: check indicator_code",
    "tier_scope": "the tier (确保/力争) comes from an earlier clause of the sentence: check it covers this number",
    "relative_year": "the year is relative (今年/明年/去年) or inferred: check target_year / period",
    "default_year": "no year in the sentence: the document's year was used",
    "no_unit": "the number has no unit of its own: the indicator's unit was used",
    "currency_before": "a currency other than the yuan is written before the amount (新台币1.3兆元): fix the unit",
    "value_not_in_quote": "the value is not written as such in the quote (翻一番, 两位数): the validator will reject it",
    "near": "接近/近 X: recorded as ~ (no 'near' comparator for targets)",
    "sector_list": "one of several sectors named together: check each gets its own row",
    "indicator_list": "one of several measures listed before 均 (A、B均增长X%): one row per measure, check each",
    "sector_from_heading": "the sector comes from the paragraph's heading",
    "table_cell": "a table cell: check the row and the column header",
    "jurisdiction": "a table row whose jurisdiction is not known: fill jurisdiction_code",
    "past": "reads like a past fact (现/已/十三五): a target or a figure?",
    "growth_only": "only a growth rate is reported",
    "growth_of_level": "the growth rate is also the growth_pct of the level row before it: keep one of the two",
    "clause_limit": "the clause holds more numbers than EXTRACT_MAX_CANDIDATES_PER_CLAUSE: the rest were left out",
    "span": "the figure covers several years (a period a..b or a five-year plan): check the period",
    "year_unknown": "no date given and no year in the text: target_year / period left empty: enter the year",
    "sector_unknown": "an industry is named that data/sectors.csv does not hold: fill the sector (or add it there)",
    "scope_guess": "工业增加值 of a quarter or half read as above-scale industry's (the monthly statistics): check it "
    "is not all industry's (quarterly GDP accounts)",
    "group_scope": "a group of industries across sections (战略性新兴产业, 高新技术产业): check the measure's scope "
    "(above-scale industry, or the whole economy with services)",
}

#: the field of a candidate row each review code asks the reviewer to check (bench_extract scores the fields with and
#: without such a flag: a reviewer can take an unflagged field as it is, and should check a flagged one)
REVIEW_FIELDS = {
    "unknown_indicator": "indicator",
    "unit_mismatch": "indicator",
    "growth_of_level": "indicator",
    "sector_unknown": "indicator",
    "group_scope": "indicator",
    "scope_guess": "indicator",
    "sector_list": "indicator",
    "indicator_list": "indicator",
    "sector_from_heading": "indicator",
    "relative_year": "year",
    "default_year": "year",
    "span": "year",
    "year_unknown": "year",
    "past": "year",
    "tier_scope": "tier",
    "near": "comparator",
    "no_unit": "unit",
    "currency_before": "unit",
}


@dataclass
class Candidate:
    """One candidate row: the fields of a target or an actual, plus confidence and review codes."""

    quote: str
    value: float | None
    unit: str | None
    indicator_code: str | None
    jurisdiction_code: str
    source_id: str
    value_high: float | None = None
    sector: str | None = None
    comparator: str = "="
    tier: str | None = None
    per: str | None = None
    base_year: int | None = None
    target_year: int | None = None
    period: str | None = None
    bound: str = "exact"
    growth_pct: float | None = None
    status: str = "final"
    value_canonical: float | None = None
    unit_canonical: str | None = None
    review: list[str] = field(default_factory=list)
    offset: int = 0

    @property
    def confidence(self) -> float:
        c = config.EXTRACT_BASE_CONFIDENCE
        for code in dict.fromkeys(self.review):
            c -= config.EXTRACT_REVIEW_PENALTY.get(code, config.EXTRACT_DEFAULT_PENALTY)
        return round(max(0.0, min(1.0, c)), 2)


@dataclass(frozen=True)
class DocContext:
    """What the document says about itself: kind, years, the jurisdiction and names of its sub-units."""

    kind: str
    jurisdiction: str
    source_id: str
    base_year: int
    year: int
    issued_year: int | None
    units: dict[str, str]  # names of jurisdictions (乐平市, 高新区) -> code, for table rows
    indicator_units: dict[str, str]
    growth_of: dict[str, str]  # level indicator -> its growth-rate indicator (refers_to, or X / X增速 by name)
    level_of: dict[str, str] = field(default_factory=dict)  # growth-rate indicator -> its level
    indicator_kinds: dict[str, str] = field(default_factory=dict)
    issued_month: int | None = None
    indicator_names: dict[str, str] = field(default_factory=dict)  # code -> name_zh of data/indicators.csv

    @property
    def multi_year(self) -> bool:
        return self.year - self.base_year > 1

    @property
    def year_known(self) -> bool:
        """False for a document without a date given and without a year in its head (:data:`NO_YEAR`)."""
        return self.year != NO_YEAR


class ExtractError(ValueError):
    """A user error (unreadable file, bad option): the CLI prints it as one line and exits 2."""


#: the document year of a document without a date given and without a year in its head: a figure whose year would
#: come from it gets no target_year / period (review code year_unknown), never a guessed year
NO_YEAR = 1


@dataclass(frozen=True)
class Spot:
    """A number in its sentence: the mention, the clause around it and the text before it."""

    m: lang.Mention
    sentence: str
    s0: int  # offset of the sentence in the document as written
    c0: int  # offset of the clause in the sentence
    c1: int
    heading: str
    raw: str  # the sentence as written (``sentence`` is normalised: full-width digits, traditional characters)
    raw_at: tuple[int, ...] = ()  # offset in ``raw`` of each character of ``sentence`` (and of its end)
    p0: int = -1  # offset of the paragraph in the document
    paragraph: str = ""  # the paragraph (normalised)
    ps0: int = 0  # offset of the sentence in the paragraph (normalised)
    measure_before: str = ""  # a report's last earlier paragraph that names a known measure (its subject carries)
    span_open: str = ""  # a report: the opening of an earlier ；-piece of the sentence naming a span (「十四五」期間，)
    past_open: int | None = None  # a plan: the year of the results ending the ；-piece before (…增长29.8%；)
    past_span: tuple[int, int] | None = None  # a plan: the years of a heading over results (赶超发展的五年)

    @property
    def clause(self) -> str:
        return self.sentence[self.c0 : self.c1]

    @property
    def rel(self) -> tuple[int, int]:
        return self.m.start - self.c0, self.m.end - self.c0
