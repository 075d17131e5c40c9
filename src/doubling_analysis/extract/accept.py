"""Accept the rows a person kept in a candidates CSV written by ``doubling-analysis extract``: append them to the
data folder with new ids, add the source text under ``sources/`` and its sources.csv row, and validate the whole
folder on a temporary copy first, so that nothing is written when it fails; then all changed files are replaced
together, all or none, under the data folder's lock (:mod:`doubling_analysis.data.datafolder`)."""

from __future__ import annotations

import csv
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import config
from ..data import datafolder
from ..data.catalog import resolve_data_dir, validate
from ..data.io import cell_from_spreadsheet
from ..violations import ValidationReport
from . import language as lang
from .candidates import ACTUAL_COLUMNS, TARGET_COLUMNS, read_text

TRUTHY = ("y", "yes", "1", "true", "x")
#: the pattern of ids in the data (schema._ID): no "/" or leading ".", hence no path outside the data folder
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9+._-]*"


class AcceptError(ValueError):
    """Accepting failed; ``report`` lists the located problems (nothing was written)."""

    def __init__(self, message: str, report: ValidationReport | None = None):
        self.report = report or ValidationReport()
        super().__init__(message)


@dataclass(frozen=True)
class AcceptResult:
    kind: str
    ids: list[str]
    files: list[str]


def read_candidates(path: str | os.PathLike) -> tuple[str, list[dict[str, str]]]:
    """The kind (plan/report) and the rows of a candidates CSV; bad files raise :class:`AcceptError`."""
    p = Path(path)
    if not p.is_file():
        raise AcceptError(f"{p}: expected a candidates CSV written by 'doubling-analysis extract'")
    try:
        with open(p, encoding="utf-8-sig", newline="") as fh:
            rows = [{k: _cell(v) for k, v in r.items()} for r in csv.DictReader(fh)]
            header = list(rows[0].keys()) if rows else (csv.reader(open(p, encoding="utf-8-sig")).__next__())
    except (UnicodeDecodeError, csv.Error, StopIteration) as exc:
        raise AcceptError(f"{p}: expected a UTF-8 CSV file with a header ({exc})") from None
    kind = "plan" if "target_id" in header else "report" if "actual_id" in header else ""
    need = (TARGET_COLUMNS if kind == "plan" else ACTUAL_COLUMNS) + ["keep", "issued", "source_file"]
    missing = [c for c in need if c not in header] if kind else ["target_id or actual_id"]
    if missing:
        raise AcceptError(f"{p.name}, row 1: expected the columns {', '.join(missing)} (a candidates CSV)")
    return kind, rows


def _cell(value):
    """A candidates cell as extract wrote it before neutralising it for spreadsheets (other values unchanged)."""
    return cell_from_spreadsheet(value) if isinstance(value, str) else value


def _id_prefix(source_id: str, issued: str) -> str:
    head = re.split(r"[-_.+]", source_id)[0] or "doc"
    year = re.search(r"(?:19|20)(\d{2})", source_id) or re.search(r"(?:19|20)(\d{2})", issued or "")
    return f"{head}{year.group(1) if year else ''}"


def _next_ids(existing: list[str], prefix: str, n: int, kind: str) -> list[str]:
    """Continue the id pattern: <prefix>-NNN for targets, <prefix>-aNN for actuals."""
    pattern = re.compile(rf"^{re.escape(prefix)}-{'a' if kind == 'report' else ''}(\d+)$")
    nums = [int(m.group(1)) for i in existing if (m := pattern.match(i))]
    start = max(nums, default=0) + 1
    width = 3 if kind == "plan" else 2
    sep = "-a" if kind == "report" else "-"
    return [f"{prefix}{sep}{k:0{width}d}" for k in range(start, start + n)]


def _append_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    text = path.read_text(encoding="utf-8")
    with open(path, "a", encoding="utf-8", newline="") as fh:
        if text and not text.endswith("\n"):
            fh.write("\n")
        csv.DictWriter(fh, fieldnames=header, extrasaction="ignore", lineterminator="\n").writerows(rows)


def _source_row(source_id: str, issued: str, text: str, file: str) -> dict[str, str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else source_id
    doc = re.search(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", text[: config.EXTRACT_TITLE_CHARS])
    return {
        "source_id": source_id,
        "title_zh": title,
        "title_en": f"(untranslated) {title}",
        "issuer": "",
        "doc_number": doc.group(0) if doc else "",
        "issued": issued,
        "file": file,
        "url": "",
    }


#: what a kept row still needs, by the review code the extractor gave it
_TO_ENTER = {
    "year_unknown": "no date was given and the text names no year: enter the year",
    "past": "a result quoted in the plan is an actual, not a target: enter it in actuals.csv (or extract the text "
    "as a report)",
}


def unfinished_rows(rows: list[dict[str, str]], kind: str, name: str) -> list[str]:
    """Located messages for the kept rows whose year the extractor left empty for the reviewer (review codes
    year_unknown, past) and that are still empty: line numbers of the candidates CSV (the header is line 1)."""
    column = "target_year" if kind == "plan" else "period"
    out = []
    for line, r in enumerate(rows, start=2):
        if r.get("keep", "").strip().lower() not in TRUTHY or (r.get(column) or "").strip():
            continue
        codes = [c for c in (r.get("review") or "").split() if c in _TO_ENTER]
        if codes:
            out.append(f"{name}, row {line}, column {column}: empty (review {codes[0]}: {_TO_ENTER[codes[0]]})")
    return out


def check_code(value: str, what: str) -> str | None:
    """Why an id or code taken from a candidates file cannot be used (a file name is made of it), or None."""
    if len(value) > config.MAX_CODE_LENGTH:
        return f"{what}: expected at most {config.MAX_CODE_LENGTH} characters, got {len(value)}"
    if not re.fullmatch(ID_PATTERN, value):
        return f"{what}: expected letters, digits and + . _ - only, starting with a letter or digit, got {value!r}"
    return None


def accept(candidates: str | os.PathLike, data_dir=None, source_file: str | os.PathLike | None = None) -> AcceptResult:
    """Append the kept rows of a candidates CSV to the data folder (targets.csv or actuals.csv), with new ids, the
    source text copied to sources/ and its sources.csv row. The folder is validated on a temporary copy first;
    on any error nothing is written and :class:`AcceptError` carries the report. The change is all or nothing
    (also when the run is killed) and two runs at once are serialised (see :mod:`doubling_analysis.data.datafolder`)."""
    folder = resolve_data_dir(data_dir)
    kind, rows = read_candidates(candidates)
    kept = [r for r in rows if r.get("keep", "").strip().lower() in TRUTHY]
    unfinished = unfinished_rows(rows, kind, Path(candidates).name)
    if unfinished:
        raise AcceptError("\n".join(unfinished) + "\nnothing was written")
    if not kept:
        raise AcceptError(f"{Path(candidates).name}: no row has a truthy keep ({'/'.join(TRUTHY)}): nothing to accept")
    sids = {r["source_id"] for r in kept}
    if len(sids) != 1:
        raise AcceptError(f"{Path(candidates).name}: expected the kept rows to share one source_id, got {sorted(sids)}")
    source_id = sids.pop()
    problem = check_code(source_id, f"{Path(candidates).name}, column source_id")
    if problem:
        raise AcceptError(f"{problem}; nothing was written")
    if not folder.is_dir():
        raise AcceptError(f"{folder}: expected an existing data folder; nothing was written")
    datafolder.remove_stale_copies()
    try:
        with datafolder.locked(folder):
            datafolder.recover_locked(folder)
            return _accept_locked(folder, kind, kept, source_id, source_file)
    except datafolder.FolderError as exc:
        raise AcceptError(f"{exc}; nothing was written") from None


def _accept_locked(folder: Path, kind: str, kept: list[dict[str, str]], source_id: str, source_file) -> AcceptResult:
    issued = kept[0].get("issued", "")
    src_path = Path(source_file or kept[0].get("source_file", ""))
    table = "targets.csv" if kind == "plan" else "actuals.csv"
    id_col = "target_id" if kind == "plan" else "actual_id"
    with tempfile.TemporaryDirectory(prefix=datafolder.temp_prefix()) as tmp:
        work = Path(tmp) / "data"
        datafolder.copy_ignoring_own(folder, work)
        changed = [table]
        known_sources = {r["source_id"] for r in lang.csv_rows(work / "sources.csv")}
        if source_id not in known_sources:
            if not src_path.is_file():
                raise AcceptError(f"{src_path}: expected the source text (give --source-file)")
            text = read_text(src_path)
            file = f"{source_id}.txt"
            target = datafolder.inside(folder, f"sources/{file}")
            if target.exists():
                raise AcceptError(
                    f"sources/{file}: expected a new file for the new source {source_id!r}, but the file exists "
                    "(the text of another source?); nothing was written"
                )
            datafolder.inside(work, f"sources/{file}").write_text(text, encoding="utf-8")
            _append_csv(work / "sources.csv", [_source_row(source_id, issued, text, file)])
            changed += ["sources.csv", f"sources/{file}"]
        existing = [r[id_col] for r in lang.csv_rows(work / table)]
        ids = _next_ids(existing, _id_prefix(source_id, issued), len(kept), kind)
        for r, i in zip(kept, ids):
            r[id_col] = i
        _append_csv(work / table, kept)
        datafolder.pause("copied")
        report, _ = validate(work)
        if not report.ok:
            raise AcceptError("the data folder would not validate; nothing was written", report)
        staged: list[tuple[Path, Path]] = []
        try:
            for name in changed:
                staged.append(datafolder.stage(folder, name, (work / name).read_bytes()))
            datafolder.pause("staged")
            datafolder.commit(folder, staged)
        except BaseException:
            if not (folder / config.ACCEPT_JOURNAL_FILE).exists():
                datafolder.discard(staged)  # before the journal: the folder is still fully old
            raise
    return AcceptResult(kind, ids, changed)


def add_jurisdiction(data_dir, code: str, name_zh: str, name_en: str, level: str, parent_code: str, note: str) -> None:
    """Add a jurisdiction row to a data folder (a new city before its plan is accepted); validated by accept."""
    folder = resolve_data_dir(data_dir)
    if code in {r["code"] for r in lang.csv_rows(folder / "jurisdictions.csv")}:
        return
    row = {"code": code, "name_zh": name_zh, "name_en": name_en, "level": level, "parent_code": parent_code}
    _append_csv(folder / "jurisdictions.csv", [{**row, "code_note": note}])


def violations_text(report: ValidationReport) -> str:
    return "\n".join(str(v) for v in sorted(report.errors, key=lambda v: (v.file, v.row or 0)))


__all__ = [
    "AcceptError",
    "AcceptResult",
    "accept",
    "add_jurisdiction",
    "read_candidates",
    "unfinished_rows",
    "violations_text",
]
