"""Running notebooks: strict parameters, one notebook at a time, or many in a few warm kernels.

* :func:`run_notebook` wraps papermill with **strict parameters**: a name the notebook's ``parameters`` cell
  does not declare is an error listing the valid ones, and every value is converted to the declared type
  (papermill alone ignores misspelt names and turns "2" into a float). A failing notebook does not raise: its
  partial output is kept and the returned entry says what failed.
* :func:`run_in_kernels` runs several notebooks in as few kernels as there are slots. Each kernel is started once,
  at the same time as the others, and kept warm: the stack (pandas, matplotlib, this package) is imported once per
  kernel, not once per notebook. Between two notebooks the kernel's namespace is reset (``%reset -f``) and its
  figures closed; after a failed notebook the kernel is replaced, so a hung or broken kernel never carries over.
  Kernels are stopped at once (no graceful wait). The caller is told of each finished notebook as soon as it ends,
  so that it can go on (the report's PDF) while the others run.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import config, paths

REPO = paths.REPO
NOTEBOOK_DIR = REPO / "notebooks"
TYPES = {"str": str, "int": int, "float": float, "bool": bool}

log = logging.getLogger("doubling_analysis.report")


class ParameterError(ValueError):
    """A notebook parameter that does not exist or cannot be converted to its declared type."""


def _preload() -> None:
    """Import the notebook machinery (papermill, nbformat, nbconvert) once.

    jsonschema, which nbformat imports, loads ``rfc3987_syntax`` when it is installed (JupyterLab's jupyter-events
    pulls it in), and that module compiles a grammar at import: 1.4 s per process, for IRI formats no notebook
    schema uses (python-jsonschema/jsonschema#1428). It is kept out of this process when jsonschema is not yet
    loaded; the kernels, which never import jsonschema, are not concerned."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "not importable"
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


# ---- parameters ------------------------------------------------------------------------------------------------


def notebook_path(name: str | os.PathLike) -> Path:
    """A notebook by path, or by name in notebooks/ (with or without .ipynb, or by its number prefix)."""
    p = Path(name)
    if p.suffix == ".ipynb" and p.exists():
        return p
    for cand in (NOTEBOOK_DIR / f"{p.name}", NOTEBOOK_DIR / f"{p.name}.ipynb"):
        if cand.is_file():
            return cand
    matches = sorted(NOTEBOOK_DIR.glob(f"*{p.stem}*.ipynb"))
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(q.stem for q in sorted(NOTEBOOK_DIR.glob("*.ipynb")))
    raise ParameterError(f"no notebook {str(name)!r}; notebooks: {known}")


def notebook_parameters(path: str | os.PathLike) -> dict[str, dict]:
    """Declared parameters of a notebook: name -> {type, default, help} (from its ``parameters`` cell)."""
    _preload()
    import papermill

    params = papermill.inspect_notebook(str(notebook_path(path)))
    out = {}
    for name, p in params.items():
        type_name = (p.get("inferred_type_name") or "str").replace("typing.", "")
        out[name] = {
            "type": type_name if type_name in TYPES else "str",
            "default": p.get("default"),
            "help": p.get("help") or "",
        }
    return out


def coerce(name: str, value, type_name: str):
    """Convert a parameter value (often a string from the command line) to its declared type."""
    if not isinstance(value, str):
        if type_name == "float" and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, TYPES.get(type_name, str)) and not (type_name == "int" and isinstance(value, bool)):
            return value
        value = str(value)
    try:
        if type_name == "int":
            return int(value)
        if type_name == "float":
            return float(value)
        if type_name == "bool":
            low = value.strip().lower()
            if low in ("true", "1", "yes"):
                return True
            if low in ("false", "0", "no"):
                return False
            raise ValueError
    except ValueError:
        raise ParameterError(f"parameter {name}: expected {type_name}, got {value!r}") from None
    return value


def validate_parameters(path, given: dict) -> dict:
    """Strict parameters: unknown names are errors (listing the valid ones); values take the declared type."""
    declared = notebook_parameters(path)
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = ", ".join(f"{n} ({d['type']})" for n, d in declared.items())
        raise ParameterError(
            f"unknown parameter(s) {', '.join(unknown)} for {notebook_path(path).name}; valid: {valid}"
        )
    out = {name: coerce(name, value, declared[name]["type"]) for name, value in given.items()}
    if out.get("data_dir"):  # the kernel runs in the output folder: a relative data folder would not be found there
        out["data_dir"] = str(Path(str(out["data_dir"])).expanduser().resolve())
    if "n_paths" in out and not 1 <= int(out["n_paths"]) <= config.MAX_PATHS:
        raise ParameterError(f"n_paths: expected a whole number from 1 to {config.MAX_PATHS}, got {out['n_paths']}")
    return out


# ---- a kernel kept warm across notebooks ----------------------------------------------------------------------

_RESET = (
    "import sys as _s\n"
    "_p = _s.modules.get('matplotlib.pyplot')\n"
    "_p is not None and _p.close('all')\n"
    "get_ipython().run_line_magic('reset', '-f')\n"
)


def kernel_environment() -> dict[str, str]:
    """This process's environment, with the numeric libraries' thread pools sized by ``config.KERNEL_THREADS``:
    kernels run side by side, one per core, and BLAS threads spinning in each would only fight over the cores
    (measured: notebook 01 took 4.7 s with them and 2.6 s without, in a build with two kernels on two cores).
    ``MPLBACKEND`` is left out: a kernel draws with its inline backend, and an inherited ``Agg`` (set for the
    per-jurisdiction workers, or in a user's shell) made every chart of a build vanish."""
    threads = str(config.KERNEL_THREADS)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    return {**env, **{v: threads for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}}


class KernelStartError(RuntimeError):
    """A kernel that did not start, after ``config.KERNEL_START_ATTEMPTS`` attempts (the reasons are logged)."""


class WarmKernel:
    """One ``python3`` kernel running in ``cwd``, reused for several notebooks; its output goes to ``log_path``."""

    def __init__(self, cwd: Path, log_path: Path | None = None):
        self.cwd = Path(cwd)
        self.log_path = log_path
        self.km: Any = None
        self.kc: Any = None
        self._log_file: Any = None

    def start(self) -> WarmKernel:
        """Start the kernel, retrying a start that fails (a port taken in between, a slow machine)."""
        from jupyter_client.manager import KernelManager

        reasons = []
        t0 = time.perf_counter()
        for attempt in range(1, config.KERNEL_START_ATTEMPTS + 1):
            if self.log_path is not None and self._log_file is None:
                self._log_file = open(self.log_path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
            try:
                self.km = KernelManager(kernel_name="python3")
                self.km.start_kernel(
                    cwd=str(self.cwd), stdout=self._log_file, stderr=self._log_file, env=kernel_environment()
                )
                self.kc = self.km.client()
                self.kc.start_channels()
                self.kc.wait_for_ready(timeout=config.KERNEL_START_TIMEOUT_SECONDS)
                log.info("kernel ready in %s (%.1fs)", self.cwd.name, time.perf_counter() - t0)
                return self
            except Exception as exc:  # noqa: BLE001 - retried, then reported with every reason
                reasons.append(f"attempt {attempt}: {exc.__class__.__name__}: {exc}")
                log.warning("kernel start failed (%s)", reasons[-1])
                self._stop_process()
        self.close()
        raise KernelStartError("the kernel did not start: " + "; ".join(reasons))

    def reset(self) -> None:
        """Clear the namespace and close the figures the previous notebook left (modules stay imported)."""
        reply = self.kc.execute_interactive(
            _RESET, timeout=config.KERNEL_START_TIMEOUT_SECONDS, store_history=False, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")

    def _stop_process(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                if self.km.has_kernel:
                    self.km.shutdown_kernel(now=True)  # no graceful wait: its work is done or abandoned
            except Exception:  # noqa: BLE001 - already gone
                pass
            self.km = None

    def close(self) -> None:
        self._stop_process()
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


def _warm_engine():
    """A papermill engine that runs the notebook in a :class:`WarmKernel` (registered once, on first use)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls, nb_man, kernel_name, log_output=False, start_timeout=60, execution_timeout=None, **kwargs
        ):
            kernel: WarmKernel = kwargs["warm_kernel"]
            client = PapermillNotebookClient(
                nb_man,
                km=kernel.km,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logging.getLogger("papermill"),
                log_output=log_output,
            )
            client.kc = kernel.kc  # reuse the kernel's channels: no client per notebook, nothing left open
            return client.execute()

    if "doubling-warm" not in papermill_engines._engines:
        papermill_engines.register("doubling-warm", WarmEngine)
    return "doubling-warm"


# ---- running one notebook -------------------------------------------------------------------------------------


def run_notebook(
    notebook,
    out_dir,
    parameters: dict | None = None,
    manifest: bool = True,
    cell_timeout: int | None = None,
    kernel: WarmKernel | None = None,
    output_name: str | None = None,
) -> dict:
    """Execute a notebook with strict parameters into ``out_dir``; return its manifest entry.

    A failing notebook does not raise: its partial executed notebook is kept and the entry says what failed. A cell
    running longer than ``cell_timeout`` seconds (default ``config.CELL_TIMEOUT_SECONDS``) fails the notebook, so
    a hung kernel cannot block a scheduled run (and its lock) forever. With ``kernel``, the notebook runs in that
    warm kernel (whose working folder must be ``out_dir``); without, in a kernel of its own. The executed notebook
    is ``out_dir/<output_name>`` (default: the notebook's own name).
    """
    import papermill

    src = notebook_path(notebook)
    params = validate_parameters(src, dict(parameters or {}))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (output_name or src.name)
    entry: dict[str, object] = {
        "notebook": target.name,
        "parameters": params,
        "output": str(target),
        "status": "ok",
        "error": None,
    }
    where: dict[str, Any]
    if kernel is None:
        where = {"cwd": str(out_dir)}
    else:
        if kernel.cwd.resolve() != out_dir.resolve():
            raise ValueError(f"the warm kernel runs in {kernel.cwd}, not in {out_dir}")
        where = {"engine_name": _warm_engine(), "warm_kernel": kernel}  # cwd stays None: no chdir across threads
    t0 = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(src.resolve()),
            str(target.resolve()),
            parameters=params,
            progress_bar=False,
            kernel_name="python3",
            execution_timeout=cell_timeout or config.CELL_TIMEOUT_SECONDS,
            **where,
        )
    except papermill.PapermillExecutionError as exc:
        entry.update(status="failed", error=f"{exc.ename}: {exc.evalue}"[:500])
    except Exception as exc:  # noqa: BLE001 - kernel died, bad notebook: recorded, not raised
        entry.update(status="failed", error=f"{exc.__class__.__name__}: {exc}"[:500])
    entry["seconds"] = round(time.perf_counter() - t0, 2)
    if manifest:
        from .manifest import base_manifest, write_manifest

        write_manifest(out_dir, {**base_manifest(params.get("data_dir")), "runs": [entry], "status": entry["status"]})
    return entry


# ---- many notebooks in a few warm kernels ----------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One notebook of a build, with its parameters."""

    name: str
    parameters: dict
    output_name: str | None = None  # the executed notebook's file name (default: the notebook's own)


def _failed(job: Job, error: str) -> dict:
    name = job.output_name or Path(job.name).name
    name = name if name.endswith(".ipynb") else f"{name}.ipynb"
    return {"notebook": name, "parameters": job.parameters, "status": "failed", "error": error}


class KernelRun:
    """Run ``jobs`` in ``slots`` warm kernels, in background threads: each job (in the given order) goes to the
    first free kernel. :meth:`results` yields each manifest entry (after ``after_run``) as its notebook ends;
    leaving the ``with`` block on an error or Ctrl-C kills every kernel and starts no further notebook."""

    def __init__(
        self,
        jobs: Sequence[Job],
        folder: Path,
        slots: int,
        after_run: Callable[[dict], dict] | None = None,
        cell_timeout: int | None = None,
    ):
        self.folder = Path(folder)
        self.after_run = after_run
        self.cell_timeout = cell_timeout
        self._todo: queue.Queue = queue.Queue()
        for job in jobs:
            self._todo.put(job)
        self._done: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._kernels: list[WarmKernel] = []
        self._count = len(jobs)
        (self.folder / "logs").mkdir(parents=True, exist_ok=True)
        self._threads = [
            threading.Thread(target=self._slot, args=(i,), name=f"kernel-slot-{i}", daemon=True)
            for i in range(max(1, min(slots, len(jobs))))
        ]

    def __enter__(self) -> KernelRun:
        for t in self._threads:
            t.start()
        _preload()  # while the kernels start
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.stop()
        # stopped: the kernels are gone, the (daemon) threads are given a moment; else each may finish its work
        deadline = time.monotonic() + (2 if exc_type is not None else 10 * len(self._threads))
        for t in self._threads:
            t.join(timeout=max(0.0, deadline - time.monotonic()))

    def results(self):
        """Each job's entry as it ends (a queue read with a timeout, so that Ctrl-C is heard at once)."""
        for _ in range(self._count):
            while True:
                try:
                    yield self._done.get(timeout=0.2)
                    break
                except queue.Empty:
                    continue

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            kernels = list(self._kernels)
        for kernel in kernels:
            km = kernel.km
            if km is not None:
                try:
                    km.shutdown_kernel(now=True)
                except Exception:  # noqa: BLE001 - already gone
                    pass

    def _slot(self, i: int) -> None:
        kernel: WarmKernel | None = None
        try:
            while not self._stop.is_set():
                try:
                    job = self._todo.get_nowait()
                except queue.Empty:
                    return
                kernel, entry = self._run(job, kernel, i)
                self._done.put(entry)
        finally:
            if kernel is not None:
                kernel.close()

    def _run(self, job: Job, kernel: WarmKernel | None, i: int) -> tuple[WarmKernel | None, dict]:
        try:
            if kernel is None:
                kernel = WarmKernel(self.folder, self.folder / "logs" / f"kernel-{i}.log")
                with self._lock:
                    self._kernels.append(kernel)
                kernel.start()
            else:
                kernel.reset()
            entry = run_notebook(
                job.name,
                self.folder,
                job.parameters,
                manifest=False,
                cell_timeout=self.cell_timeout,
                kernel=kernel,
                output_name=job.output_name,
            )
        except Exception as exc:  # noqa: BLE001 - a kernel that fails to start or reset fails its notebook
            entry = _failed(job, f"{exc.__class__.__name__}: {exc}"[:500])
        if entry["status"] != "ok" and kernel is not None:  # never reuse a kernel after a failure
            kernel.close()
            kernel = None
        if self.after_run is not None:
            try:
                entry = self.after_run(entry)
            except Exception as exc:  # noqa: BLE001
                entry.update(status="failed", error=f"{entry.get('error') or ''}; {exc}"[:500])
        entry["kernel"] = i
        return kernel, entry
