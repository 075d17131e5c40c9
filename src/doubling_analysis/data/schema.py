"""The data dictionary in code: one field list per table, the per-table checks, and the Frictionless schema.

Each CSV is read as text (:mod:`doubling_analysis.data.io`), parsed field by field into typed values here (errors
collected, never raised one by one), and then checked with pandera (allowed values, patterns, ranges,
uniqueness). Cross-file checks (foreign keys, units against indicators, quotes against sources) live in
:mod:`doubling_analysis.data.catalog` and :mod:`doubling_analysis.data.provenance`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import config
from ..codes import BOUNDS, COMPARATORS, STATUSES, TIERS
from ..violations import Violation
from .io import ROW, parse_number
from .units import UNITS

if TYPE_CHECKING:
    import pandera.pandas as pa

YEAR_MIN, YEAR_MAX = 1949, 2100

PERS = ("year", "quarter", "month", "period")
SOURCE_KINDS = ("official", "news", "secondary")
LEVELS = ("province", "prefecture", "county", "zone")
KINDS = ("level", "growth_rate", "count", "share", "rate", "area", "rank", "relative", "money_flow", "other")
DIRECTIONS = ("up", "down")
QUANTIFIERS = ("each", "any")
#: a concordance row reads "indicator_code <relation> other_code"
RELATIONS = ("same_measure", "includes", "included_in", "different_scope")

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PERIOD_PATTERN = r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}\.\.\d{4}-\d{2}|\d{4}\.\.\d{4})$"


@dataclass(frozen=True)
class Field:
    """One column of a data file."""

    name: str
    type: str  # string | integer | number | boolean | date | code
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False
    foreign_key: tuple[str, str] | None = None  # (table, column)
    may_be_absent: bool = False  # a column added in a later release: older data folders may leave it out


@dataclass(frozen=True)
class Table:
    name: str  # e.g. "targets"
    file: str  # e.g. "targets.csv"
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _f(*args: Any, **kw: Any) -> Field:
    return Field(*args, **kw)


_ID = r"^[A-Za-z0-9][A-Za-z0-9+._-]*$"

TABLES: dict[str, Table] = {
    "sources": Table(
        "sources",
        "sources.csv",
        "Every source of a figure: the plan documents and the web pages of actuals.",
        (
            _f(
                "source_id",
                "code",
                "Stable id of the source (seed id, or web- plus 8 hex digits of the URL's SHA-1).",
                required=True,
                unique=True,
                pattern=_ID,
            ),
            _f("title_zh", "string", "Title in Chinese, as published.", required=True),
            _f("title_en", "string", "English title or gloss.", required=True),
            _f("issuer", "string", "Issuing body or publishing outlet."),
            _f("doc_number", "string", "Official document number (文号), e.g. 赣府字〔2019〕17号."),
            _f("issued", "date", "Date of issue or publication: YYYY, YYYY-MM or YYYY-MM-DD.", pattern=DATE_PATTERN),
            _f("file", "string", "File name under data/sources/ holding the text (plan documents)."),
            _f("url", "string", "Web address (web sources)."),
        ),
        primary_key=("source_id",),
    ),
    "jurisdictions": Table(
        "jurisdictions",
        "jurisdictions.csv",
        "Provinces, prefectures, counties and zones.",
        (
            _f(
                "code",
                "code",
                "GB/T 2260 code, or for a zone its parent's code plus '-' and pinyin initials.",
                required=True,
                unique=True,
                pattern=r"^\d{6}(-[A-Z]+)?$",
            ),
            _f("name_zh", "string", "Chinese name.", required=True),
            _f("name_en", "string", "English name.", required=True),
            _f("level", "string", "Administrative level.", required=True, enum=LEVELS),
            _f(
                "parent_code",
                "code",
                "Code of the enclosing jurisdiction (blank for a province).",
                foreign_key=("jurisdictions", "code"),
            ),
            _f("code_note", "string", "Where the code comes from."),
        ),
        primary_key=("code",),
    ),
    "indicators": Table(
        "indicators",
        "indicators.csv",
        "What is measured, in which unit.",
        (
            _f("code", "code", "Stable snake_case code.", required=True, unique=True, pattern=r"^[a-z][a-z0-9_]*$"),
            _f("name_zh", "string", "Chinese name.", required=True),
            _f("name_en", "string", "English name.", required=True),
            _f(
                "unit",
                "string",
                "Canonical unit of the indicator (money is returned in 亿元, % as a fraction).",
                required=True,
                enum=tuple(UNITS),
            ),
            _f("kind", "string", "Kind of measure.", required=True, enum=KINDS),
            _f("additive", "boolean", "May children's values be summed into their parent's?", required=True),
            _f("direction", "string", "Is higher better (up) or lower (down)?", required=True, enum=DIRECTIONS),
            _f(
                "refers_to",
                "code",
                "For a growth rate, the level indicator whose reported growth it is (its actuals "
                "are that indicator's growth_pct); for a relative target (× base), the level it multiplies; for a "
                "largest-unit indicator (千亿级园区), the units' level.",
                foreign_key=("indicators", "code"),
            ),
            _f("note", "string", "Scope and caveats."),
        ),
        primary_key=("code",),
    ),
    "sectors": Table(
        "sectors",
        "sectors.csv",
        "Industries and clusters named by targets and actuals.",
        (
            _f("code", "code", "Stable snake_case code.", required=True, unique=True, pattern=r"^[a-z][a-z0-9_]*$"),
            _f("name_zh", "string", "Chinese name.", required=True),
            _f("name_en", "string", "English name.", required=True),
        ),
        primary_key=("code",),
    ),
    "targets": Table(
        "targets",
        "targets.csv",
        "Every quantitative target of the plan documents.",
        (
            _f(
                "target_id",
                "code",
                "Stable id: document prefix and a number in document order.",
                required=True,
                unique=True,
                pattern=_ID,
            ),
            _f("source_id", "code", "Source document.", required=True, foreign_key=("sources", "source_id")),
            _f(
                "jurisdiction_code", "code", "Whose target it is.", required=True, foreign_key=("jurisdictions", "code")
            ),
            _f("indicator_code", "code", "What it measures.", required=True, foreign_key=("indicators", "code")),
            _f("sector", "code", "Industry or cluster; blank for the whole economy.", foreign_key=("sectors", "code")),
            _f(
                "base_year",
                "integer",
                "Reference year of growth and relative targets (the year before the plan period).",
                required=True,
                minimum=YEAR_MIN,
                maximum=YEAR_MAX,
            ),
            _f("target_year", "integer", "Year the target is for.", required=True, minimum=YEAR_MIN, maximum=YEAR_MAX),
            _f("value", "number", "The number as written, in `unit`.", required=True),
            _f("value_high", "number", "Upper end of a range (3-5家), else blank."),
            _f("unit", "string", "Unit as written.", required=True, enum=tuple(UNITS)),
            _f(
                "comparator",
                "string",
                "突破/超过 >, 以上/不少于 >=, 左右/约 ~, 以内 <=, plain =.",
                required=True,
                enum=COMPARATORS,
            ),
            _f("tier", "string", "floor for 确保, stretch for 力争, blank otherwise.", enum=TIERS),
            _f(
                "per",
                "string",
                "year for 每年 (quarter 每季度, month 每月), period for totals over the plan "
                "period (三年内), blank for a level or a flow in the target year.",
                enum=PERS,
            ),
            _f(
                "applies_to",
                "string",
                "Blank for the jurisdiction as a whole, else to whom it applies (e.g. each prefecture-level city).",
            ),
            _f("quote", "string", "Verbatim fragment of the source holding the number.", required=True),
            _f("note", "string", "Scope, judgement calls, English gloss."),
            _f(
                "same_as",
                "code",
                "The target_id of an earlier row stating the same commitment (same measure, year, "
                "threshold and comparator): the restatement is shown once in counts.",
                foreign_key=("targets", "target_id"),
                may_be_absent=True,
            ),
            _f(
                "quantifier",
                "string",
                "For targets on several units (applies_to): each (every unit must attain) or "
                "any (at least one unit attains, e.g. 至少一个园区); blank for the jurisdiction as a whole.",
                enum=QUANTIFIERS,
                may_be_absent=True,
            ),
        ),
        primary_key=("target_id",),
    ),
    "actuals": Table(
        "actuals",
        "actuals.csv",
        "Reported figures, each with its source and a verbatim quote.",
        (
            _f("actual_id", "code", "Stable id of the reported figure.", required=True, unique=True, pattern=_ID),
            _f("jurisdiction_code", "code", "Jurisdiction.", required=True, foreign_key=("jurisdictions", "code")),
            _f("indicator_code", "code", "Indicator.", required=True, foreign_key=("indicators", "code")),
            _f("sector", "code", "Industry or cluster; blank for the whole economy.", foreign_key=("sectors", "code")),
            _f(
                "period",
                "string",
                "2021 (a year), 2022-01..2022-06 (year to date), 2021-05 (a month, stock "
                "counts) or 2016..2020 (several years).",
                required=True,
                pattern=PERIOD_PATTERN,
            ),
            _f("value", "number", "Level as written, in `unit`; blank when only growth was reported."),
            _f("unit", "string", "Unit as written (亿元, 万亿元, 千亿元, RMB bn, 万元, 家 ...).", enum=tuple(UNITS)),
            _f(
                "bound",
                "string",
                "exact; lower (突破/超过/以上: above); upper (接近/近: just below); approx (左右/约). "
                "Describes the value; for a report with only a growth rate, the rate.",
                required=True,
                enum=BOUNDS,
            ),
            _f(
                "growth_pct",
                "number",
                "Officially reported year-on-year growth, in percent.",
                minimum=-100,
                maximum=1000,
            ),
            _f(
                "status",
                "string",
                "preliminary (预计/初步, after the period), final, revised, or projected (an official projection "
                "published before its period ended: 预计全年…; evidence for a probability, never an outcome).",
                required=True,
                enum=STATUSES,
            ),
            _f("published", "date", "Publication date when known: YYYY, YYYY-MM or YYYY-MM-DD.", pattern=DATE_PATTERN),
            _f(
                "source_kind",
                "string",
                "official, news, secondary (aggregators, mirrors).",
                required=True,
                enum=SOURCE_KINDS,
            ),
            _f("source_id", "code", "Source.", required=True, foreign_key=("sources", "source_id")),
            _f("source_url", "string", "Web address of the page read."),
            _f("source_title", "string", "Title of the page read."),
            _f("quote", "string", "Verbatim excerpt holding the figure.", required=True),
            _f("note", "string", "Scope, caveats, decisions."),
        ),
        primary_key=("actual_id",),
    ),
    "concordance": Table(
        "concordance",
        "concordance.csv",
        "How indicators relate, read as indicator_code <relation> other_code, over which years: "
        "same_measure (their figures may decide each other's targets, as a judgement); included_in (the other "
        "includes it, e.g. main business revenue in operating revenue: the other's figure bounds it from above) "
        "and includes (it includes the other: a bound from below), which decide outright where the bound "
        "decides; different_scope (never merged, only noted).",
        (
            _f(
                "indicator_code",
                "code",
                "The indicator of a target.",
                required=True,
                foreign_key=("indicators", "code"),
            ),
            _f(
                "other_code",
                "code",
                "An indicator whose figures bear on it.",
                required=True,
                foreign_key=("indicators", "code"),
            ),
            _f(
                "from_year",
                "integer",
                "First year the relation holds (blank: always).",
                minimum=YEAR_MIN,
                maximum=YEAR_MAX,
            ),
            _f("to_year", "integer", "Last year the relation holds (blank: open).", minimum=YEAR_MIN, maximum=YEAR_MAX),
            _f(
                "relation",
                "string",
                "same_measure, includes, included_in or different_scope (indicator_code <relation> other_code).",
                required=True,
                enum=RELATIONS,
            ),
            _f("reason_en", "string", "Why, in English (shown in the row that rests on it).", required=True),
            _f("reason_zh", "string", "Why, in Chinese.", required=True),
        ),
        primary_key=("indicator_code", "other_code"),
    ),
}

LOAD_ORDER = ("sources", "jurisdictions", "indicators", "sectors", "targets", "actuals", "concordance")
#: files a private data folder may leave out (an empty table is used)
OPTIONAL_TABLES = ("concordance",)


def parse_table(table: Table, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[Violation]]:
    """Turn a frame of strings (from :func:`io.read_table`) into typed columns, indexed by spreadsheet row.

    Missing required columns, unparsable numbers and booleans, and empty required cells are reported; values
    that cannot be parsed become missing so that every other check still runs.
    """
    problems: list[Violation] = []
    if raw.empty and ROW not in raw:
        return pd.DataFrame(columns=table.columns), problems
    present = set(raw.columns)
    for f in table.fields:
        if f.name not in present and not f.may_be_absent:
            problems.append(Violation(table.file, 1, f.name, None, f"a column named {f.name!r} in the header"))
    unknown = [c for c in raw.columns if c != ROW and c not in table.columns]
    for c in unknown:
        problems.append(
            Violation(table.file, 1, c, c, f"only known columns ({', '.join(table.columns)})", severity="warning")
        )
    out = pd.DataFrame(index=pd.Index(raw[ROW].astype(int), name="row"))
    rows = out.index.tolist()
    for f in table.fields:
        if f.name not in present:
            out[f.name] = pd.Series(pd.NA, index=out.index, dtype=object)
            continue
        cells = pd.Series(raw[f.name].to_numpy(), index=out.index)
        texts = ["" if text is None else str(text) for text in cells.tolist()]  # a list: faster than .items()
        if f.type in ("number", "integer", "boolean"):
            parsed = _parse_cells(table, f, rows, texts, problems)
        else:  # text: only empty required cells to report
            parsed = [text or None for text in texts]
            if f.required:
                problems += [
                    Violation(table.file, row, f.name, "", f"a value ({f.description})")
                    for row, text in zip(rows, texts, strict=True)
                    if text == ""
                ]
        if f.type == "number":
            out[f.name] = pd.array(parsed, dtype="Float64")
        elif f.type == "integer":
            out[f.name] = pd.array([None if v is None else int(v) for v in parsed], dtype="Int64")
        elif f.type == "boolean":
            out[f.name] = pd.array(parsed, dtype="boolean")
        else:
            out[f.name] = pd.Series(parsed, index=out.index, dtype=object)
    return out, problems


def _parse_cells(table: Table, f: Field, rows: list[int], texts: list[str], problems: list[Violation]) -> list:
    """The values of a number, integer or boolean column (None where empty or unparsable), problems appended."""
    parsed: list = []
    for row, text in zip(rows, texts, strict=True):
        if text == "":
            if f.required:
                problems.append(Violation(table.file, row, f.name, "", f"a value ({f.description})"))
            parsed.append(None)
            continue
        if f.type in ("number", "integer"):
            value, note, error = parse_number(text)
            if error:
                problems.append(Violation(table.file, row, f.name, text, error))
            elif f.type == "integer" and value is not None and value != int(value):
                problems.append(Violation(table.file, row, f.name, text, "a whole number"))
                value = None
            elif note:
                problems.append(
                    Violation(table.file, row, f.name, text, "plain ASCII digits; " + note, severity="warning")
                )
            parsed.append(value)
        else:
            low = text.lower()
            if low in ("true", "yes", "1"):
                parsed.append(True)
            elif low in ("false", "no", "0"):
                parsed.append(False)
            else:
                problems.append(Violation(table.file, row, f.name, text, "true or false"))
                parsed.append(None)
    return parsed


def records(frame: pd.DataFrame) -> Iterator[tuple[int, dict]]:
    """The rows of a typed frame as (spreadsheet row, {column: value}) pairs, far faster than
    ``DataFrame.iterrows`` (which builds a Series per row) and with the same values: as there, a row holding
    only texts and blanks is typed as text, so that its blanks read as NaN."""
    columns = list(frame.columns)
    numeric = [i for i, c in enumerate(columns) if pd.api.types.is_numeric_dtype(frame[c].dtype)]
    for row, values in zip(frame.index, frame.values, strict=True):
        if all(_blank(values[i]) for i in numeric) and _texts_and_blanks(values):  # numbers first: quicker
            values = [np.nan if _blank(v) else v for v in values]
        yield row, dict(zip(columns, values, strict=True))


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _texts_and_blanks(values: Iterable[object]) -> bool:
    """Does a row hold texts and blanks only (at least one text)? pandas types such a row as text."""
    text = False
    for v in values:
        if isinstance(v, str):
            text = True
        elif not _blank(v):
            return False
    return text


def _pandera_schema(table: Table) -> tuple[pa.DataFrameSchema, list[str]]:
    import pandera.pandas as pa

    columns = {}
    for f in table.fields:
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum), error=f"one of {', '.join(f.enum)}"))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern, error=f"text matching {f.pattern}"))
        if f.minimum is not None or f.maximum is not None:
            checks.append(pa.Check.in_range(f.minimum, f.maximum, error=f"a value between {f.minimum} and {f.maximum}"))
        columns[f.name] = pa.Column(checks=checks, nullable=True, required=False, coerce=False)
    unique = [f.name for f in table.fields if f.unique]
    return pa.DataFrameSchema(columns, unique=None), unique


def check_table(table: Table, typed: pd.DataFrame) -> list[Violation]:
    """Allowed values, patterns, ranges (pandera, all failures at once) and unique keys."""
    import pandera.pandas as pa

    problems: list[Violation] = []
    schema, unique = _pandera_schema(table)
    try:
        schema.validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for rec in cases.itertuples(index=False):
            if pd.isna(rec.index):
                continue
            fld = next(f for f in table.fields if f.name == rec.column)
            expected = str(rec.check)
            if fld.enum:
                expected = f"one of: {', '.join(fld.enum)}"
            elif fld.pattern and "str_matches" in expected or fld.pattern and expected.startswith("text"):
                expected = _pattern_hint(fld)
            elif "in_range" in expected or expected.startswith("a value between"):
                expected = f"a value between {fld.minimum:g} and {fld.maximum:g}"
            problems.append(Violation(table.file, int(rec.index), rec.column, rec.failure_case, expected))
    for col in unique:
        values = typed[col].dropna()
        dup = values[values.duplicated(keep=False)]
        first_rows: dict = {}  # value -> the first row holding it
        for row, value in dup.items():
            first_rows[value] = min(first_rows.get(value, row), row)
        for row, value in dup.items():
            first = first_rows[value]
            if row != first:
                problems.append(
                    Violation(table.file, int(row), col, value, f"a unique {col} (already used in row {first})")
                )
    problems += check_code_lengths(table, typed) + check_magnitudes(table, typed) + check_file_names(table, typed)
    return problems


#: the number columns whose non-zero values must have a plausible magnitude (config.VALUE_MIN_ABS/MAX_ABS)
MAGNITUDE_COLUMNS = ("value", "value_high")


def check_code_lengths(table: Table, typed: pd.DataFrame) -> list[Violation]:
    """Ids and codes longer than ``config.MAX_CODE_LENGTH`` (issue 20: a 300-character id passed validation and
    then broke every chart and table it labels)."""
    problems: list[Violation] = []
    for f in table.fields:
        if f.type != "code" or f.name not in typed:
            continue
        for row, value in typed[f.name].dropna().items():
            if len(str(value)) > config.MAX_CODE_LENGTH:
                problems.append(
                    Violation(
                        table.file,
                        int(row),
                        f.name,
                        f"{str(value)[:20]}... ({len(str(value))} characters)",
                        f"at most {config.MAX_CODE_LENGTH} characters",
                    )
                )
    return problems


def check_file_names(table: Table, typed: pd.DataFrame) -> list[Violation]:
    """sources.csv's ``file`` is a plain file name in data/sources/ (issue 20: ``../`` made validation read files
    outside the data folder)."""
    if table.name != "sources" or "file" not in typed:
        return []
    return [
        Violation(table.file, int(row), "file", value, "a plain file name in sources/ (no '/', '\\' or leading '.')")
        for row, value in typed["file"].dropna().items()
        if "/" in str(value) or "\\" in str(value) or str(value).startswith(".")
    ]


def check_magnitudes(table: Table, typed: pd.DataFrame) -> list[Violation]:
    """Non-zero values whose magnitude in the canonical unit (亿元 for money, a fraction for %) is outside
    ``config.VALUE_MIN_ABS`` .. ``config.VALUE_MAX_ABS`` (issue 20: 1e-300 passed validation and then broke the
    growth rates of every chart)."""
    from .units import canonical_unit, conversion_factor

    problems: list[Violation] = []
    units = typed["unit"] if "unit" in typed else pd.Series(None, index=typed.index, dtype=object)
    for name in MAGNITUDE_COLUMNS:
        if name not in typed or not any(f.name == name and f.type == "number" for f in table.fields):
            continue
        for row, value in typed[name].dropna().items():
            unit = units.get(row)
            try:
                canonical = canonical_unit(unit)
                size = abs(float(value) * conversion_factor(unit, canonical))
            except (KeyError, ValueError, TypeError):  # no or an unknown unit: reported by its own check
                canonical, size = str(unit or ""), abs(float(value))
            if size != 0 and not config.VALUE_MIN_ABS <= size <= config.VALUE_MAX_ABS:
                problems.append(
                    Violation(
                        table.file,
                        int(row),
                        name,
                        f"{float(value):g}",
                        f"0 or a magnitude from {config.VALUE_MIN_ABS:g} to {config.VALUE_MAX_ABS:g} in {canonical} "
                        "(a typing error?)",
                    )
                )
    return problems


def _pattern_hint(f: Field) -> str:
    hints = {
        DATE_PATTERN: "a date written YYYY, YYYY-MM or YYYY-MM-DD",
        PERIOD_PATTERN: "a period written 2021, 2021-05, 2022-01..2022-06 or 2016..2020",
    }
    return hints.get(f.pattern or "", f"text matching the pattern {f.pattern}")


_TYPE_MAP = {
    "code": "string",
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "string",
}


def datapackage() -> dict:
    """A Frictionless Data Package descriptor of the data folder (for R, Stata and other readers)."""
    resources = []
    for name in LOAD_ORDER:
        t = TABLES[name]
        fields = []
        for f in t.fields:
            d: dict = {"name": f.name, "type": _TYPE_MAP[f.type], "description": f.description}
            if f.type == "boolean":
                d["trueValues"] = ["true"]
                d["falseValues"] = ["false"]
            c: dict = {}
            if f.required:
                c["required"] = True
            if f.unique:
                c["unique"] = True
            if f.enum:
                c["enum"] = list(f.enum)
            if f.pattern:
                c["pattern"] = f.pattern.lstrip("^").rstrip("$")
            if f.minimum is not None:
                c["minimum"] = f.minimum
            if f.maximum is not None:
                c["maximum"] = f.maximum
            if c:
                d["constraints"] = c
            fields.append(d)
        schema = {"fields": fields, "missingValues": [""]}
        if t.primary_key:
            schema["primaryKey"] = list(t.primary_key)
        fks = [
            {
                "fields": f.name,
                "reference": {
                    "resource": "" if f.foreign_key[0] == name else f.foreign_key[0],
                    "fields": f.foreign_key[1],
                },
            }
            for f in t.fields
            if f.foreign_key
        ]
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": name,
                "path": t.file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "doubling-analysis-data",
        "title": "Targets and reported actuals of China's local industrial doubling plans",
        "description": "Generated from doubling_analysis.data.schema (python -m doubling_analysis.data.schema). "
        "Every figure carries a source id and a verbatim quote; see README.md.",
        "licenses": [
            {"name": "other-at", "title": "Source texts are public government documents and web pages; see sources.csv"}
        ],
        "resources": resources,
    }


def _main() -> None:  # pragma: no cover - a developer utility
    import json
    import sys
    from pathlib import Path

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/datapackage.json")
    target.write_text(json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":  # pragma: no cover
    _main()


def dictionary_markdown() -> str:
    """The data dictionary as markdown tables (the end of data/README.md is this text)."""
    lines = []
    for name in LOAD_ORDER:
        t = TABLES[name]
        lines += [
            f"### `{t.file}` — {t.description}",
            "",
            "| column | type | required | allowed / format | meaning |",
            "|---|---|---|---|---|",
        ]
        for f in t.fields:
            if f.foreign_key:
                allowed = f"a `{f.foreign_key[1]}` of `{TABLES[f.foreign_key[0]].file}`"
            elif f.enum and len(f.enum) < 12:
                allowed = ", ".join(f"`{e}`" for e in f.enum)
            elif f.enum:
                allowed = "a unit listed in `src/doubling_analysis/data/units.py`"
            elif f.pattern:
                allowed = f"`{f.pattern}`"
            else:
                allowed = ""
            if f.unique:
                allowed = (allowed + "; " if allowed else "") + "unique"
            lines.append(f"| `{f.name}` | {f.type} | {'yes' if f.required else ''} | {allowed} | {f.description} |")
        lines.append("")
    return "\n".join(lines)
