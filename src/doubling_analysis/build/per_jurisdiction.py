"""One PDF per jurisdiction, each costing what its own rows cost (``report --per-jurisdiction``).

The report notebook computes the quarter's assessment once, for every jurisdiction. With per-jurisdiction output
it also writes, for each jurisdiction with a target, a *slice* of what it computed (:func:`write_slices`): the
jurisdiction's rows of the assessment, of the previous quarter's and of the changes, its doubling tracker row, its
figures and those of the jurisdictions inside it, its documents, the calibration (one small record). Slicing is
one pass over each table (group-by), so writing every slice costs what the tables cost.

Each slice is rendered alone (:func:`render_slice`): the jurisdiction's findings, changes, page, charts, targets,
methods and sources as HTML, then a PDF. A slice travels as bytes and its PDF comes back as bytes, so the workers
need no shared disk: local processes by default (:class:`LocalEngine`), or the workers of an existing Dask
cluster (:class:`DaskEngine`, ``--scheduler ADDRESS``; ``pip install 'doubling-analysis[dask]'``). The
probabilities are the overview's (the same simulation), never recomputed on a subset.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import io
import os
import pickle
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DaskEngine",
    "LocalEngine",
    "Rendered",
    "engine",
    "collect",
    "render_slice",
    "slice_report",
    "submit_all",
    "write_slices",
]

SLICE_SUFFIX = ".slice.pickle"

#: what a worker needs from the numeric libraries: one thread each (several workers share the cores)
_SINGLE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg"}


# ---- slices: each jurisdiction's share of the overview ----------------------------------------------------------


class _Groups:
    """Row positions of a frame by one key column, found in one pass (a group-by, not a filter per key)."""

    def __init__(self, frame, column: str = "jurisdiction_code"):
        self.frame = frame
        self.index = frame.groupby(frame[column].astype(str), sort=False).indices if len(frame) else {}

    def rows(self, codes: Iterable[str]):
        import numpy as np

        pos = [self.index[c] for c in codes if c in self.index]
        return self.frame.iloc[np.concatenate(pos) if pos else []]


def _family(context, code: str) -> tuple[list[str], list[str]]:
    """(the jurisdiction and those inside it, whose figures its charts may add up; with those above it, whose
    names its pages show)."""
    down = [code, *context.descendants(code)]
    up = context.ancestors(code)
    return down, list(dict.fromkeys(up + down))


def _slice_context(context, down: list[str], named: list[str], values: _Groups, growths: _Groups, keys: dict):
    """The evidence of the jurisdiction and of those inside it (``keys``: each jurisdiction's series keys)."""
    inside, shown = set(down), set(named)
    return dataclasses.replace(
        context,
        values=values.rows(down),
        growths=growths.rows(down),
        children={p: [c for c in context.children[p] if c in inside] for p in down if p in context.children},
        parents={c: context.parents[c] for c in shown if c in context.parents},
        records={k: context.records[k] for c in down for k in keys.get(c, ())},
        cache={},
    )


def _slice_catalog(catalog, down: list[str], named: list[str], groups: dict[str, _Groups]):
    """The jurisdiction's targets, the figures of it and of those inside it, the documents they cite, the names."""
    from ..violations import ValidationReport

    t, a = groups["targets"].rows(down[:1]), groups["actuals"].rows(down)
    used = dict.fromkeys([*t["source_id"].astype(str), *a["source_id"].astype(str)])
    return dataclasses.replace(
        catalog,
        jurisdictions=groups["jurisdictions"].rows(named),
        sources=groups["sources"].rows(used),
        targets=t,
        actuals=a,
        report=ValidationReport(),
    )


def slice_report(rep, codes: Iterable[str] | None = None) -> Iterator[tuple[str, Any]]:
    """(code, the report restricted to that jurisdiction) for each of ``codes`` (default: the report's)."""
    from ..report.findings import Changes, Names

    ctx, cat = rep.context, rep.catalog
    table, previous = _Groups(rep.table), _Groups(rep.previous)
    ch = rep.changes
    changed = {f: _Groups(getattr(ch, f)) for f in ("published", "appeared", "outcomes", "moved")}
    points, summary = _Groups(rep.tracker_points), _Groups(rep.tracker_summary)
    groups = {
        "targets": _Groups(cat.targets),
        "actuals": _Groups(cat.actuals),
        "jurisdictions": _Groups(cat.jurisdictions, "code"),
        "sources": _Groups(cat.sources, "source_id"),
    }
    values, growths = _Groups(ctx.values), _Groups(ctx.growths)
    keys: dict[str, list] = {}
    for key in ctx.records:  # (measure, jurisdiction, indicator, sector)
        keys.setdefault(key[1], []).append(key)
    volatility = rep._volatility
    for code in codes if codes is not None else rep.codes:
        down, named = _family(ctx, code)
        catalog = _slice_catalog(cat, down, named, groups)
        part = dataclasses.replace(
            rep,
            catalog=catalog,
            codes=[code],
            table=table.rows([code]),
            previous=previous.rows([code]),
            changes=Changes(ch.quarter, ch.previous, **{f: g.rows([code]) for f, g in changed.items()}),
            tracker_points=points.rows([code]),
            tracker_summary=summary.rows([code]),
            output_dir=None,
            names=Names.of(catalog, rep.lang),
            backtest_table=None,
            context=_slice_context(ctx, down, named, values, growths, keys),
        )
        part.__dict__["_volatility"] = volatility  # the overview's calibration (a cached property)
        yield code, part


def write_slices(rep, folder) -> list[Path]:
    """Every jurisdiction's share of ``rep`` as ``<folder>/<code>.slice.pickle`` (the report notebook calls it)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for code, part in slice_report(rep):
        path = folder / f"{code}{SLICE_SUFFIX}"
        with open(path, "wb") as fh:
            pickle.dump((code, part), fh, protocol=pickle.HIGHEST_PROTOCOL)
        paths.append(path)
    return paths


# ---- one jurisdiction's document -------------------------------------------------------------------------------


def _figure_html(fig) -> str:
    """A chart as the notebook shows it: a PNG at the figure's resolution, cropped to its drawing."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, bbox_inches="tight")
    plt.close(fig)
    return f'<img alt="" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode("ascii")}"/>'


def document_body(rep, code: str) -> str:
    """The jurisdiction's report: findings, changes, doubling chart, its page and charts; appendices as in the
    overview: methods and calibration, sources, every target."""
    from ..report import labels as L
    from ..report.presentation import heading_html, html_table, methods_text, sources_table
    from .rendering import markdown_html

    lang = rep.lang
    parts = [rep.findings_html(), rep.changes_html()]
    if len(rep.tracker_points):
        parts += [heading_html(L.t("doubling_tracker", lang), "tracker"), _figure_html(rep.tracker_chart())]
    parts.append(rep.jurisdiction_html(code))
    parts += [_figure_html(fig) for fig in rep.jurisdiction_charts(code)]
    parts.append(heading_html(L.t("appendix_methods", lang), "methods"))
    parts.append(markdown_html(methods_text(lang)))
    parts.append(markdown_html(rep.backtest_markdown()))
    parts.append(heading_html(L.t("appendix_sources", lang), "sources"))
    parts.append(html_table(sources_table(rep.catalog, lang)))
    parts.append(rep.all_targets_html())
    return "".join(parts)


@dataclass
class Rendered:
    """A worker's answer: the PDF's bytes, or why there is none."""

    code: str
    pdf: bytes | None
    error: str | None
    seconds: float


_worker_ready = False


def _prepare_worker() -> None:
    global _worker_ready
    if not _worker_ready:  # the environment is the engine's business (LocalEngine sets it for its processes):
        from ..report.plots import setup_fonts

        setup_fonts()
        _worker_ready = True


def render_slice(blob: bytes, meta: list[tuple[str, str]], overview: str = "") -> Rendered:
    """A pickled slice (code, report) to its PDF, ``meta`` and the overview's file name on its title page (runs in
    a worker; never raises: a failure is returned with its reason)."""
    import tempfile

    from ..report import labels as L
    from .rendering import html_to_pdf, wrap_html

    t0 = time.perf_counter()
    code = "?"
    try:
        _prepare_worker()
        code, rep = pickle.loads(blob)
        name = rep.names.jurisdictions.get(code, code)
        lines = [*meta, (L.t("overview", rep.lang), overview)] if overview else list(meta)
        title = f"{name} — {L.t('title', rep.lang)}"
        doc = wrap_html(document_body(rep, code), title, lines, L.t("contents", rep.lang), compact=True)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "report.pdf"
            html_to_pdf(doc, path)
            pdf = path.read_bytes()
        return Rendered(code, pdf, None, round(time.perf_counter() - t0, 2))
    except Exception as exc:  # noqa: BLE001 - the build reports it per jurisdiction and goes on
        return Rendered(code, None, f"{type(exc).__name__}: {exc}", round(time.perf_counter() - t0, 2))


# ---- engines: where the slices are rendered ----------------------------------------------------------------------


def die_with_parent(parent: int) -> None:
    """In a worker process: end when ``parent`` (the build) ends, even killed with SIGKILL, so that no worker is
    left behind: the kernel's parent-death signal (Linux), and a thread that checks the parent every second."""
    import signal
    import threading

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1)

    if os.getppid() != parent:  # the parent ended before this process was ready
        os._exit(1)
    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


class LocalEngine:
    """Local worker processes (fresh interpreters, one numeric thread each)."""

    def __init__(self, workers: int):
        self.workers = workers
        saved = {k: os.environ.get(k) for k in _SINGLE_THREAD}
        os.environ.update(_SINGLE_THREAD)  # the workers start with it; this process has loaded its libraries
        self._restore = saved
        self._pool = self._new_pool()

    def _new_pool(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )

    def submit(self, blob: bytes, meta, overview: str):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(render_slice, blob, meta, overview)
        except BrokenProcessPool:  # a worker process died: the pool is replaced, its work sent again by collect
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return self._pool.submit(render_slice, blob, meta, overview)

    def alive(self) -> int:
        """Workers that can take work (a pool whose worker died is replaced on the next submit)."""
        return self.workers

    def close(self) -> None:
        """Stop the workers: none is left behind, even one still busy (a build stopped by an error or a signal)."""
        processes = list((self._pool._processes or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
                p.join(timeout=5)
        for k, v in self._restore.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class DaskEngine:
    """The workers of an existing Dask cluster (``dask.distributed``), reached at ``address``."""

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise EngineError(
                "--scheduler needs dask.distributed: pip install 'doubling-analysis[dask]' (and the same package on "
                "every worker)"
            ) from None
        from .. import config

        check_scheduler_address(address)
        try:
            self._client = Client(address, timeout=config.SCHEDULER_TIMEOUT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"--scheduler {address}: no Dask scheduler answered ({exc})") from None
        except ValueError as exc:
            raise EngineError(f"--scheduler {address}: not a scheduler address ({exc})") from None
        if not self.alive():
            wait = config.NO_WORKER_TIMEOUT_SECONDS
            try:
                self._client.wait_for_workers(1, timeout=wait)
            except TimeoutError:
                self._client.close()
                raise EngineError(
                    f"--scheduler {address}: the cluster has no worker, and none joined within {wait} s "
                    "(config.NO_WORKER_TIMEOUT_SECONDS); start workers (dask worker ADDRESS) and try again"
                ) from None
        self.workers = self.alive()

    def submit(self, blob: bytes, meta, overview: str):
        return self._client.submit(render_slice, blob, meta, overview, pure=False)

    def alive(self) -> int:
        """The workers the scheduler knows now."""
        try:
            return len(self._client.scheduler_info().get("workers", {}))
        except Exception:  # noqa: BLE001 - a scheduler gone has no worker
            return 0

    def close(self) -> None:
        self._client.close()


class EngineError(RuntimeError):
    """The engine asked for cannot be used (a user mistake: the message says what to do)."""


_ADDRESS = re.compile(r"^(?:(tcp|tls|inproc|ws|wss|ucx)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")


def check_scheduler_address(address: str) -> None:
    """A Dask scheduler address: ``[protocol://]host:port`` (tcp, tls, ws, wss, ucx); EngineError otherwise."""
    m = _ADDRESS.match(address or "")
    if m is None or not 0 < int(m.group(3)) < 65536:
        raise EngineError(
            f"--scheduler: expected an address like tcp://10.0.0.5:8786 (protocol://host:port), not {address!r}"
        )


@contextlib.contextmanager
def engine(scheduler: str | None, workers: int):
    """Local processes, or the Dask cluster at ``scheduler``."""
    e: LocalEngine | DaskEngine = DaskEngine(scheduler) if scheduler else LocalEngine(workers)
    try:
        yield e
    finally:
        e.close()


def submit_all(slices: list[Path], eng, meta, overview: str) -> list:
    """Send every slice to the engine (it starts at once); the futures, in the order of ``slices``."""
    return [eng.submit(p.read_bytes(), meta, overview) for p in slices]


def _result(fut, eng) -> Any:
    """A future's result, waited for in short steps: with ``eng``, a cluster with no worker for longer than
    ``config.NO_WORKER_TIMEOUT_SECONDS`` is an EngineError (no wait forever, the lock is freed); a PDF not back
    after ``config.JURISDICTION_TIMEOUT_SECONDS`` counts as lost (TimeoutError)."""
    from .. import config

    t0 = last_seen = time.monotonic()
    while True:
        try:
            return fut.result(timeout=1)
        except TimeoutError:
            if fut.done():  # the work itself raised a TimeoutError: a lost worker, not a wait
                raise
            now = time.monotonic()
            if eng is not None and eng.alive() > 0:
                last_seen = now
            elif eng is not None and now - last_seen > config.NO_WORKER_TIMEOUT_SECONDS:
                raise EngineError(
                    f"the cluster has had no worker for {config.NO_WORKER_TIMEOUT_SECONDS} s "
                    "(config.NO_WORKER_TIMEOUT_SECONDS): the per-jurisdiction PDFs cannot be made; start workers and "
                    "build again"
                ) from None
            if now - t0 > config.JURISDICTION_TIMEOUT_SECONDS:
                raise TimeoutError(f"no PDF after {config.JURISDICTION_TIMEOUT_SECONDS} s") from None


def _lost(fut) -> bool:
    """A finished future that raised (its worker lost), not one that returned a Rendered."""
    try:
        fut.result(timeout=0)
    except Exception:  # noqa: BLE001
        return True
    return False


def collect(
    slices: list[Path], futures: list, out: Path, eng=None, meta=(), overview: str = "", retries: int | None = None
) -> list[dict]:
    """Write ``<out>/<code>.pdf`` as each comes back; one manifest entry per jurisdiction. With ``eng`` (the engine
    the futures came from), a slice whose worker was lost (the future raised: a process that died, a Dask worker
    gone, no answer in time) is sent again up to ``retries`` times (default ``config.JURISDICTION_RETRIES``); a
    slice that failed to render (a returned error) is not: it would fail again. A cluster left with no worker is an
    EngineError (see :func:`_result`)."""
    import logging

    from .. import config

    warn = logging.getLogger("doubling_analysis.report").warning
    retries = config.JURISDICTION_RETRIES if retries is None else retries
    out.mkdir(parents=True, exist_ok=True)
    futures = list(futures)
    attempts = [0] * len(futures)

    def again(i: int, error: str) -> None:
        attempts[i] += 1
        warn("%s: worker lost (%s); sent again (%d of %d)", slices[i].name, error, attempts[i], retries)
        futures[i] = eng.submit(slices[i].read_bytes(), list(meta), overview)

    entries = []
    for i, path in enumerate(slices):
        while True:
            try:
                r: Rendered = _result(futures[i], eng)
                break
            except EngineError:
                raise
            except Exception as exc:  # noqa: BLE001 - a worker lost, a cluster gone: sent again, then said
                error = f"{type(exc).__name__}: {exc}"
                if eng is None or attempts[i] >= retries:
                    r = Rendered(path.name.removesuffix(SLICE_SUFFIX), None, error, 0.0)
                    break
                again(i, error)
                for j in range(i + 1, len(futures)):  # a pool that broke lost the later slices too: sent at once
                    f = futures[j]
                    if f.done() and _lost(f) and attempts[j] < retries:
                        again(j, error)
        entry: dict[str, object] = {"jurisdiction": r.code, "pdf": f"{out.name}/{r.code}.pdf"}
        entry.update(status="ok" if r.pdf else "failed", seconds=r.seconds, retries=attempts[i])
        if r.pdf:
            (out / f"{r.code}.pdf").write_bytes(r.pdf)
        else:
            entry["error"] = r.error
        entries.append(entry)
    return entries
