"""Reading the data files: encoding-safe, every cell as text, row numbers as a spreadsheet shows them.

Typed parsing happens in :mod:`doubling_analysis.data.schema`; this module only turns bytes into a frame of strings
and reports what a user must fix in the file itself (encoding, ragged rows, header).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .. import config
from ..violations import Violation

#: column holding the spreadsheet row number of each record (header = row 1)
ROW = "_row"

_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, name: str) -> tuple[str, list[Violation]]:
    """Decode file bytes: UTF-8 (with or without BOM) silently; GB18030/GBK (as Excel saves CSV on Chinese
    Windows) with a warning; anything else is an error naming the file."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return "", [
            Violation(
                name,
                None,
                None,
                None,
                f"a UTF-8 text file (byte {utf8_error.start} is not valid UTF-8, "
                "nor is the file valid GB18030/GBK); save it as 'CSV UTF-8'",
            )
        ]
    return text, [
        Violation(
            name,
            None,
            None,
            "GB18030/GBK encoding",
            "UTF-8; the file was read as GB18030 (Excel's Chinese default) — "
            "save it as 'CSV UTF-8' to silence this warning",
            severity="warning",
        )
    ]


def read_table(path: Path, name: str | None = None) -> tuple[pd.DataFrame, list[Violation]]:
    """Read a CSV file into a frame of stripped strings ('' for empty cells) plus a ``_row`` column.

    Ragged rows (more or fewer cells than the header) are reported by row and left out of the frame.
    """
    name = name or path.name
    if path.exists() and not path.is_file():  # a folder, or a FIFO that would block the read forever
        what = "a folder" if path.is_dir() else "not a regular file"
        return pd.DataFrame(), [Violation(name, None, None, what, f"{path} to be a regular CSV file")]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return pd.DataFrame(), [Violation(name, None, None, None, f"the file {path} to exist")]
    except PermissionError:
        return pd.DataFrame(), [Violation(name, None, None, None, f"{path} to be readable (permission denied)")]
    except OSError as exc:
        return pd.DataFrame(), [Violation(name, None, None, None, f"{path} to be readable ({exc.strerror})")]
    text, problems = decode(data, name)
    if any(p.severity == "error" for p in problems):
        return pd.DataFrame(), problems
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return pd.DataFrame(), problems + [Violation(name, None, None, None, "a header row")]
    except csv.Error as exc:
        return pd.DataFrame(), problems + [Violation(name, 1, None, None, f"a valid CSV header ({exc})")]
    header = [h.strip() for h in header]
    seen = set()
    for h in header:
        if h in seen:
            problems.append(Violation(name, 1, h, h, "each column name once in the header"))
        seen.add(h)
    if len(seen) != len(header):
        return pd.DataFrame(), problems  # which of two same-named columns is meant cannot be guessed
    records, rows = [], []
    row = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Violation(name, row + 1, None, None, f"well-formed CSV ({exc})"))
            break
        row += 1
        if not cells or all(not c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(
                Violation(
                    name,
                    row,
                    None,
                    f"{len(cells)} cells",
                    f"{len(header)} cells as in the header (a ragged row: a missing or extra comma, "
                    "or an unquoted comma inside a value)",
                )
            )
            continue
        records.append([c.strip() for c in cells])
        rows.append(row)
    frame = pd.DataFrame(records, columns=header, dtype=object)
    frame[ROW] = rows
    return frame, problems


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> tuple[float | None, str | None, str | None]:
    """Parse a numeric cell.

    Returns ``(value, note, error)``: value None for an empty cell; a note when the text was normalised
    (full-width digits such as １４００, thousands separators such as 1,400); an error message for text that is
    not a number or is ambiguous (e.g. 1,40), which is never guessed.
    """
    raw = text.strip()
    if raw == "":
        return None, None, None
    normalised = unicodedata.normalize("NFKC", raw).replace("\u3000", "").strip()
    note = None
    if normalised != raw:
        note = f"full-width characters normalised ({raw!r} read as {normalised!r})"
    if "," in normalised:
        if _THOUSANDS.match(normalised):
            normalised = normalised.replace(",", "")
            note = f"thousands separators removed ({raw!r} read as {normalised})"
        else:
            return (
                None,
                None,
                ("a number; commas are only accepted as thousands separators (1,400) — use '.' for decimals"),
            )
    if not _NUMBER.match(normalised):
        return None, None, "a number (digits with an optional '.' decimal point, no units or text)"
    value = float(normalised)
    if not math.isfinite(value):  # 1e309 overflows to infinity
        return None, None, "a finite number (this one is too large to represent)"
    return value, note, None


#: a number as a table may show it in a text cell (-0.05, +1, -1,234.5, -12.3%): no formula, left alone
_SHOWN_NUMBER = re.compile(r"^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def _formula_like(text: str) -> bool:
    """Would a spreadsheet read this text cell as a formula (or would :func:`cell_from_spreadsheet` alter it)?
    A number such as -0.05 or -12.3% is a number, not a formula, and is left alone; so is a single character (the
    comparator code ``=``, a ``-`` placeholder): it cannot hold a formula."""
    if len(text) < 2 or _SHOWN_NUMBER.match(text):
        return False
    if text[0] in config.SPREADSHEET_FORMULA_CHARS:
        return True
    return text[0] == "'" and _formula_like(text[1:])


def cell_for_spreadsheet(value: object) -> object:
    """A text cell that begins with = + - @ (or a tab or CR) gets a leading ``'``, so a spreadsheet shows it as text
    instead of running it as a formula; numbers and other text are unchanged."""
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def cell_from_spreadsheet(value: str) -> str:
    """Undo :func:`cell_for_spreadsheet` (a file written by it and read back gives the original texts)."""
    if value.startswith("'") and _formula_like(value[1:]):
        return value[1:]
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table to be written as CSV or Excel for spreadsheets, its formula-like text cells neutralised
    (:func:`cell_for_spreadsheet`). Numeric columns are left as they are: -0.05 stays the number -0.05."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column].dtype) or pd.api.types.is_bool_dtype(out[column].dtype):
            continue
        cells = [cell_for_spreadsheet(v) for v in out[column].tolist()]
        if any(a is not b for a, b in zip(cells, out[column].tolist(), strict=True)):
            out[column] = pd.Series(cells, index=out.index, dtype=object)  # only changed columns are retyped
    return out
