"""Validation findings: one record per problem, naming file, spreadsheet row, column, value and expectation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Violation:
    """One problem found in the data.

    ``row`` is the row number a spreadsheet shows for the record (the header is row 1), or None when the
    problem concerns the whole file or column.
    """

    file: str
    row: int | None
    column: str | None
    value: object
    expected: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        value = "" if self.value is None else f": got {self.value!r}"
        return f"{self.severity.upper()} {where}{value}; expected {self.expected}"


@dataclass
class ValidationReport:
    """All findings of one validation run; errors make the data unusable, warnings do not."""

    violations: list[Violation] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # file -> number of records checked

    def add(self, violation: Violation) -> None:
        self.violations.append(violation)

    def extend(self, violations) -> None:
        self.violations.extend(violations)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "error"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [v.__dict__ for v in self.violations],
            columns=["file", "row", "column", "value", "expected", "severity"],
        ).astype({"row": "Int64"})

    def format(self) -> str:
        lines = [str(v) for v in sorted(self.violations, key=_sort_key)]
        counts = ", ".join(f"{name}: {n} rows" for name, n in self.checked.items())
        status = "OK" if self.ok else "INVALID"
        lines.append(
            f"{status}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
            + (f" ({counts})" if counts else "")
        )
        return "\n".join(lines)


def _sort_key(v: Violation):
    return (v.severity != "error", v.file, v.row if v.row is not None else -1, v.column or "")


class DataValidationError(Exception):
    """Raised by :func:`doubling_analysis.load_catalog` when the data has errors; carries the full report."""

    def __init__(self, report: ValidationReport):
        self.report = report
        super().__init__(report.format())
