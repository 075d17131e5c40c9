"""Load the data folder into validated, typed pandas frames: :func:`load_catalog`.

Data directory: the ``data_dir`` argument, else the environment variable ``DOUBLING_ANALYSIS_DATA_DIR``, else
the repository's ``data/`` folder. A private folder with the same layout (e.g. with confidential actuals) can
be used by every command and notebook this way.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from .. import paths
from ..violations import DataValidationError, ValidationReport, Violation
from . import provenance
from .io import read_table
from .schema import (
    LOAD_ORDER,
    OPTIONAL_TABLES,
    PERIOD_PATTERN,
    TABLES,
    YEAR_MAX,
    YEAR_MIN,
    check_table,
    parse_table,
    records,
)
from .units import UNITS, canonical_unit, conversion_factor, dimension

ENV_VAR = "DOUBLING_ANALYSIS_DATA_DIR"
#: the repository's data folder (the package is installed from the repository in editable mode)
DEFAULT_DATA_DIR = paths.DATA

#: (file, row, indicator code, unit) -> the violations of a unit not of the indicator's dimension
UnitCheck: TypeAlias = Callable[[str, int, Any, Any], list[Violation]]


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The data folder to use: argument, then ``$DOUBLING_ANALYSIS_DATA_DIR``, then the repository's data/."""
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser().resolve()  # absolute: notebooks run in other folders
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return DEFAULT_DATA_DIR


@dataclass
class Catalog:
    """The validated data: one tidy frame per file, plus the validation report and the folder it came from."""

    sources: pd.DataFrame
    jurisdictions: pd.DataFrame
    indicators: pd.DataFrame
    sectors: pd.DataFrame
    targets: pd.DataFrame
    actuals: pd.DataFrame
    report: ValidationReport
    data_dir: Path
    concordance: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TABLES["concordance"].columns))

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in LOAD_ORDER}


def validate(data_dir: str | os.PathLike | None = None) -> tuple[ValidationReport, dict[str, pd.DataFrame]]:
    """Read and check every file; return the report (all problems at once) and the typed frames.

    Frames are indexed by the spreadsheet row of each record; codes are still plain strings here.
    """
    folder = resolve_data_dir(data_dir)
    report = ValidationReport()
    typed: dict[str, pd.DataFrame] = {}
    if not folder.is_dir():
        report.add(Violation(str(folder), None, None, None, f"an existing data folder (set --data-dir or ${ENV_VAR})"))
        return report, typed
    try:  # issue 20: complete or roll back a change an accept killed mid-way left behind
        from .datafolder import recover

        recover(folder)
    except OSError as exc:
        report.add(
            Violation(str(folder), None, None, None, f"a data folder an interrupted accept can complete in ({exc})")
        )
        return report, typed
    for name in LOAD_ORDER:
        table = TABLES[name]
        if name in OPTIONAL_TABLES and not (folder / table.file).exists():
            typed[name] = pd.DataFrame({c: pd.Series(dtype=object) for c in table.columns})
            continue
        raw, problems = read_table(folder / table.file, table.file)
        report.extend(problems)
        frame, problems = parse_table(table, raw)
        report.extend(problems)
        report.extend(check_table(table, frame))
        typed[name] = frame
        report.checked[table.file] = len(frame)
    report.extend(_cross_checks(typed, folder))
    return report, typed


def _fk(frames: dict[str, pd.DataFrame], table: str, column: str, ref_table: str, ref_column: str) -> list[Violation]:
    file = TABLES[table].file
    known = set(frames[ref_table][ref_column].dropna())
    values = frames[table][column]
    bad = values[values.notna() & ~values.isin(known)]
    return [
        Violation(file, int(row), column, value, f"a {ref_column} listed in {TABLES[ref_table].file}")
        for row, value in bad.items()
    ]


def _cross_checks(frames: dict[str, pd.DataFrame], folder: Path) -> list[Violation]:
    """Checks across rows and files, in a fixed order (foreign keys, jurisdictions, dates, sources, targets,
    plausibility, actuals). Rows are read as plain dicts and repeated work (source texts, periods, dates) is done
    once per distinct value, so that the checks take time in proportion to the data."""
    out: list[Violation] = []
    for name in LOAD_ORDER:
        for f in TABLES[name].fields:
            if f.foreign_key:
                out += _fk(frames, name, f.name, *f.foreign_key)
    out += _jurisdiction_checks(frames["jurisdictions"])
    out += _date_checks(frames)
    problems, texts = _source_checks(frames["sources"], folder)
    out += problems
    unit_check = _unit_checker(frames["indicators"])
    out += _target_checks(frames["targets"], frames["sources"], texts, unit_check)

    from .plausibility import series_outliers, sign_and_magnitude

    out += sign_and_magnitude("targets.csv", frames["targets"], frames["indicators"])
    out += sign_and_magnitude("actuals.csv", frames["actuals"], frames["indicators"])
    out += series_outliers(frames["actuals"], frames["indicators"])
    out += _actual_checks(frames["actuals"], texts, unit_check)
    return out


def _jurisdiction_checks(jur: pd.DataFrame) -> list[Violation]:
    """A province has no parent; other levels have one; no cycles."""
    out: list[Violation] = []
    parents = dict(zip(jur["code"], jur["parent_code"]))
    for row, r in records(jur):
        if r["level"] != "province" and pd.isna(r["parent_code"]):
            out.append(
                Violation(
                    "jurisdictions.csv",
                    int(row),
                    "parent_code",
                    "",
                    f"the code of the enclosing jurisdiction (level {r['level']})",
                )
            )
        if r["level"] == "province" and pd.notna(r["parent_code"]):
            out.append(
                Violation(
                    "jurisdictions.csv", int(row), "parent_code", r["parent_code"], "blank: a province has no parent"
                )
            )
        seen, code = set(), r["code"]
        while isinstance(code, str) and code in parents:
            if code in seen:
                out.append(
                    Violation(
                        "jurisdictions.csv",
                        int(row),
                        "parent_code",
                        r["parent_code"],
                        f"a chain of parents without a cycle (it comes back to {code})",
                    )
                )
                break
            seen.add(code)
            code = parents.get(code)
    return out


def _date_checks(frames: dict[str, pd.DataFrame]) -> list[Violation]:
    """Dates must be real calendar dates, in the years the schema allows and not after today (nothing is published
    in the future; pandas cannot even represent dates after 2262)."""
    today = pd.Timestamp.today().normalize()
    problem = functools.cache(_date_problem)  # one look per distinct date
    out: list[Violation] = []
    for name, col in (("sources", "issued"), ("actuals", "published")):
        if col not in frames[name]:
            continue
        for row, value in frames[name][col].dropna().items():
            expected = problem(value, today)
            if expected:
                out.append(Violation(TABLES[name].file, int(row), col, value, expected))
    return out


def _date_problem(value: object, today: pd.Timestamp) -> str | None:
    """What a date written YYYY[-MM[-DD]] should be instead, or None (other texts: the pattern check reports them)."""
    if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", str(value)):
        return None
    year = int(str(value)[:4])
    if not YEAR_MIN <= year <= YEAR_MAX:
        return f"a date between {YEAR_MIN} and {YEAR_MAX}"
    try:
        _conservative_date(value)
    except (ValueError, TypeError):
        return "a real calendar date"
    earliest = pd.Timestamp((str(value) + "-01-01")[:10])  # the first day a partial date may mean
    if earliest > today:
        return f"a date not after today ({today.date()})"
    return None


def _source_checks(src: pd.DataFrame, folder: Path) -> tuple[list[Violation], dict[str, str]]:
    """Each source is a file that exists under sources/, or a URL. Also returns the texts of the source files
    by source_id, white space removed (as quotes are looked up in them)."""
    out: list[Violation] = []
    texts: dict[str, str] = {}
    read = functools.cache(_read_source)  # sources may share a file
    for row, r in records(src):
        if pd.isna(r["file"]) and pd.isna(r["url"]):
            out.append(Violation("sources.csv", int(row), "file", "", "a file under sources/ or a url"))
        if pd.notna(r["file"]):
            text, expected = read(folder / "sources", r["file"])
            if expected:
                out.append(Violation("sources.csv", int(row), "file", r["file"], expected))
            else:
                texts[r["source_id"]] = text
    return out, texts


def _read_source(sources: Path, file: str) -> tuple[str, str | None]:
    """(the text of a source file with white space removed, None), or ('', what was expected instead)."""
    path = sources / file
    if not path.is_file():
        return "", f"a file that exists in {sources}"
    try:
        return provenance.strip_ws(path.read_text(encoding="utf-8")), None
    except UnicodeDecodeError:
        return "", (
            f"a UTF-8 text in {sources} (source texts are compared byte for byte with their quotes: save it as UTF-8)"
        )
    except OSError as exc:
        return "", f"a readable file ({exc.strerror})"


def _unit_checker(indicators: pd.DataFrame) -> UnitCheck:
    """A function (file, row, indicator, unit) -> violations: a unit of the indicator's dimension."""
    units_of = dict(zip(indicators["code"], indicators["unit"]))

    def unit_check(file: str, row: int, indicator: Any, unit: Any) -> list[Violation]:
        if pd.isna(unit) or unit not in UNITS or indicator not in units_of or units_of[indicator] not in UNITS:
            return []
        want = dimension(units_of[indicator])
        if dimension(unit) == want:
            return []
        return [
            Violation(
                file, int(row), "unit", unit, f"a {want} unit like the indicator {indicator}'s {units_of[indicator]!r}"
            )
        ]

    return unit_check


def _target_checks(
    tg: pd.DataFrame, src: pd.DataFrame, texts: dict[str, str], unit_check: UnitCheck
) -> list[Violation]:
    """Documents with targets have an issue date; per target: unit, years, range, quote and restatement."""
    out: list[Violation] = []
    issued = dict(zip(src["source_id"], src["issued"]))
    first_row: dict = {}
    for row, sid in zip(src.index, src["source_id"]):
        first_row.setdefault(sid, row)
    for sid in sorted(set(tg["source_id"].dropna())):
        if sid in issued and pd.isna(issued[sid]):
            out.append(
                Violation(
                    "sources.csv",
                    int(first_row[sid]),
                    "issued",
                    "",
                    "the issue date of a document with targets (without it they appear only with all data, never "
                    "as of a date)",
                    severity="warning",
                )
            )
    first_of = _first_records(tg, "target_id")
    for row, r in records(tg):
        out += unit_check("targets.csv", row, r["indicator_code"], r["unit"])
        if pd.notna(r["base_year"]) and pd.notna(r["target_year"]) and not r["base_year"] < r["target_year"]:
            out.append(
                Violation(
                    "targets.csv",
                    int(row),
                    "base_year",
                    int(r["base_year"]),
                    f"a year before target_year {int(r['target_year'])}",
                )
            )
        if pd.notna(r["value_high"]) and pd.notna(r["value"]) and not r["value_high"] > r["value"]:
            out.append(
                Violation(
                    "targets.csv",
                    int(row),
                    "value_high",
                    float(r["value_high"]),
                    f"the upper end of a range, above value {r['value']:g}",
                )
            )
        out += _quote_checks("targets.csv", row, r, texts, value_severity="error")
        out += _restatement_checks(first_of, row, r)
    return out


def _actual_checks(ac: pd.DataFrame, texts: dict[str, str], unit_check: UnitCheck) -> list[Violation]:
    """Per reported figure: unit, a value or growth, the period, no look-ahead, and the quote."""
    out: list[Violation] = []
    period_error = functools.cache(_period_error)  # one parse per distinct period
    look_ahead = functools.cache(_look_ahead)
    for row, r in records(ac):
        out += unit_check("actuals.csv", row, r["indicator_code"], r["unit"])
        if pd.isna(r["value"]) and pd.isna(r["growth_pct"]):
            out.append(Violation("actuals.csv", int(row), "value", "", "a value or a growth_pct (or both)"))
        if str(r["status"]) == "projected" and pd.isna(r["published"]):
            out.append(Violation("actuals.csv", int(row), "published", "", "the date the projection was published"))
        if pd.notna(r["value"]) and pd.isna(r["unit"]):
            out.append(Violation("actuals.csv", int(row), "unit", "", "the unit of the value"))
        if pd.notna(r["period"]) and re.match(PERIOD_PATTERN, r["period"]):  # else the pattern check reported it
            err = period_error(r["period"])
            if err:
                out.append(Violation("actuals.csv", int(row), "period", r["period"], err))
            elif pd.notna(r["published"]) and str(r["status"]) != "projected":  # a projection looks ahead
                found = look_ahead(r["period"], r["published"])
                if found:
                    expected, severity = found
                    out.append(
                        Violation("actuals.csv", int(row), "published", r["published"], expected, severity=severity)
                    )
        # web quotes are kept as seen (mirror sites garble or run table cells together), so a figure that
        # cannot be found in its quote is a warning to review, listed by `validate --warnings`
        out += _quote_checks("actuals.csv", row, r, texts, value_severity="warning")
    return out


def _first_records(frame: pd.DataFrame, column: str) -> dict:
    """{value: the first row holding it in ``column``}, each row a dict of its values."""
    columns = list(frame.columns)
    first: dict = {}
    for values in frame.values:
        record = dict(zip(columns, values, strict=True))
        first.setdefault(record[column], record)
    return first


def _differ(a: object, b: object) -> bool:
    """Two cells differ: one blank and not the other, or both filled with different values."""
    if pd.isna(a) or pd.isna(b):
        return not (pd.isna(a) and pd.isna(b))
    return bool(a != b)


def _restatement_checks(first_of: dict, row: int, r: dict[str, Any]) -> list[Violation]:
    """same_as names an earlier row of the same jurisdiction, indicator, sector and year; a quantifier needs a
    list of units (applies_to). ``first_of`` holds the first row of each target_id."""
    out = []
    same = r.get("same_as")
    if isinstance(same, str) and same:
        f = first_of.get(same)
        if f is not None:
            keys = ("jurisdiction_code", "indicator_code", "sector", "target_year")
            expected = None
            if same == r["target_id"] or any(_differ(f[k], r[k]) for k in keys):
                expected = "the id of another target with the same jurisdiction, indicator, sector and target year"
            elif isinstance(f.get("same_as"), str) and f.get("same_as"):
                expected = f"the first statement of the commitment ({f['same_as']}), not a restatement"
            if expected:
                out.append(Violation("targets.csv", int(row), "same_as", same, expected))
    q = r.get("quantifier")
    if isinstance(q, str) and q and not (isinstance(r["applies_to"], str) and r["applies_to"]):
        out.append(Violation("targets.csv", int(row), "quantifier", q, "applies_to naming the units it quantifies"))
    return out


def _look_ahead(period: str, published: str) -> tuple[str, str] | None:
    """A figure cannot be published before its period ended (that would be a look-ahead): an error, except a
    report dated inside the period's last month (a figure "to date", e.g. on 30 December), which is a warning.
    Returns (what was expected, severity), or None."""
    try:
        start, end, _ = parse_period(period)
        published_date = _conservative_date(published)
    except (ValueError, TypeError):
        return None  # reported by the date and period checks
    if published_date >= end.end_time.normalize() or (start == end and published_date >= end.start_time):
        return None  # a one-month period reported within its month is a stock at the date of the statement
    inside_last_month = published_date >= end.start_time
    return (
        f"a publication date after the period {period} ended ({end.end_time.date()})"
        + ("; a report inside the last month is read as a figure to date" if inside_last_month else ""),
        "warning" if inside_last_month else "error",
    )


def _quote_checks(
    file: str, row: int, r: dict[str, Any], texts: dict[str, str], value_severity: str
) -> list[Violation]:
    """The quote occurs in its source text (``texts``: white space removed) and states each figure of the row."""
    out: list[Violation] = []
    quote = r["quote"]
    if pd.isna(quote):
        return out
    if r["source_id"] in texts and provenance.strip_ws(quote) not in texts[r["source_id"]]:
        out.append(
            Violation(
                file,
                int(row),
                "quote",
                quote,
                f"a verbatim fragment of the source text {r['source_id']} (white space ignored)",
            )
        )
    for col in ("value", "value_high", "growth_pct"):
        if col in r and pd.notna(r[col]):
            unit = "%" if col == "growth_pct" else r["unit"]
            if not provenance.quote_holds_value(quote, float(r[col]), None if pd.isna(unit) else unit):
                out.append(
                    Violation(
                        file,
                        int(row),
                        col,
                        float(r[col]),
                        "a figure that the quote states (the number does not occur in the quote)",
                        severity=value_severity,
                    )
                )
    return out


def _period_error(text: str) -> str | None:
    try:
        start, end, _ = parse_period(text)
    except ValueError as exc:
        return str(exc)
    if end < start:
        return "a period that does not end before it starts"
    if not (YEAR_MIN <= start.year and end.year <= YEAR_MAX):
        return f"a period within {YEAR_MIN}-{YEAR_MAX}"
    return None


def parse_period(text: str) -> tuple[pd.Period, pd.Period, str]:
    """Parse a period into (first month, last month, kind).

    kinds: ``year`` (2021), ``month`` (2021-05), ``ytd`` (2022-01..2022-06, a span inside one year that
    starts in January), ``span`` (other month spans, or 2016..2020).
    """
    try:
        if ".." in text:
            a, b = text.split("..")
            if len(a) == 4 and len(b) == 4:
                return pd.Period(f"{a}-01", "M"), pd.Period(f"{b}-12", "M"), "span"
            start, end = pd.Period(a, "M"), pd.Period(b, "M")
            kind = "ytd" if start.month == 1 and start.year == end.year else "span"
            return start, end, kind
        if len(text) == 4:
            return pd.Period(f"{text}-01", "M"), pd.Period(f"{text}-12", "M"), "year"
        p = pd.Period(text, "M")
        return p, p, "month"
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f"a period written 2021, 2021-05, 2022-01..2022-06 or 2016..2020 with real months ({exc})"
        ) from None


def _conservative_date(text: object) -> pd.Timestamp:
    """A partial date as the last day it may stand for (2022-03 -> 2022-03-31), so that filtering by an as-of
    date never uses a figure before it could have been published."""
    if pd.isna(text):
        return pd.NaT
    text = str(text)
    if len(text) == 4:
        return pd.Timestamp(f"{text}-12-31")
    if len(text) == 7:
        return pd.Period(text, "M").end_time.normalize()
    return pd.Timestamp(text)


def _canonicalise(frame: pd.DataFrame, indicators: pd.DataFrame, value_cols: list[str]) -> pd.DataFrame:
    """Convert value columns to the indicator's canonical unit; keep the written value and unit alongside."""
    frame = frame.copy()
    ind_unit = dict(zip(indicators["code"].astype(str), indicators["unit"].astype(str)))
    canon = {code: canonical_unit(u) for code, u in ind_unit.items()}
    frame["unit_as_written"] = frame["unit"]
    factors = []
    units = []
    for code, unit in zip(frame["indicator_code"].astype(str), frame["unit"]):
        target = canon[code]
        units.append(target)
        factors.append(1.0 if pd.isna(unit) else conversion_factor(unit, target))
    factors = pd.Series(factors, index=frame.index, dtype="float64")
    for col in value_cols:
        frame[f"{col}_as_written"] = frame[col]
        frame[col] = (frame[col].astype("Float64") * factors).astype("Float64")
    frame["unit"] = pd.Series(units, index=frame.index, dtype=object)
    return frame


def _categorical(values: pd.Series, categories: Iterable[str]) -> pd.Series:
    return pd.Series(pd.Categorical(values, categories=list(categories)), index=values.index)


def build_catalog(frames: dict[str, pd.DataFrame], report: ValidationReport, folder: Path) -> Catalog:
    """Typed, canonical frames from validated ones (call only when the report has no errors)."""
    jur_codes = frames["jurisdictions"]["code"].tolist()
    ind_codes = frames["indicators"]["code"].tolist()
    sec_codes = frames["sectors"]["code"].tolist()
    src_ids = frames["sources"]["source_id"].tolist()

    def codes(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        for col, cats in (
            ("jurisdiction_code", jur_codes),
            ("indicator_code", ind_codes),
            ("sector", sec_codes),
            ("source_id", src_ids),
        ):
            if col in frame:
                frame[col] = _categorical(frame[col], cats)
        return frame

    sources = frames["sources"].copy()
    sources["issued_date"] = sources["issued"].map(_conservative_date)

    jurisdictions = frames["jurisdictions"].copy()
    jurisdictions["level"] = _categorical(jurisdictions["level"], TABLES["jurisdictions"].fields[3].enum)  # type: ignore[arg-type]  # these fields have an enum

    indicators = frames["indicators"].copy()
    indicators["canonical_unit"] = indicators["unit"].map(canonical_unit)

    targets = _canonicalise(codes(frames["targets"]), indicators, ["value", "value_high"])
    for col in ("same_as", "quantifier"):
        if col not in targets:
            targets[col] = pd.Series(pd.NA, index=targets.index, dtype=object)
    # a target exists from its document's issue date (a partial date: the last day it may stand for)
    targets["available_from"] = (
        targets["source_id"]
        .astype(str)
        .map(dict(zip(sources["source_id"], sources["issued_date"])))
        .astype("datetime64[ns]")
    )
    for col in ("comparator", "tier", "per"):
        field = next(f for f in TABLES["targets"].fields if f.name == col)
        targets[col] = _categorical(targets[col], field.enum)  # type: ignore[arg-type]  # these fields have an enum

    actuals = _canonicalise(codes(frames["actuals"]), indicators, ["value"])
    parsed = actuals["period"].map(parse_period)
    actuals["period_start"] = pd.Series([p[0] for p in parsed], index=actuals.index, dtype="period[M]")
    actuals["period_end"] = pd.Series([p[1] for p in parsed], index=actuals.index, dtype="period[M]")
    actuals["period_kind"] = _categorical(
        pd.Series([p[2] for p in parsed], index=actuals.index), ["year", "ytd", "month", "span"]
    )
    actuals["year"] = pd.array([p[1].year for p in parsed], dtype="Int64")
    actuals["growth"] = (actuals["growth_pct"].astype("Float64") / 100).astype("Float64")
    # ``bound`` describes the level; when a report gives only a growth rate it describes that rate
    actuals["growth_bound"] = actuals["bound"].where(actuals["value"].isna(), "exact")
    actuals["published_date"] = actuals["published"].map(_conservative_date).astype("datetime64[ns]")
    for col in ("bound", "status", "source_kind"):
        field = next(f for f in TABLES["actuals"].fields if f.name == col)
        actuals[col] = _categorical(actuals[col], field.enum)  # type: ignore[arg-type]  # these fields have an enum

    return Catalog(
        sources=sources,
        jurisdictions=jurisdictions,
        indicators=indicators,
        sectors=frames["sectors"].copy(),
        targets=targets,
        actuals=actuals,
        report=report,
        data_dir=folder,
        concordance=frames["concordance"].reset_index(drop=True),
    )


#: a report build validates the data once and hands the catalog to its notebooks through this file (a pickle
#: with the data folder's fingerprint; a catalog whose folder changed since is not used)
CACHE_ENV_VAR = "DOUBLING_ANALYSIS_CATALOG_CACHE"


def data_signature(folder: Path) -> str:
    """SHA-256 over the data files (names and bytes)."""
    import hashlib

    h = hashlib.sha256()
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file() and p.suffix in (".csv", ".txt", ".json"):
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def save_catalog_cache(catalog: Catalog, path: Path, signature: str | None = None) -> None:
    import pickle

    with open(path, "wb") as fh:
        pickle.dump(
            {
                "folder": str(Path(catalog.data_dir).resolve()),
                "signature": signature or data_signature(catalog.data_dir),
                "catalog": catalog,
            },
            fh,
            protocol=pickle.HIGHEST_PROTOCOL,
        )


def _cached_catalog(folder: Path) -> Catalog | None:
    import pickle

    path = os.environ.get(CACHE_ENV_VAR)
    if not path or not Path(path).is_file():
        return None
    try:
        with open(path, "rb") as fh:
            blob = pickle.load(fh)
    except Exception:  # noqa: BLE001 - an unreadable cache is ignored: the data is read and validated instead
        return None
    if blob.get("folder") != str(Path(folder).resolve()) or blob.get("signature") != data_signature(folder):
        return None
    return blob["catalog"]


def load_catalog(data_dir: str | os.PathLike | None = None) -> Catalog:
    """Read, validate and type the data folder.

    Raises :class:`DataValidationError` (with every problem listed) when the data has errors; warnings (e.g. a
    GB18030-encoded file, full-width digits) are kept in ``catalog.report``. Within a report build the catalog
    validated by the build is reused when the data folder is unchanged (``$DOUBLING_ANALYSIS_CATALOG_CACHE``).
    """
    folder = resolve_data_dir(data_dir)
    cached = _cached_catalog(folder)
    if cached is not None:
        return cached
    report, frames = validate(folder)
    if not report.ok:
        raise DataValidationError(report)
    return build_catalog(frames, report, folder)
