"""Command line: ``doubling-analysis validate [--data-dir DIR]``.

User mistakes (bad data, bad arguments) print a clear message and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .catalog import ENV_VAR, resolve_data_dir, validate


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="doubling-analysis",
                                description="Targets and actuals of China's local industrial doubling plans.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every data file and print the report (exit 0 clean, 2 otherwise)")
    v.add_argument("--data-dir", default=None,
                   help=f"folder with the data files (default: ${ENV_VAR}, else the repository's data/)")
    v.add_argument("--warnings", action="store_true", help="also list warnings, not only their count")
    return p


def cmd_validate(args) -> int:
    folder = resolve_data_dir(args.data_dir)
    report, _ = validate(folder)
    print(f"data folder: {folder}")
    shown = report.violations if args.warnings else report.errors
    for v in sorted(shown, key=lambda v: (v.file, v.row or 0)):
        print(v)
    print(report.format().splitlines()[-1])
    return 0 if report.ok else 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return cmd_validate(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
