"""What a run states about itself: the data's fingerprint, a snapshot of the data folder, the package versions,
and ``manifest.json``. Used by the single-notebook runner and the quarterly build alike (below both)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import platform
import shutil
from pathlib import Path

from ..data.catalog import resolve_data_dir

log = logging.getLogger("doubling_analysis.report")


# ---- provenance of a run ------------------------------------------------------------------------------------


def data_fingerprint(data_dir=None) -> str:
    """SHA-256 over the data files (names and bytes), so a report says exactly which data it used."""
    from ..data.catalog import data_signature

    return data_signature(resolve_data_dir(data_dir))


class SnapshotError(RuntimeError):
    """The data folder kept changing while it was copied (``config.SNAPSHOT_ATTEMPTS`` times)."""


def snapshot_data(source: Path, dest: Path) -> str:
    """Copy the data folder ``source`` to ``dest`` (which must not exist) and return the copy's fingerprint. A copy
    is kept only when the folder's fingerprint before and after copying equals the copy's: a file edited while it
    was copied (or two files edited in between) cannot give a snapshot that mixes two versions of the data. Raises
    SnapshotError when the folder changed during each of ``config.SNAPSHOT_ATTEMPTS`` copies."""
    from .. import config
    from ..data.catalog import data_signature

    for attempt in range(1, config.SNAPSHOT_ATTEMPTS + 1):
        before = data_signature(source)
        shutil.copytree(source, dest, symlinks=False)
        copy = data_signature(dest)
        if copy == before == data_signature(source):
            return copy
        log.warning("the data folder %s changed while it was copied (attempt %d); copying again", source, attempt)
        shutil.rmtree(dest, ignore_errors=True)
    raise SnapshotError(
        f"{source}: the data files changed during each of {config.SNAPSHOT_ATTEMPTS} copies; try again when they "
        "are no longer being edited"
    )


def package_versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": platform.python_version()}
    for name in (
        "doubling-analysis",
        "pandas",
        "numpy",
        "statsmodels",
        "matplotlib",
        "seaborn",
        "papermill",
        "nbconvert",
        "weasyprint",
        "pandera",
    ):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def write_manifest(folder: Path, manifest: dict) -> Path:
    path = folder / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def base_manifest(data_dir=None, fingerprint: str | None = None) -> dict:
    """What every manifest states: when, from which data (its fingerprint, computed unless given), with what."""
    return {
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "data_dir": str(resolve_data_dir(data_dir or None)),
        "data_fingerprint": fingerprint or data_fingerprint(data_dir or None),
        "versions": package_versions(),
    }
