"""Changing a data folder safely (issue 20): one writer at a time, and all of a change or none of it.

* :func:`locked` holds an exclusive ``flock`` on a lock file in the data folder (opened without following a symlink),
  so that two ``accept`` runs are serialised.
* :func:`stage` writes each new file next to its target (same folder, same file system, hence an atomic rename),
  with the permission bits of the file it replaces, and fsyncs it.
* :func:`commit` writes and fsyncs a journal (the list of staged -> final renames) before the first rename, does the
  renames and removes the journal. A run killed at any moment leaves either no journal (the staged files are stale:
  the folder is fully old) or a complete journal (the renames are replayed: the folder becomes fully new).
  :func:`recover` does that at the next accept, validate or load.
* Temporary validation copies are named ``doubling-accept-<pid>-...``; :func:`remove_stale_copies` removes those of
  processes that no longer run (a run killed by ``kill -9`` cannot remove its own).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .. import config

#: tests only: "<step>,<marker file>[,<seconds>]" makes a run write the marker and sleep at that step (to be killed
#: there, or to hold the lock while another run starts)
PAUSE_ENV_VAR = "DOUBLING_ANALYSIS_TEST_PAUSE"
PAUSE_SECONDS = 120


class FolderError(OSError):
    """The data folder cannot be changed safely (a path outside it, a lock that is not a regular file...)."""


def pause(step: str) -> None:
    """A test hook: when ``$DOUBLING_ANALYSIS_TEST_PAUSE`` names this step, write its marker file and sleep."""
    name, marker, seconds = (os.environ.get(PAUSE_ENV_VAR, "").split(",") + ["", ""])[:3]
    if name != step or not marker:
        return
    Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(float(seconds) if seconds else PAUSE_SECONDS)


def inside(folder: Path, relative: str) -> Path:
    """``folder / relative``, refused (:class:`FolderError`) unless its resolved path stays inside the folder."""
    root = folder.resolve()
    path = (root / relative).resolve()
    if path == root or not path.is_relative_to(root):
        raise FolderError(f"{relative!r}: expected a file name inside the data folder {root}")
    return path


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the data folder's lock (blocking until another holder releases it)."""
    import fcntl

    path = folder / config.ACCEPT_LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise FolderError(f"{path}: expected a lock file that can be created or opened ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FolderError(f"{path}: expected a regular lock file")
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _mode_for(final: Path) -> int:
    """The permission bits a new version of ``final`` gets: those of the file it replaces, else of a sibling file,
    else the process default (0666 less the umask)."""
    if final.is_file():
        return stat.S_IMODE(final.stat().st_mode)
    siblings = sorted(p for p in final.parent.iterdir() if p.is_file() and not p.name.startswith("."))
    if siblings:
        return stat.S_IMODE(siblings[0].stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes, mode: int) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, mode)


def stage(folder: Path, relative: str, data: bytes) -> tuple[Path, Path]:
    """Write ``data`` as a staged file next to ``folder / relative``; return (staged, final)."""
    final = inside(folder, relative)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=final.parent, prefix=config.ACCEPT_STAGED_PREFIX)
    os.close(fd)
    _write_synced(Path(name), data, _mode_for(final))
    return Path(name), final


def discard(staged: list[tuple[Path, Path]]) -> None:
    for path, _ in staged:
        path.unlink(missing_ok=True)


def commit(folder: Path, staged: list[tuple[Path, Path]]) -> None:
    """Rename the staged files onto their targets, all or none even if the process is killed (see the module)."""
    root = folder.resolve()
    journal = root / config.ACCEPT_JOURNAL_FILE
    entries = [[str(s.relative_to(root)), str(f.relative_to(root))] for s, f in staged]
    tmp = root / f"{config.ACCEPT_STAGED_PREFIX}journal"
    _write_synced(tmp, json.dumps(entries).encode("utf-8"), 0o644)
    os.replace(tmp, journal)
    _fsync_dir(root)
    pause("journal")
    _replay(root, entries)
    journal.unlink()
    _fsync_dir(root)


def _replay(root: Path, entries: list[list[str]]) -> None:
    for k, (src, dst) in enumerate(entries, start=1):
        staged, final = inside(root, src), inside(root, dst)
        if staged.exists():  # else renamed before the run was killed
            os.replace(staged, final)
        pause(f"renamed-{k}")
    for folder in {inside(root, dst).parent for _, dst in entries}:
        _fsync_dir(folder)


def _stale_staged(root: Path) -> list[Path]:
    folders = [root] + [p for p in root.iterdir() if p.is_dir() and not p.is_symlink()]
    return [p for f in folders for p in f.iterdir() if p.name.startswith(config.ACCEPT_STAGED_PREFIX)]


def pending(folder: Path) -> bool:
    """Did a run leave a journal or staged files (quick; no lock taken)?"""
    root = Path(folder)
    if not root.is_dir():
        return False
    return (root / config.ACCEPT_JOURNAL_FILE).exists() or bool(_stale_staged(root))


def recover_locked(folder: Path) -> bool:
    """With the lock held: replay a journal left by a killed run (the folder becomes fully new), then remove staged
    files no journal names (the folder stays fully old). True when anything was done."""
    root = folder.resolve()
    journal = root / config.ACCEPT_JOURNAL_FILE
    done = False
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise FolderError(f"{journal}: expected the journal of an interrupted accept ({exc})") from None
        _replay(root, entries)
        journal.unlink()
        _fsync_dir(root)
        done = True
    for path in _stale_staged(root):
        path.unlink(missing_ok=True)
        done = True
    return done


def recover(folder: Path) -> bool:
    """Complete or roll back a change a killed run left in ``folder`` (a no-op, without a lock, when none)."""
    if not pending(folder):
        return False
    with locked(Path(folder)):
        return recover_locked(Path(folder))


def copy_ignoring_own(folder: Path, target: Path) -> None:
    """A full copy of the data folder without the lock, journal and staged files."""
    own = (config.ACCEPT_LOCK_FILE, config.ACCEPT_JOURNAL_FILE)

    def ignore(_dir: str, names: list[str]) -> list[str]:
        return [n for n in names if n in own or n.startswith(config.ACCEPT_STAGED_PREFIX)]

    shutil.copytree(folder, target, ignore=ignore)


def temp_prefix() -> str:
    return f"{config.ACCEPT_TEMP_PREFIX}{os.getpid()}-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_copies(tmp_dir: str | os.PathLike | None = None) -> list[Path]:
    """Remove the temporary copies (``doubling-accept-<pid>-*``, ours by uid) of runs that no longer run."""
    base = Path(tmp_dir or tempfile.gettempdir())
    removed = []
    for path in base.glob(f"{config.ACCEPT_TEMP_PREFIX}*"):
        pid_text = path.name[len(config.ACCEPT_TEMP_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or path.is_symlink() or not path.is_dir():
            continue
        if path.stat().st_uid != os.getuid() or _running(int(pid_text)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


__all__ = [
    "FolderError",
    "commit",
    "copy_ignoring_own",
    "discard",
    "inside",
    "locked",
    "pause",
    "pending",
    "recover",
    "recover_locked",
    "remove_stale_copies",
    "stage",
    "temp_prefix",
]
