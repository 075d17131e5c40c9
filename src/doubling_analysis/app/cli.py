"""Command line: ``doubling-analysis validate|assess ...``.

User mistakes (bad data, bad arguments) print a clear message and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__
from ..data.catalog import ENV_VAR, resolve_data_dir, validate


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="doubling-analysis", description="Targets and actuals of China's local industrial doubling plans."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every data file and print the report (exit 0 clean, 2 otherwise)")
    v.add_argument(
        "--data-dir",
        default=None,
        help=f"folder with the data files (default: ${ENV_VAR}, else the repository's data/)",
    )
    v.add_argument("--warnings", action="store_true", help="also list warnings, not only their count")

    a = sub.add_parser("assess", help="print the comparison table: every target assessed as of a date or quarter")
    a.add_argument(
        "--as-of",
        default="latest",
        help="a quarter (2023Q4), a date (2023-12-31) or 'latest' (the last completed quarter); "
        "only figures published by then are used",
    )
    a.add_argument("--data-dir", default=None, help=f"data folder (default: ${ENV_VAR}, else the repository's data/)")
    a.add_argument("--format", default="table", help="table (readable) or csv (every column, growth as fractions)")
    a.add_argument(
        "--method",
        default="auto",
        help="probabilities: auto (the calibrated model, or the scenario when --growth is given), "
        "calibrated, scenario, none",
    )
    a.add_argument(
        "--growth",
        default=None,
        help="scenario growth per year as fractions, comma-separated (e.g. 0.12,0.10), with the "
        "calibrated noise around it",
    )
    a.add_argument("--paths", default=None, help="number of simulated paths (default 10000)")
    a.add_argument("--seed", default=None, help="random seed (default from config)")

    b = sub.add_parser(
        "backtest",
        help="score every forecast the data allows, each made with what was "
        "published at its origin (coverage, PIT, CRPS, Brier and log scores)",
    )
    b.add_argument("--data-dir", default=None, help=f"data folder (default: ${ENV_VAR}, else the repository's data/)")
    b.add_argument("--format", default="text", help="text (the summary) or csv (one row per scored forecast)")
    b.add_argument("--by", default="forecast", help="forecast (one row each) or unit (one row per target or series)")
    b.add_argument("--paths", default="2000", help="simulated paths per forecast (default 2000)")
    b.add_argument("--seed", default=None, help="random seed (default from config)")
    b.add_argument("--strict", action="store_true", help="exit 1 when the verdict finds the forecasts miscalibrated")

    r = sub.add_parser("run", help="execute a notebook with strict parameters (-p NAME VALUE ...)")
    r.add_argument("notebook", help="a notebook path, or a name in notebooks/ (e.g. 02_growth_paths)")
    r.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a parameter of the notebook's parameters cell; repeat for several",
    )
    r.add_argument("--out", default=None, help="output folder (default outputs/runs/<notebook>-<timestamp>)")
    r.add_argument("--list", action="store_true", help="list the notebook's parameters and exit")

    q = sub.add_parser("report", help="build the quarterly report: executed notebooks, HTML, PDF, CSV tables")
    q.add_argument("--quarter", default="latest", help="2023Q4, or 'latest' for the last completed quarter")
    q.add_argument("--lang", default="zh", help="zh or en")
    q.add_argument("--data-dir", default=None, help=f"data folder (default: ${ENV_VAR}, else the repository's data/)")
    q.add_argument("--out", default=None, help="output folder (default: the repository's outputs/)")
    q.add_argument("--jobs", default=None, help="parallel notebook processes (default: one per core)")
    q.add_argument("--no-progress", action="store_true", help="no progress bar (for cron and logs)")
    q.add_argument(
        "--per-jurisdiction",
        action="store_true",
        help="also one PDF per jurisdiction (<quarter>/jurisdictions/<code>.pdf), in parallel local processes",
    )
    q.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="render the per-jurisdiction PDFs on an existing Dask cluster (e.g. tcp://10.0.0.5:8786; implies "
        "--per-jurisdiction; needs pip install 'doubling-analysis[dask]')",
    )

    e = sub.add_parser(
        "explore",
        help="open the scenario explorer: its interface runs on open (Voila); --lab opens the notebook in JupyterLab",
    )
    e.add_argument("--port", default="8888", help="port of the Jupyter server (default 8888)")
    e.add_argument("--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    e.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    e.add_argument(
        "--token",
        default=None,
        help="access token (default: a random one, printed with the address; an empty token is refused)",
    )
    e.add_argument("--lab", action="store_true", help="open the notebook in JupyterLab (to read or edit it) instead")
    e.add_argument(
        "--allow-root",
        action="store_true",
        help="with --lab as root: start JupyterLab anyway (its terminals are root shells); never added on its own",
    )
    e.add_argument("--dry-run", action="store_true", help="print the command instead of running it")

    x = sub.add_parser("extract", help="read a plan or report text and write candidate targets or actuals to review")
    x.add_argument(
        "file",
        help="the document: plain text (UTF-8 or GB18030), a saved web page (.html) or an http(s) URL "
        "(fetched with a timeout; its text is saved beside --out as <out>.source.txt for accept)",
    )
    x.add_argument("--jurisdiction", required=True, help="code of the document's jurisdiction (jurisdictions.csv)")
    x.add_argument("--source-id", required=True, help="id of the document in sources.csv (new or existing)")
    x.add_argument("--kind", default="plan", help="plan (targets) or report (actuals)")
    x.add_argument(
        "--issued",
        default=None,
        help="issue date YYYY[-MM[-DD]]: 今年/明年 are read from it (a web page: default its own date)",
    )
    x.add_argument("--source-kind", default="official", help="reports: official, news or secondary")
    x.add_argument("--out", default=None, help="candidates CSV (default: standard output)")
    x.add_argument("--data-dir", default=None, help=f"data folder (default: ${ENV_VAR}, else the repository's data/)")

    c = sub.add_parser("accept", help="append the kept rows of a reviewed candidates CSV to the data, then validate")
    c.add_argument("candidates", help="candidates CSV written by 'extract', with keep = y/yes/1/true/x")
    c.add_argument("--data-dir", default=None, help=f"data folder (default: ${ENV_VAR}, else the repository's data/)")
    c.add_argument("--source-file", default=None, help="the source text (default: the file the candidates name)")
    return p


def cmd_extract(args) -> int:
    from ..extract.candidates import ExtractError, extract_source, write_candidates, year_note
    from ..extract.language import VocabularyError

    if args.source_kind not in ("official", "news", "secondary"):
        return _die(f"--source-kind: expected official, news or secondary, not {args.source_kind!r}")
    try:
        if args.out and Path(args.out).is_dir():
            return _die(f"--out: expected a file, but {args.out} is a folder")
        cands, src = extract_source(args.file, args.jurisdiction, args.source_id, args.kind, args.issued, args.data_dir)
        source_file = args.file
        if src.html:  # accept copies a text: the page's text, as extracted, beside the candidates
            if not args.out:
                from ..extract.accept import check_code

                bad = check_code(args.source_id, "--source-id")  # it names the file: no path in it
                if bad:
                    return _die(bad)
            text_path = Path(f"{args.out}.source.txt" if args.out else f"{args.source_id}.source.txt")
            text_path.write_text(src.text, encoding="utf-8")
            source_file = str(text_path)
            print(f"page text -> {text_path} (the source file accept copies)", file=sys.stderr)
        note = year_note(cands)
        if note:
            print(note, file=sys.stderr)
        issued, issued_from = src.issue_date(args.issued)
        if issued_from:  # the page says when it was published
            print(f"issue date {issued} read from {issued_from}; give --issued to set another", file=sys.stderr)
        out = args.out or sys.stdout
        write_candidates(
            cands, out, args.kind, issued, source_file, args.source_kind, src.url, src.retrieved, issued_from
        )
    except ExtractError as exc:
        return _die(str(exc))
    except VocabularyError as exc:
        print(exc.report.format(), file=sys.stderr)
        return _die("vocabulary.csv has errors (listed above)")
    except OSError as exc:
        return _die(f"{exc.filename}: {exc.strerror}")
    if args.out:
        print(f"{len(cands)} candidates -> {args.out} (set keep to y on the rows to accept)", file=sys.stderr)
    return 0


def cmd_accept(args) -> int:
    from ..extract.accept import AcceptError, accept, violations_text
    from ..extract.candidates import ExtractError

    try:
        result = accept(args.candidates, args.data_dir, args.source_file)
    except AcceptError as exc:
        if exc.report.errors:
            print(violations_text(exc.report), file=sys.stderr)
        return _die(str(exc))
    except ExtractError as exc:
        return _die(str(exc))
    except OSError as exc:
        return _die(f"{exc.filename}: {exc.strerror}")
    print(f"accepted {len(result.ids)} rows ({result.ids[0]} .. {result.ids[-1]}); written: {', '.join(result.files)}")
    return 0


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def explore_command(
    port: str = "8888",
    ip: str = "127.0.0.1",
    no_browser: bool = False,
    token=None,
    lab: bool = False,
    allow_root: bool = False,
) -> list[str]:
    """The command line of the explorer: Voila, which runs the notebook on open and shows its interface only (no
    code, no Run All), or with ``lab`` JupyterLab on the notebook. The token is never in it (``ps`` would show it):
    it goes in the environment (:func:`explore_env`); an empty token is refused (ValueError). ``--allow-root`` is
    added only when ``allow_root`` is asked for."""
    from ..build.runner import NOTEBOOK_DIR

    if token == "":
        raise ValueError("an empty token: any local user could open the explorer (with --lab, a terminal)")
    notebook = str(NOTEBOOK_DIR / "06_scenario_explorer.ipynb")
    if not lab:
        cmd = [sys.executable, "-m", "voila", notebook, f"--port={port}", f"--Voila.ip={ip}", "--Voila.port_retries=0"]
        cmd.append("--Voila.auto_token=True")  # from $JUPYTER_TOKEN
        if no_browser:
            cmd.append("--no-browser")
        return cmd
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        notebook,
        f"--port={port}",
        f"--ServerApp.ip={ip}",
        f"--ServerApp.root_dir={NOTEBOOK_DIR}",
        "--ServerApp.port_retries=0",
    ]
    if no_browser:
        cmd.append("--no-browser")
    if allow_root:
        cmd.append("--allow-root")  # asked for by the user (cmd_explore refuses root without it)
    return cmd


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def explore_env(token: str | None) -> dict[str, str]:
    """The environment that carries the token to the server."""
    return {**os.environ, "JUPYTER_TOKEN": token} if token else dict(os.environ)


def explore_url(port: str, ip: str, token: str | None, lab: bool = False) -> str:
    """The address of the explorer itself (Voila's page, or the notebook in JupyterLab; not the file browser)."""
    host = "127.0.0.1" if ip in ("0.0.0.0", "::") else ip
    path = "/lab/tree/06_scenario_explorer.ipynb" if lab else "/"
    return f"http://{host}:{port}{path}" + (f"?token={token}" if token else "")


def cmd_explore(args) -> int:
    try:
        port = int(args.port)
        if not 0 < port < 65536:
            raise ValueError
    except ValueError:
        return _die(f"--port: expected a port number, not {args.port!r}")
    import secrets
    import shlex

    if not args.ip:
        return _die("--ip: expected an address (127.0.0.1 for this machine only), not an empty value")
    if args.token is not None and not args.token.strip():
        return _die(
            "--token: an empty token is refused: without one any local user (on another address, anyone on the "
            "network) could open the explorer and, with --lab, a terminal running as you; leave --token out for a "
            "random one"
        )
    if args.lab and running_as_root() and not args.allow_root:
        return _die(
            "explore --lab as root: JupyterLab's terminals would be root shells for anyone with the token; run it as "
            "another user, or pass --allow-root to start it anyway"
        )
    token = secrets.token_urlsafe(16) if args.token is None else args.token
    cmd = explore_command(str(port), args.ip, args.no_browser, token, args.lab, args.lab and args.allow_root)
    if "--allow-root" in cmd:
        print("note: --allow-root: JupyterLab runs as root, its terminals are root shells", file=sys.stderr)
    if args.ip not in LOOPBACK:
        print(f"note: listening on {args.ip}: anyone who can reach it and has the token can run code", file=sys.stderr)
    url = explore_url(str(port), args.ip, token, args.lab)
    if args.dry_run:
        print(shlex.join(cmd) + ("  # the token is passed in $JUPYTER_TOKEN" if token else ""))
        print(f"open: {url}")
        return 0
    print(f"the explorer: {url}", flush=True)
    return run_server(cmd, explore_env(token))


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """The server gets SIGTERM when this process ends, even killed with SIGKILL (Linux): it then stops its kernels."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def run_server(cmd: list[str], env: dict[str, str]) -> int:
    """Run the server until it ends or this process is stopped (Ctrl-C, SIGTERM, SIGHUP): then the server is asked
    to stop (SIGTERM: it shuts its kernels down) and killed after ``config.SERVER_STOP_SECONDS``; if this process
    is killed outright, the server gets SIGTERM from the system. No process is left behind."""
    import signal
    import subprocess

    from .. import config

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    server = subprocess.Popen(cmd, env=env, preexec_fn=_die_with_parent)  # noqa: PLW1509 - prctl only
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(config.SERVER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        return 0
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def cmd_run(args) -> int:
    import datetime as dt

    from ..build.runner import REPO, ParameterError, notebook_parameters, notebook_path, run_notebook

    try:
        path = notebook_path(args.notebook)
        if args.list:
            for name, d in notebook_parameters(path).items():
                print(f"{name} ({d['type']}, default {d['default']}): {d['help']}")
            return 0
        out = args.out or REPO / "outputs" / "runs" / f"{path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}"
        if Path(out).exists() and not Path(out).is_dir():
            return _die(f"--out: expected a folder, but {out} is a file")
        entry = run_notebook(path, out, dict(args.parameter))
    except ParameterError as exc:
        return _die(str(exc))
    print(f"{entry['notebook']}: {entry['status']} in {entry['seconds']}s -> {entry['output']}")
    if entry["status"] != "ok":
        print(f"error: {entry['error']}", file=sys.stderr)
        return 1
    return 0


def _interrupt_on_terminate() -> None:
    """SIGTERM and SIGHUP stop a build as Ctrl-C does: its kernels, workers and temporary folders are removed, the
    last report is left as it was, the lock is freed. Ctrl-C (SIGINT) gets the same handler of our own: an event loop
    run while notebooks execute (asyncio.run) replaces only Python's default one, turning Ctrl-C into the cancelling
    of its task, which a library may swallow (a fresh-clone CI run saw a report interrupted this way finish, exit 0)."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, stop)


def cmd_report(args) -> int:
    from ..build.per_jurisdiction import EngineError
    from ..build.reporting import REPO, ParameterError, ReportLocked, build_report
    from ..violations import DataValidationError

    try:
        jobs = None if args.jobs is None else int(args.jobs)
        if jobs is not None and jobs < 1:
            raise ValueError
    except ValueError:
        return _die("--jobs takes a whole number of processes, 1 or more")
    if args.scheduler is not None:
        from ..build.per_jurisdiction import check_scheduler_address

        try:
            check_scheduler_address(args.scheduler)
        except EngineError as exc:
            return _die(str(exc))
    _interrupt_on_terminate()
    try:
        result = build_report(
            args.quarter,
            args.lang,
            args.data_dir,
            args.out or REPO / "outputs",
            jobs=jobs,
            progress=not args.no_progress,
            per_jurisdiction=args.per_jurisdiction,
            scheduler=args.scheduler,
        )
    except (ParameterError, EngineError) as exc:
        return _die(str(exc))
    except DataValidationError as exc:
        print(exc.report.format(), file=sys.stderr)
        return _die("the data has errors (listed above); nothing was written")
    except ReportLocked as exc:
        return _die(str(exc))
    except OSError as exc:  # a full or read-only disk, a folder that cannot be made
        where = exc.filename or args.out or "the output folder"
        return _die(f"cannot write {where}: {exc.strerror or exc}; nothing was replaced, the last report is unchanged")
    except KeyboardInterrupt:
        import os
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build is wound down: a second Ctrl-C changes nothing
        print(
            "doubling-analysis: interrupted: the partial build was removed; the last report is unchanged",
            file=sys.stderr,
        )
        sys.stdout.flush()
        sys.stderr.flush()
        # exit now: a Ctrl-C still pending in the interpreter (its kernels and workers got the same signal) would
        # otherwise surface while it shuts down and end the process by SIGINT (exit -2, seen 1 run in 6) instead of 130
        os._exit(130)
    print(f"report {result.folder.name}: {result.status} in {result.seconds}s -> {result.folder}")
    if result.pdf:
        print(f"PDF: {result.pdf}")
    if result.jurisdictions:
        ok = sum(p["status"] == "ok" for p in result.jurisdictions)
        print(f"per-jurisdiction PDFs: {ok} of {len(result.jurisdictions)} in {result.folder / 'jurisdictions'}")
    for f in result.failures:
        print(f"failed: {f}", file=sys.stderr)
    return 0 if result.status == "ok" else 1


def _die(message: str) -> int:
    print(f"doubling-analysis: error: {message}", file=sys.stderr)
    return 2


def latest_completed_quarter(today=None) -> str:
    from ..quarters import last_completed

    return str(last_completed(today))


def pd_isna(x) -> bool:
    import pandas as pd

    return bool(pd.isna(x))


def cmd_assess(args) -> int:
    from .. import config
    from ..data.catalog import load_catalog
    from ..data.vintage import as_of_date
    from ..model.assess import assess
    from ..violations import DataValidationError

    as_of = latest_completed_quarter() if args.as_of == "latest" else args.as_of
    try:
        if pd_isna(as_of_date(as_of)):
            raise ValueError("a date (2023-12-31) or a quarter (2023Q4), not an empty value")
    except ValueError as exc:
        return _die(f"--as-of: expected {str(exc).removeprefix('expected ')}")
    methods = ("auto", "calibrated", "scenario", "none")
    if args.method not in methods:
        return _die(f"--method: unknown method {args.method!r}; choose one of {', '.join(methods)}")
    if args.format not in ("table", "csv"):
        return _die(f"--format: expected table or csv, not {args.format!r}")
    try:
        n_paths = config.N_PATHS if args.paths is None else int(args.paths)
        seed = config.SEED if args.seed is None else int(args.seed)
        rates = None if args.growth is None else [float(x) for x in args.growth.split(",")]
        if not 1 <= n_paths <= config.MAX_PATHS or seed < 0:
            raise ValueError
    except ValueError:
        return _die(
            f"--paths and --seed take whole numbers (paths 1 to {config.MAX_PATHS}, seed >= 0), --growth "
            "comma-separated fractions"
        )
    if args.method == "scenario" and rates is None:
        return _die("--method scenario needs --growth (e.g. --growth 0.12,0.10)")
    try:
        catalog = load_catalog(args.data_dir)
    except DataValidationError as exc:
        print(exc.report.format(), file=sys.stderr)
        return _die("the data has errors; run 'doubling-analysis validate' for the list")
    table = assess(catalog, as_of, projection_method=args.method, n_paths=n_paths, seed=seed, scenario_rates=rates)
    if args.format == "csv":
        table.drop(columns=["notes"]).to_csv(sys.stdout, index=False, float_format="%.6g")
    else:
        print(format_table(table, catalog))
    return 0


def cmd_backtest(args) -> int:
    from .. import config
    from ..data.catalog import load_catalog
    from ..model.backtest import backtest, failures, summary_text, units_table
    from ..violations import DataValidationError

    if args.format not in ("text", "csv"):
        return _die(f"--format: expected text or csv, not {args.format!r}")
    if args.by not in ("forecast", "unit"):
        return _die(f"--by: expected forecast or unit, not {args.by!r}")
    try:
        n_paths = int(args.paths)
        seed = config.SEED if args.seed is None else int(args.seed)
        if not 1 <= n_paths <= config.MAX_PATHS or seed < 0:
            raise ValueError
    except ValueError:
        return _die(f"--paths takes a whole number from 1 to {config.MAX_PATHS}, --seed a whole number >= 0")
    try:
        catalog = load_catalog(args.data_dir)
    except DataValidationError as exc:
        print(exc.report.format(), file=sys.stderr)
        return _die("the data has errors; run 'doubling-analysis validate' for the list")
    table, summary = backtest(catalog, n_paths=n_paths, seed=seed)
    if args.by == "unit":
        units = units_table(table)
        if args.format == "csv":
            units.to_csv(sys.stdout, index=False, float_format="%.6g")
        else:
            print(units.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    elif args.format == "csv":
        table.to_csv(sys.stdout, index=False, float_format="%.6g")
    else:
        print(summary_text(summary))
    return 1 if args.strict and failures(summary) else 0


def format_table(table, catalog) -> str:
    """A readable text rendering: names, percentages, and the reason when a row cannot be assessed."""
    import pandas as pd

    from ..model.assess import DECIDED

    names = dict(zip(catalog.jurisdictions["code"].astype(str), catalog.jurisdictions["name_en"]))

    def pct(x):
        return "" if pd.isna(x) else f"{x:.1%}"

    def num(x):
        return "" if pd.isna(x) else (f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}")

    out = pd.DataFrame(
        {
            "target": table["target_id"],
            "where": table["jurisdiction_code"].map(names),
            "indicator": table["indicator_code"]
            + table["sector"].map(lambda s: f" ({s})" if isinstance(s, str) else ""),
            "year": table["target_year"],
            "attains if": table["attains_if"],
            "tier": table["tier"].fillna(""),
            "latest": [
                ("" if pd.isna(v) else f"{p}: {pct(v) if u == 'ratio' else num(v)}" + (" (≥)" if b == "lower" else ""))
                for p, v, b, u in zip(
                    table["latest_period"], table["latest_value"], table["latest_bound"], table["unit"]
                )
            ],
            "req. g": table["required_growth"].map(pct),
            "obs. g": table["observed_growth"].map(pct),
            "to go": table["rate_to_go"].map(pct),
            "Eurostat": table["category_eurostat"].fillna(""),
            "UNSD": table["category_unsd"].fillna(""),
            "P(attain)": table["p_attain"].map(lambda x: "" if pd.isna(x) else f"{x:.2f}"),
            "outcome": table["outcome"],
            "note": table["note"].fillna("").str.slice(0, 90),
        }
    )
    if table.empty:
        return "no target is known at this date (check targets.csv and the issue dates in sources.csv)"
    header = (
        f"as of {table['as_of'].iloc[0]}: {len(table)} targets, "
        f"{int(table['latest_value'].notna().sum())} with actuals, "
        f"{int(table['outcome'].isin(DECIDED).sum())} decided "
        f"({', '.join(f'{o} {int((table.outcome == o).sum())}' for o in DECIDED)})"
    )
    return header + "\n" + out.to_string(index=False)


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
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into head & co.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "data_dir", None) == "":
        return _die("--data-dir: expected a folder, not an empty value (leave the option out for the default)")
    if args.command == "validate":
        return cmd_validate(args)
    if args.command == "assess":
        return cmd_assess(args)
    if args.command == "backtest":
        return cmd_backtest(args)
    if args.command == "run":
        return cmd_run(args)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "explore":
        return cmd_explore(args)
    if args.command == "extract":
        return cmd_extract(args)
    if args.command == "accept":
        return cmd_accept(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
