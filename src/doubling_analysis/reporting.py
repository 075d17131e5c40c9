"""Running notebooks and building the quarterly report.

* :func:`run_notebook` wraps papermill with **strict parameters**: a name the notebook's ``parameters`` cell
  does not declare is an error listing the valid ones, and every value is converted to the declared type
  (papermill alone ignores misspelt names and turns "2" into a float). Each run writes ``manifest.json``.
* :func:`build_report` builds ``<out>/<quarter>/``: executed notebooks (independent ones in parallel processes,
  with a progress bar), an HTML file per notebook and a PDF of the quarterly report (code hidden), the CSV tables
  behind every chart, ``manifest.json`` and ``report.log``. It validates the data before writing anything, takes
  a lock so that two runs cannot overlap, builds in a temporary folder and renames it into place, keeps a failed
  notebook's partial output and says in the PDF what failed, and reports failure through its status.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import logging
import os
import platform
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import config
from .catalog import resolve_data_dir

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
REPORT_NOTEBOOK = "05_quarterly_report"
REPORT_NOTEBOOKS = ("01_data_catalogue", "02_growth_paths", "03_comparison", "04_consistency_ambition", REPORT_NOTEBOOK)
TYPES = {"str": str, "int": int, "float": float, "bool": bool}

log = logging.getLogger("doubling_analysis.report")


class ParameterError(ValueError):
    """A notebook parameter that does not exist or cannot be converted to its declared type."""


class ReportLocked(RuntimeError):
    """Another report run holds the lock."""


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


# ---- provenance of a run ------------------------------------------------------------------------------------


def data_fingerprint(data_dir=None) -> str:
    """SHA-256 over the data files (names and bytes), so a report says exactly which data it used."""
    from .catalog import data_signature

    return data_signature(resolve_data_dir(data_dir))


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


# ---- running one notebook -------------------------------------------------------------------------------------


def run_notebook(
    notebook, out_dir, parameters: dict | None = None, manifest: bool = True, cell_timeout: int | None = None
) -> dict:
    """Execute a notebook with strict parameters into ``out_dir``; return its manifest entry.

    A failing notebook does not raise: its partial executed notebook is kept and the entry says what failed. A cell
    running longer than ``cell_timeout`` seconds (default ``config.CELL_TIMEOUT_SECONDS``) fails the notebook, so
    a hung kernel cannot block a scheduled run (and its lock) forever.
    """
    import papermill

    src = notebook_path(notebook)
    params = validate_parameters(src, dict(parameters or {}))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / src.name
    entry: dict[str, object] = {
        "notebook": src.name,
        "parameters": params,
        "output": str(target),
        "status": "ok",
        "error": None,
    }
    t0 = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(src),
            str(target),
            parameters=params,
            progress_bar=False,
            kernel_name="python3",
            cwd=str(out_dir),
            execution_timeout=cell_timeout or config.CELL_TIMEOUT_SECONDS,
        )
    except papermill.PapermillExecutionError as exc:
        entry.update(status="failed", error=f"{exc.ename}: {exc.evalue}"[:500])
    except Exception as exc:  # noqa: BLE001 - kernel died, bad notebook: recorded, not raised
        entry.update(status="failed", error=f"{exc.__class__.__name__}: {exc}"[:500])
    entry["seconds"] = round(time.perf_counter() - t0, 2)
    if manifest:
        write_manifest(out_dir, {**_base_manifest(params.get("data_dir")), "runs": [entry], "status": entry["status"]})
    return entry


def _base_manifest(data_dir=None) -> dict:
    return {
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "data_dir": str(resolve_data_dir(data_dir or None)),
        "data_fingerprint": data_fingerprint(data_dir or None),
        "versions": package_versions(),
    }


# ---- HTML and PDF ----------------------------------------------------------------------------------------------

REPORT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@page :first { @bottom-center { content: none; } }
html { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; }
body { margin: 0; }
h1 { font-size: 17pt; margin: 0 0 6pt; }
h2 { font-size: 13.5pt; border-bottom: 1.5pt solid #2a6; padding-bottom: 2pt; margin-top: 14pt;
     break-before: page; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
ul.findings li { margin: 2pt 0; }
.small { font-size: 7.5pt; color: #444; }
.title-page { padding-top: 70mm; break-after: page; }
.title-page h1 { font-size: 24pt; }
.title-page .meta { margin-top: 18pt; font-size: 11pt; line-height: 1.8; }
.toc h2 { break-before: auto; }
.toc ul { list-style: none; padding-left: 0; }
.toc li { margin: 3pt 0; }
.toc a { color: #000; text-decoration: none; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
table { border-collapse: collapse; width: 100%; font-size: 7.2pt; margin: 4pt 0 8pt; }
th, td { border: 0.4pt solid #bbb; padding: 1.5pt 3pt; vertical-align: top; word-break: break-word; }
th { background: #eef4ef; text-align: left; }
tr { break-inside: avoid; }
img { max-width: 100%; max-height: 235mm; object-fit: contain; height: auto; display: block; margin: 4pt auto; break-inside: avoid; }
pre { white-space: pre-wrap; font-size: 7.5pt; }
.failed { border: 1pt solid #c00; padding: 6pt; background: #fff3f3; }
.jp-OutputPrompt, .jp-InputPrompt, .anchor-link { display: none; }
"""


def notebook_html_body(nb_path: Path) -> str:
    """The executed notebook's outputs and markdown as HTML, code hidden (nbconvert's basic template)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(nb_path), as_version=4)
    exporter = HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nb)
    body = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", body)
    return body


def _toc(body: str, title: str) -> str:
    items = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', body, flags=re.S)
    lis = "".join(f'<li><a href="#{i}">{re.sub("<[^>]+>", "", text).strip()}</a></li>' for i, text in items)
    return f'<section class="toc"><h2 id="toc">{html.escape(title)}</h2><ul>{lis}</ul></section>'


def wrap_html(
    body: str, title: str, meta: list[tuple[str, str]], toc_title: str, failures: list[str], failed_title: str
) -> str:
    """A complete HTML document: title page, table of contents, the body, and what failed (if anything)."""
    meta_html = "".join(f"<div><b>{html.escape(k)}</b>: {html.escape(v)}</div>" for k, v in meta)
    failed = ""
    if failures:
        items = "".join(f"<li>{html.escape(f)}</li>" for f in failures)
        failed = f'<h2 id="failed">{html.escape(failed_title)}</h2><div class="failed"><ul>{items}</ul></div>'
    body = body + failed
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{REPORT_CSS}</style></head><body>"
        f'<section class="title-page"><h1>{html.escape(title)}</h1><div class="meta">{meta_html}</div></section>'
        f"{_toc(body, toc_title)}{body}</body></html>"
    )


def html_to_pdf(html_text: str, pdf_path: Path, base_url: str | None = None) -> None:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(string="", font_config=fonts)
    HTML(string=html_text, base_url=base_url).write_pdf(str(pdf_path), stylesheets=[css], font_config=fonts)


# ---- the quarterly report ---------------------------------------------------------------------------------


def resolve_quarter(quarter: str, today=None) -> str:
    import pandas as pd

    if quarter == "latest":
        today = pd.Timestamp.today() if today is None else pd.Timestamp(today)
        return str(pd.Period(today, "Q") - 1)
    try:
        return str(pd.Period(quarter.upper(), "Q"))
    except (ValueError, AttributeError):
        raise ParameterError(f"--quarter: expected a quarter like 2023Q4 or 'latest', not {quarter!r}") from None


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

    @property
    def failures(self) -> list[str]:
        return [f"{r['notebook']}: {r['error']}" for r in self.runs if r["status"] != "ok"]


def _report_parameters(name: str, quarter: str, lang: str, data_dir: str, jurisdictions: str | None) -> dict:
    params = {"data_dir": data_dir, "lang": lang, "output_dir": "tables"}
    if name == REPORT_NOTEBOOK:
        params["quarter"] = quarter
        if jurisdictions:
            params["jurisdictions"] = jurisdictions
    else:
        params["as_of"] = quarter
    return params


def _run_and_export(name: str, folder: str, params: dict) -> dict:
    """Worker: execute one notebook and export its HTML body (code hidden). The kernel's own messages (it
    inherits this process's stderr) go to logs/<notebook>.stderr.log instead of the terminal."""
    logs = Path(folder) / "logs"
    logs.mkdir(exist_ok=True)
    with open(logs / f"{name}.stderr.log", "w", encoding="utf-8") as err:
        saved = os.dup(2)
        os.dup2(err.fileno(), 2)
        try:
            entry = run_notebook(name, folder, params, manifest=False)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
    nb = Path(folder) / f"{name}.ipynb"
    if nb.exists():
        try:
            body = notebook_html_body(nb)
            (Path(folder) / f"{name}.body.html").write_text(body, encoding="utf-8")
        except Exception as exc:  # noqa: BLE001
            entry.update(status="failed", error=(entry["error"] or "") + f"; HTML export: {exc}")
    return entry


@contextlib.contextmanager
def report_lock(out: Path):
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    path = out / ".report.lock"
    try:
        fh = open(path, "a+")
    except PermissionError:
        raise ReportLocked(
            f"cannot open the lock file {path}: it belongs to another user (after a 'sudo make report'?); "
            "remove it, or run as that user"
        ) from None
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
) -> ReportResult:
    """Build ``<out>/<quarter>/`` (see the module docstring). Raises DataValidationError before writing anything
    when the data is bad, ParameterError for a bad quarter or language, ReportLocked when another run is active."""
    from . import labels as L
    from .catalog import load_catalog

    t0 = time.perf_counter()
    quarter = resolve_quarter(quarter)
    if lang not in L.LANGS:
        raise ParameterError(f"--lang: expected zh or en, not {lang!r}")
    folder_data = resolve_data_dir(data_dir)
    catalog = load_catalog(folder_data)  # bad data stops here, before anything is written
    out = Path(out)
    with report_lock(out):
        handler = logging.FileHandler(out / "report.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        try:
            return _build(
                quarter,
                lang,
                folder_data,
                out,
                jobs,
                notebooks,
                jurisdictions,
                progress,
                pdf,
                catalog,
                t0,
                extra_parameters or {},
            )
        except BaseException:  # Ctrl-C, a crash: nothing half-written stays, the last good report is untouched
            _remove_leftovers(out, report_folder_name(quarter, lang))
            from .catalog import CACHE_ENV_VAR

            os.environ.pop(CACHE_ENV_VAR, None)
            raise
        finally:
            log.removeHandler(handler)
            handler.close()


def _build(quarter, lang, folder_data, out, jobs, notebooks, jurisdictions, progress, pdf, catalog, t0, extra):
    from . import labels as L

    final = out / report_folder_name(quarter, lang)
    _remove_leftovers(out, final.name)  # the lock is held: no other build is using them
    tmp = out / f".{final.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    (tmp / "tables").mkdir()
    log.info("report %s (%s): building in %s from %s", quarter, lang, tmp, folder_data)
    jobs = jobs or min(len(notebooks), os.cpu_count() or 1)
    # validated once: the notebooks reuse this catalog (checked against the data folder's signature)
    from .catalog import CACHE_ENV_VAR, save_catalog_cache

    cache = tmp / ".catalog.pickle"
    fingerprint = data_fingerprint(folder_data)
    save_catalog_cache(catalog, cache, fingerprint)
    previous_cache = os.environ.get(CACHE_ENV_VAR)
    os.environ[CACHE_ENV_VAR] = str(cache)
    runs: list[dict] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(notebooks), desc=f"report {quarter}", unit="notebook", file=sys.stderr)
    # the report notebook first: it is the longest, and the others fill the second worker
    order = sorted(notebooks, key=lambda n: n != REPORT_NOTEBOOK)
    # spawned workers (not forked): they do not inherit the lock's file descriptor, so a killed main process
    # releases the lock even while its workers finish or die
    import multiprocessing

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {
            pool.submit(
                _run_and_export,
                name,
                str(tmp),
                {**_report_parameters(name, quarter, lang, str(folder_data), jurisdictions), **extra.get(name, {})},
            ): name
            for name in order
        }
        for fut in as_completed(futures):
            name = futures[fut]
            try:
                entry = fut.result()
            except Exception as exc:  # noqa: BLE001 - a crashed worker is a failed notebook, not a crashed build
                entry = {"notebook": f"{name}.ipynb", "status": "failed", "error": f"worker: {exc}", "seconds": None}
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
                bar.set_postfix_str(f"{name}: {entry['status']}")
    if bar is not None:
        bar.close()
    if previous_cache is None:
        os.environ.pop(CACHE_ENV_VAR, None)
    else:
        os.environ[CACHE_ENV_VAR] = previous_cache
    cache.unlink(missing_ok=True)
    runs.sort(key=lambda r: r["notebook"])
    failures = [f"{r['notebook']}: {r['error']}" for r in runs if r["status"] != "ok"]

    from .quarterly import data_vintage

    vintage = data_vintage(catalog, quarter)
    meta = [
        (L.t("quarter", lang), quarter),
        (L.t("vintage", lang), f"{vintage:%Y-%m-%d} · sha256 {fingerprint[:12]}"),
        (L.t("generated", lang), dt.date.today().isoformat()),
    ]
    pdf_path = None
    for r in runs:
        name = Path(r["notebook"]).stem
        body_file = tmp / f"{name}.body.html"
        if not body_file.exists():
            continue
        body = body_file.read_text(encoding="utf-8")
        body_file.unlink()
        is_report = name == REPORT_NOTEBOOK
        title = L.t("title", lang) if is_report else f"{L.t('title', lang)} — {name}"
        doc = wrap_html(body, title, meta, L.t("contents", lang), failures if is_report else [], L.t("failed", lang))
        (tmp / f"{name}.html").write_text(doc, encoding="utf-8")
        if is_report and pdf and r["status"] == "ok":
            t_pdf = time.perf_counter()
            pdf_path = tmp / f"report-{quarter}-{lang}.pdf"
            try:
                html_to_pdf(doc, pdf_path)
                log.info("PDF written (%.1fs)", time.perf_counter() - t_pdf)
            except Exception as exc:  # noqa: BLE001
                failures.append(f"PDF: {exc}")
                r.update(status="failed", error=f"PDF: {exc}")
                pdf_path = None
    status = "ok" if not failures else "failed"
    manifest = {
        **_base_manifest(str(folder_data)),
        "quarter": quarter,
        "lang": lang,
        "status": status,
        "failures": failures,
        "runs": runs,
        "seconds": round(time.perf_counter() - t0, 2),
        "jobs": jobs,
    }
    write_manifest(tmp, manifest)
    if failures:
        (tmp / "FAILED.txt").write_text("\n".join(failures) + "\n", encoding="utf-8")
    # the quarter's folder is replaced only by a build whose report notebook and PDF succeeded; any other build is
    # kept beside it as <quarter>.failed-<timestamp> (the last good report stays where readers find it)
    report_ok = any(r["notebook"] == f"{REPORT_NOTEBOOK}.ipynb" and r["status"] == "ok" for r in runs) and (
        pdf_path is not None or not pdf
    )
    if not report_ok and final.exists():
        final = out / f"{final.name}.failed-{dt.datetime.now():%Y%m%dT%H%M%S}"
        log.info("report notebook or PDF failed: the previous report is kept; this build goes to %s", final)
    old = None
    if final.exists():
        old = out / f".{final.name}.old-{os.getpid()}"
        final.rename(old)
    tmp.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    for r in runs:
        r["output"] = str(final / r["notebook"])
    pdf_final = final / pdf_path.name if pdf_path else None
    log.info("report %s: %s in %.1fs -> %s", quarter, status, time.perf_counter() - t0, final)
    (final / "report.log").write_text((out / "report.log").read_text(encoding="utf-8"), encoding="utf-8")
    return ReportResult(final, status, runs, pdf_final, round(time.perf_counter() - t0, 2))
