"""Building the quarterly report, ``<out>/<quarter>/``.

:func:`build_report` validates the data before writing anything, takes a lock so that two runs cannot overlap, and
builds in a temporary folder: the executed notebooks (in a few warm kernels, see :mod:`.runner`), an HTML file per
notebook, the PDF of the quarterly report (started as soon as its notebook ends, while the others still run), the
CSV tables behind every chart, ``manifest.json`` and ``report.log``. The finished folder replaces the previous one
in one atomic exchange; a build whose report notebook or PDF failed is kept beside the last good one as
``<quarter>.failed-<timestamp>``. A failed companion notebook is listed in ``FAILED.txt``, the manifest and the exit
status; the PDF (the report notebook alone) does not depend on it.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalog import resolve_data_dir
from ..quarters import data_quarters, parse_quarter
from .manifest import SnapshotError as SnapshotError  # re-exported: the build's errors and provenance, as before
from .manifest import base_manifest, snapshot_data, write_manifest
from .manifest import data_fingerprint as data_fingerprint
from .manifest import package_versions as package_versions
from .rendering import html_to_pdf, notebook_html_body, wrap_html
from .runner import REPO, Job, KernelRun, ParameterError

__all__ = ["REPO", "ParameterError", "ReportLocked", "build_report", "report_lock", "resolve_quarter"]

REPORT_NOTEBOOK = "05_quarterly_report"
REPORT_NOTEBOOKS = ("01_data_catalogue", "02_growth_paths", "03_comparison", "04_consistency_ambition", REPORT_NOTEBOOK)

log = logging.getLogger("doubling_analysis.report")


class ReportLocked(RuntimeError):
    """Another report run holds the lock."""


# ---- the quarterly report ---------------------------------------------------------------------------------


def resolve_quarter(quarter: str, today=None) -> str:
    """The canonical text of a --quarter value ('2023q4' -> '2023Q4'; 'latest': the last completed quarter)."""
    try:
        return str(parse_quarter(quarter, today))
    except ValueError as exc:
        raise ParameterError(f"--quarter: {exc}") from None


def check_quarter(catalog, quarter: str, today=None) -> None:
    """A report's quarter lies in the data's range: from the first plan document's quarter to the last completed
    one (the explorer's choice of quarters); ParameterError otherwise."""
    quarters = data_quarters(catalog.sources, today)
    if quarter not in quarters:
        span = f"{quarters[0]} to {quarters[-1]}" if quarters else "none"
        raise ParameterError(
            f"--quarter {quarter}: outside the data's range ({span}: the first plan document's quarter to the last "
            "completed one)"
        )


def check_out(out: Path) -> None:
    """``--out`` names a folder (or a place for one), not a file."""
    for p in (out, *out.parents):
        if p.exists():
            if not p.is_dir():
                raise ParameterError(f"--out: expected a folder, but {p} is a file")
            return


def report_folder_name(quarter: str, lang: str) -> str:
    """outputs/2023Q4 for the default Chinese report, outputs/2023Q4-en for the English one."""
    return quarter if lang == "zh" else f"{quarter}-{lang}"


@dataclass
class ReportResult:
    folder: Path
    status: str
    runs: list[dict] = field(default_factory=list)
    pdf: Path | None = None
    seconds: float = 0.0
    jurisdictions: list[dict] = field(default_factory=list)  # the per-jurisdiction PDFs, one entry each

    @property
    def failures(self) -> list[str]:
        return [f"{r['notebook']}: {r['error']}" for r in self.runs if r["status"] != "ok"] + [
            f"{p['pdf']}: {p['error']}" for p in self.jurisdictions if p["status"] != "ok"
        ]


def table_folder(name: str) -> str:
    """Where a notebook of the build writes its CSV tables: ``tables/`` for the report notebook (whose text names
    them there), ``tables/<notebook>/`` for each companion, so that every table file has one writer (notebooks 01,
    03 and 05 all save an ``assessment`` or ``sources`` table: in one folder the last to finish would win)."""
    stem = Path(name).stem
    return "tables" if stem == REPORT_NOTEBOOK else f"tables/{stem}"


def _report_parameters(name: str, quarter: str, lang: str, data_dir: str, jurisdictions: str | None) -> dict:
    params = {"data_dir": data_dir, "lang": lang, "output_dir": table_folder(name)}
    if name == REPORT_NOTEBOOK:
        params["quarter"] = quarter
        if jurisdictions:
            params["jurisdictions"] = jurisdictions
    else:
        params["as_of"] = quarter
    return params


def _export_html(folder: Path):
    """After a notebook ends (in its kernel's thread): its HTML body, code hidden, for the page wrapper."""

    def export(entry: dict) -> dict:
        nb = folder / entry["notebook"]
        if nb.exists():
            body = notebook_html_body(nb)
            (folder / f"{nb.stem}.body.html").write_text(body, encoding="utf-8")
        return entry

    return export


@contextlib.contextmanager
def report_lock(out: Path):
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    path = out / ".report.lock"
    try:  # never through a symlink: one planted at the lock path would get its target truncated
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o644)
    except PermissionError:
        raise ReportLocked(
            f"cannot open the lock file {path}: it belongs to another user (after a 'sudo make report'?); "
            "remove it, or run as that user"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReportLocked(
                f"the lock file {path} is a symbolic link: remove it (a lock is never followed)"
            ) from None
        raise ReportLocked(f"cannot open the lock file {path}: {exc.strerror}") from None
    fh = os.fdopen(fd, "r+")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        fh.close()
        raise ReportLocked(f"the lock file {path} is not a regular file: remove it")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise ReportLocked(
            f"another report run is in progress ({holder} holds {path}); try again when it ends"
        ) from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
    fh.flush()
    try:
        yield
    finally:
        fh.seek(0)
        fh.truncate()
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def prune_failed(out: Path, name: str, keep: int | None = None) -> list[Path]:
    """Remove all but the newest ``keep`` (default ``config.FAILED_BUILDS_KEPT``) ``<name>.failed-*`` folders;
    the removed ones are returned (and logged)."""
    from .. import config

    keep = config.FAILED_BUILDS_KEPT if keep is None else keep
    failed = sorted(p for p in out.glob(f"{name}.failed-*") if p.is_dir())  # by name: by the time in it
    gone = failed[: max(0, len(failed) - keep)]
    for p in gone:
        shutil.rmtree(p, ignore_errors=True)
        log.info("removed %s: only the last %d failed builds are kept", p.name, keep)
    return gone


def _remove_leftovers(out: Path, name: str) -> None:
    """Temporary and superseded folders of killed builds (``.<quarter>.tmp-*``, ``.<quarter>.old-*``)."""
    for p in list(out.glob(f".{name}.tmp-*")) + list(out.glob(f".{name}.old-*")):
        shutil.rmtree(p, ignore_errors=True)
        log.info("removed %s, left by an interrupted build", p.name)


def build_report(
    quarter: str = "latest",
    lang: str = "zh",
    data_dir=None,
    out="outputs",
    jobs: int | None = None,
    notebooks=REPORT_NOTEBOOKS,
    jurisdictions: str | None = None,
    progress: bool = True,
    pdf: bool = True,
    extra_parameters: dict[str, dict] | None = None,
    per_jurisdiction: bool = False,
    scheduler: str | None = None,
) -> ReportResult:
    """Build ``<out>/<quarter>/`` (see the module docstring). With ``per_jurisdiction``, also one PDF per
    jurisdiction in ``<quarter>/jurisdictions/`` (:mod:`.per_jurisdiction`), rendered by local processes or, with
    ``scheduler``, by the workers of that Dask cluster. Raises DataValidationError before writing anything when the
    data is bad, ParameterError for a bad quarter or language, ReportLocked when another run is active, EngineError
    when the scheduler cannot be reached."""
    from ..data.catalog import load_catalog
    from ..report import labels as L

    t0 = time.perf_counter()
    quarter = resolve_quarter(quarter)
    if lang not in L.LANGS:
        raise ParameterError(f"--lang: expected zh or en, not {lang!r}")
    folder_data = resolve_data_dir(data_dir)
    if not folder_data.is_dir():
        load_catalog(folder_data)  # the validation's located error: no such data folder
    out = Path(out)
    check_out(out)
    with contextlib.ExitStack() as stack:
        # one snapshot of the data for the whole build: every notebook reads it, the manifest fingerprints it
        _remove_stale_snapshots()
        snapshot = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{SNAPSHOT_PREFIX}{os.getpid()}-")))
        snapshot = snapshot / "data"
        fingerprint = snapshot_data(folder_data, snapshot)
        catalog = _validated(snapshot, folder_data)  # bad data stops here, before anything is written
        check_quarter(catalog, quarter)
        eng = stack.enter_context(_engine(per_jurisdiction or bool(scheduler), scheduler))
        stack.enter_context(report_lock(out))
        handler = logging.FileHandler(out / "report.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        try:
            return _build(
                quarter,
                lang,
                (folder_data, snapshot, fingerprint),
                out,
                jobs,
                notebooks,
                jurisdictions,
                progress,
                pdf,
                catalog,
                t0,
                extra_parameters or {},
                eng,
            )
        except BaseException:  # Ctrl-C, a crash: nothing half-written stays, the last good report is untouched
            _remove_leftovers(out, report_folder_name(quarter, lang))
            from ..data.catalog import CACHE_ENV_VAR

            os.environ.pop(CACHE_ENV_VAR, None)
            raise
        finally:
            log.removeHandler(handler)
            handler.close()


SNAPSHOT_PREFIX = "doubling-data-"


def _remove_stale_snapshots() -> None:
    """Data snapshots of builds killed outright (``<tmp>/doubling-data-<pid>-*`` of a process that is gone)."""
    for p in Path(tempfile.gettempdir()).glob(f"{SNAPSHOT_PREFIX}*-*"):
        pid = p.name.removeprefix(SNAPSHOT_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(p, ignore_errors=True)
            log.info("removed %s, the data snapshot of a killed build", p)
        except PermissionError:  # another user's process, alive
            pass


def _validated(snapshot: Path, source: Path):
    """The catalog of the snapshot; when it is invalid, the errors are those of the data folder itself (the user's
    files, not the copy), unless that folder has been mended since."""
    from ..data.catalog import load_catalog
    from ..violations import DataValidationError

    try:
        catalog = load_catalog(snapshot)
    except DataValidationError as exc:
        try:
            load_catalog(source)
        except DataValidationError as located:
            raise located from None
        raise exc from None
    return catalog


@contextlib.contextmanager
def _engine(wanted: bool, scheduler: str | None):
    """Where the per-jurisdiction PDFs are rendered (None: not wanted); a scheduler that does not answer stops the
    build before anything is written."""
    if not wanted:
        yield None
        return
    from .per_jurisdiction import engine

    with engine(scheduler, os.cpu_count() or 1) as eng:
        yield eng


def _build(quarter, lang, data, out, jobs, notebooks, jurisdictions, progress, pdf, catalog, t0, extra, eng):
    folder_data, snapshot, fingerprint = data  # the data folder, the build's copy of it, the copy's fingerprint
    final = out / report_folder_name(quarter, lang)
    tmp = _fresh_build_folder(out, final.name)
    log.info("report %s (%s): building in %s from %s (snapshot %s)", quarter, lang, tmp, folder_data, snapshot)
    jobs = jobs or min(len(notebooks), os.cpu_count() or 1)
    meta = _cover_meta(catalog, quarter, lang, fingerprint)
    # the report notebook first: it is the longest, and its PDF is made while the others still run
    order = sorted(notebooks, key=lambda n: n != REPORT_NOTEBOOK)
    slices = tmp / ".slices"
    if eng is not None:  # the report notebook writes each jurisdiction's share of its tables here
        extra = {**extra, REPORT_NOTEBOOK: {**extra.get(REPORT_NOTEBOOK, {}), "slices_dir": str(slices)}}
    work = [
        Job(name, {**_report_parameters(name, quarter, lang, str(snapshot), jurisdictions), **extra.get(name, {})})
        for name in order
    ]
    runs, pdf_path, pending = _run_notebooks(
        work, tmp, jobs, catalog, fingerprint, progress, pdf, eng, meta, quarter, lang
    )
    runs.sort(key=lambda r: r["notebook"])
    failures = [f"{r['notebook']}: {r['error']}" for r in runs if r["status"] != "ok"]
    places: list[dict] = []
    if pending is not None:
        places = _finish_jurisdictions(*pending, tmp / "jurisdictions")
        failures += [f"{p['pdf']}: {p['error']}" for p in places if p["status"] != "ok"]
    shutil.rmtree(slices, ignore_errors=True)
    status = "ok" if not failures else "failed"
    manifest = {
        **base_manifest(str(folder_data), fingerprint),  # the fingerprint of the snapshot every notebook read
        "quarter": quarter,
        "lang": lang,
        "status": status,
        "failures": failures,
        "runs": runs,
        "seconds": round(time.perf_counter() - t0, 2),
        "jobs": jobs,
    }
    if pending is not None:
        manifest["jurisdictions"] = places
    write_manifest(tmp, manifest)
    if failures:
        (tmp / "FAILED.txt").write_text("\n".join(failures) + "\n", encoding="utf-8")
    report_ok = any(r["notebook"] == f"{REPORT_NOTEBOOK}.ipynb" and r["status"] == "ok" for r in runs) and (
        pdf_path is not None or not pdf
    )
    final = _final_folder(out, final, bool(failures) or not report_ok)
    swap_into_place(tmp, final)
    prune_failed(out, report_folder_name(quarter, lang))
    for r in runs:
        r["output"] = str(final / r["notebook"])
    pdf_final = final / pdf_path.name if pdf_path else None
    log.info("report %s: %s in %.1fs -> %s", quarter, status, time.perf_counter() - t0, final)
    (final / "report.log").write_text((out / "report.log").read_text(encoding="utf-8"), encoding="utf-8")
    return ReportResult(final, status, runs, pdf_final, round(time.perf_counter() - t0, 2), places)


def _fresh_build_folder(out: Path, final_name: str) -> Path:
    """An empty build folder (with tables/) beside the quarter's folder; leftovers of killed builds removed."""
    _remove_leftovers(out, final_name)  # the lock is held: no other build is using them
    tmp = out / f".{final_name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    (tmp / "tables").mkdir()
    return tmp


def _cover_meta(catalog, quarter: str, lang: str, fingerprint: str) -> list[tuple[str, str]]:
    """The cover page's lines: quarter, data vintage with the snapshot's fingerprint, generation date."""
    from ..report import labels as L
    from ..report.quarterly import data_vintage

    vintage = data_vintage(catalog, quarter)
    return [
        (L.t("quarter", lang), quarter),
        (L.t("vintage", lang), f"{vintage:%Y-%m-%d} · sha256 {fingerprint[:12]}"),
        (L.t("generated", lang), dt.date.today().isoformat()),
    ]


def _run_notebooks(work, tmp, jobs, catalog, fingerprint, progress, pdf, eng, meta, quarter, lang):
    """Run the notebooks in kernels (the catalog validated once, shared through a cache file), make the PDF as
    soon as the report notebook is done and start the per-jurisdiction PDFs; (runs, pdf path, pending)."""
    from ..data.catalog import CACHE_ENV_VAR, save_catalog_cache

    cache = tmp / ".catalog.pickle"
    save_catalog_cache(catalog, cache, fingerprint)
    previous_cache = os.environ.get(CACHE_ENV_VAR)
    os.environ[CACHE_ENV_VAR] = str(cache)  # inherited by the kernels, which start now
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(work), desc=f"report {quarter}", unit="notebook", file=sys.stderr)
    runs: list[dict] = []
    pdf_path = None
    pending: tuple | None = None  # (slices, futures, engine, meta, overview) of the per-jurisdiction PDFs
    try:
        with KernelRun(work, tmp, jobs, after_run=_export_html(tmp)) as run:
            for entry in run.results():
                runs.append(entry)
                log.info(
                    "%s: %s (%ss)%s",
                    entry["notebook"],
                    entry["status"],
                    entry.get("seconds"),
                    f" — {entry['error']}" if entry.get("error") else "",
                )
                if bar is not None:
                    bar.update(1)
                    bar.set_postfix_str(f"{entry['notebook']}: {entry['status']}")
                if eng is not None and entry["notebook"] == f"{REPORT_NOTEBOOK}.ipynb" and entry["status"] == "ok":
                    pending = _start_jurisdictions(tmp / ".slices", eng, meta, f"report-{quarter}-{lang}.pdf")
                pdf_path = _pages(tmp, entry, quarter, lang, meta, pdf) or pdf_path
    finally:
        if bar is not None:
            bar.close()
        if previous_cache is None:
            os.environ.pop(CACHE_ENV_VAR, None)
        else:
            os.environ[CACHE_ENV_VAR] = previous_cache
        cache.unlink(missing_ok=True)
    return runs, pdf_path, pending


def _final_folder(out: Path, final: Path, failed: bool) -> Path:
    """Where the build goes. The quarter's folder is replaced only by a build with no failed part (notebook, PDF,
    per-jurisdiction PDF); any other build is kept beside it as <quarter>.failed-<timestamp> (the last good report
    stays where readers find it), and only the last config.FAILED_BUILDS_KEPT of those are kept."""
    if not (failed and final.exists()):
        return final
    final = out / f"{final.name}.failed-{dt.datetime.now():%Y%m%dT%H%M%S}"
    n = 1
    while final.exists():  # two failed builds in one second
        final, n = final.with_name(f"{final.name.split('~')[0]}~{n}"), n + 1
    log.info("a part of the build failed: the previous report is kept; this build goes to %s", final)
    return final


def _start_jurisdictions(slices: Path, eng, meta, overview: str) -> tuple:
    """Send each jurisdiction's slice to the engine as soon as the report notebook has written them."""
    from .per_jurisdiction import SLICE_SUFFIX, submit_all

    paths = sorted(slices.glob(f"*{SLICE_SUFFIX}"))
    log.info("per-jurisdiction: %d slices sent to %d workers", len(paths), eng.workers)
    return paths, submit_all(paths, eng, meta, overview), eng, meta, overview


def _finish_jurisdictions(paths: list, futures: list, eng, meta, overview: str, folder: Path) -> list[dict]:
    from .per_jurisdiction import collect

    t = time.perf_counter()
    places = collect(paths, futures, folder, eng, meta, overview)  # a lost worker's slices are sent again
    for p in places:
        if p["status"] != "ok":
            log.info("%s: failed — %s", p["pdf"], p["error"])
    ok = sum(p["status"] == "ok" for p in places)
    log.info(
        "per-jurisdiction: %d of %d PDFs written (%.1fs after the overview's PDF)",
        ok,
        len(places),
        time.perf_counter() - t,
    )
    return places


def _pages(tmp: Path, entry: dict, quarter: str, lang: str, meta, pdf: bool) -> Path | None:
    """A finished notebook's HTML page; for the report notebook, also its PDF (returned), made right away."""
    from ..report import labels as L

    name = Path(entry["notebook"]).stem
    body_file = tmp / f"{name}.body.html"
    if not body_file.exists():
        return None
    body = body_file.read_text(encoding="utf-8")
    body_file.unlink()
    is_report = name == REPORT_NOTEBOOK
    title = L.t("title", lang) if is_report else f"{L.t('title', lang)} — {name}"
    doc = wrap_html(body, title, meta, L.t("contents", lang))
    (tmp / f"{name}.html").write_text(doc, encoding="utf-8")
    if not (is_report and pdf and entry["status"] == "ok"):
        return None
    t_pdf = time.perf_counter()
    pdf_path = tmp / f"report-{quarter}-{lang}.pdf"
    try:
        html_to_pdf(doc, pdf_path, allowed=[tmp])
    except Exception as exc:  # noqa: BLE001 - the build goes on; its status says the PDF failed
        entry.update(status="failed", error=f"PDF: {exc}")
        return None
    log.info("PDF written (%.1fs)", time.perf_counter() - t_pdf)
    return pdf_path


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_into_place(tmp: Path, final: Path) -> None:
    """Put the finished build ``tmp`` at ``final``. When ``final`` exists the two are exchanged atomically, so a
    reader (or a crash) sees the old report or the new one, never neither; the old one is then removed."""
    if not final.exists():
        tmp.rename(final)
        return
    if _exchange(tmp, final):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous build
        return
    old = final.parent / f".{final.name}.old-{os.getpid()}"  # no atomic exchange on this system: two renames
    final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
