"""Reading files: encodings, ragged rows, spreadsheet row numbers, and number normalisation."""

from pathlib import Path

import pytest

import doubling_analysis as da
from doubling_analysis.data.io import ROW, parse_number, read_table

CSV = "code,name_zh,value\nA,景德镇,1400\nB,赣州,4000\n"


def write(tmp_path: Path, data: bytes, name="t.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_utf8_with_bom_is_read_silently(tmp_path):
    frame, problems = read_table(write(tmp_path, b"\xef\xbb\xbf" + CSV.encode("utf-8")))
    assert problems == []
    assert list(frame.columns) == ["code", "name_zh", "value", ROW]  # no BOM glued to 'code'
    assert frame["name_zh"].tolist() == ["景德镇", "赣州"]


def test_gb18030_as_excel_saves_it_is_read_with_a_warning(tmp_path):
    frame, problems = read_table(write(tmp_path, CSV.encode("gb18030")))
    assert frame["name_zh"].tolist() == ["景德镇", "赣州"]
    assert [p.severity for p in problems] == ["warning"]
    assert "GB18030" in str(problems[0]) and "UTF-8" in str(problems[0])


def test_undecodable_bytes_are_rejected_with_an_explanation(tmp_path):
    frame, problems = read_table(write(tmp_path, b"code,name\nA,\xff\xfe\xff\n"))
    assert frame.empty
    assert problems[0].severity == "error"
    assert "UTF-8" in problems[0].expected and "t.csv" in str(problems[0])


def test_ragged_rows_are_reported_by_spreadsheet_row(tmp_path):
    data = "code,name_zh,value\nA,景德镇,1400\nB,赣州,4,000\nC,江西\n".encode()
    frame, problems = read_table(write(tmp_path, data))
    assert frame["code"].tolist() == ["A"]
    assert [(p.row, p.value) for p in problems] == [(3, "4 cells"), (4, "2 cells")]
    assert all("3 cells" in p.expected for p in problems)


def test_row_numbers_follow_records_not_physical_lines(tmp_path):
    # a quoted cell with a line break is one spreadsheet row; a blank line is skipped but counted
    data = 'code,name_zh,value\nA,"景德\n镇",1\n\nB,赣州,2\n'.encode()
    frame, problems = read_table(write(tmp_path, data))
    assert problems == []
    assert frame[ROW].tolist() == [2, 4]


def test_missing_file(tmp_path):
    frame, problems = read_table(tmp_path / "nope.csv")
    assert frame.empty and "exist" in problems[0].expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("1400", 1400.0),
        ("8.5", 8.5),
        ("-3.2", -3.2),
        (" 60 ", 60.0),
        ("", None),
    ],
)
def test_plain_numbers(text, value):
    got, note, error = parse_number(text)
    assert (got, note, error) == (value, None, None)


@pytest.mark.parametrize(
    "text, value",
    [
        ("１４００", 1400.0),  # full-width digits, as typed with a Chinese input method
        ("８．５", 8.5),  # full-width digits and full stop
        ("1,400", 1400.0),  # thousands separator
        ("1,234,567.5", 1234567.5),
        ("１，４００", 1400.0),  # full-width comma as thousands separator
    ],
)
def test_normalised_numbers_come_with_a_note(text, value):
    got, note, error = parse_number(text)
    assert got == value and error is None and note


@pytest.mark.parametrize("text", ["1,40", "8,5", "1400亿元", "约1400", "1.2.3", "abc"])
def test_ambiguous_or_non_numbers_are_rejected_not_guessed(text):
    got, note, error = parse_number(text)
    assert got is None and error


# ---- issue 10, item 7: files that are not files, unreadable, or mis-encoded: a located error, no traceback ----


def test_a_folder_or_a_fifo_named_like_a_table_is_an_error(data_copy):
    import os

    (data_copy / "targets.csv").unlink()
    (data_copy / "targets.csv").mkdir()
    report, _ = da.validate(data_copy)
    assert any(v.file == "targets.csv" and "regular CSV file" in v.expected for v in report.errors)
    (data_copy / "targets.csv").rmdir()
    os.mkfifo(data_copy / "targets.csv")  # reading it would block forever
    report, _ = da.validate(data_copy)
    assert any(v.file == "targets.csv" and v.value == "not a regular file" for v in report.errors)


def test_an_unreadable_table_is_an_error(data_copy, monkeypatch):
    real = Path.read_bytes

    def refuse(self):  # fault injection: root reads any file, so permissions cannot show it here
        if self.name == "targets.csv":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    report, _ = da.validate(data_copy)
    assert any(v.file == "targets.csv" and "permission denied" in v.expected for v in report.errors)


def test_a_duplicated_column_name_and_a_gb18030_source_text_are_errors(data_copy):
    path = data_copy / "targets.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0].replace(",note,same_as,", ",note,note,") + "".join(lines[1:]), encoding="utf-8")
    text = data_copy / "sources" / "cj-2021-2023-plan.txt"
    text.write_bytes(text.read_text(encoding="utf-8").encode("gb18030"))
    report, _ = da.validate(data_copy)
    assert any(v.column == "note" and "once in the header" in v.expected for v in report.errors)
    assert any(v.file == "sources.csv" and "UTF-8 text" in v.expected for v in report.errors)


@pytest.mark.integration
def test_assess_on_a_header_only_targets_file_says_so(data_copy):
    import subprocess
    import sys

    path = data_copy / "targets.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "doubling_analysis", "assess", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0 and "no target is known" in p.stdout and "Traceback" not in p.stderr
