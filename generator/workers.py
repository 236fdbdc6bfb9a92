"""Worker processes for CPU-bound media work (photos, share cards): pools that start clean,
run in the background at a lower priority while the build renders pages, and leave when the
build that started them is gone."""

from __future__ import annotations

import concurrent.futures
import ctypes
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BACKGROUND_NICENESS = 10


@dataclass(frozen=True)
class CacheStats:
    """What a cached stage did: outputs made now and outputs taken from its cache."""

    made: int
    cached: int


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (ours, or another user's)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_folders_of_dead(base: Path, prefix: str) -> list[Path]:
    """Delete the folders ``<prefix><pid>-…`` in ``base`` whose process is gone."""
    removed: list[Path] = []
    try:
        found = list(base.glob(f"{prefix}*"))
    except OSError:
        return removed
    for path in found:
        pid = path.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def lower_priority() -> None:
    """Make this process yield the CPU to the build (Unix ``nice``; elsewhere nothing)."""
    try:
        os.nice(BACKGROUND_NICENESS)
    except (AttributeError, OSError):
        pass


def _start_worker(build: int, background: bool) -> None:
    """A worker's first step: lower its priority if it works in the background, and watch
    the build process. An idle worker waits on its queue forever, so a build killed outright
    (``kill -9``, the out-of-memory killer) would leave it behind; it leaves once the build
    is gone."""
    if background:
        lower_priority()

    def watch() -> None:
        while process_alive(build):
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="dienhinh-watch-build", daemon=True).start()


SOCKET_PATH_MAX = 103  # bytes of a Unix socket's path: 107 on Linux, 103 on macOS and BSD


def _forkserver_fits() -> bool:
    """Whether the forkserver's socket path fits: it lies in the temporary folder
    (``TMPDIR``), and under a deep one Python cannot bind it ("AF_UNIX path too long")."""
    from multiprocessing import util

    try:
        folder = util.get_temp_dir()
    except OSError:
        return False
    return len(os.fsencode(os.path.join(folder, "listener-xxxxxxxx"))) <= SOCKET_PATH_MAX


def worker_pool(workers: int, background: bool = False, preload: Sequence[str] = ()) -> ProcessPoolExecutor:
    """Processes for CPU-bound work. Not forked from the (possibly threaded, under a preview
    server) build process: a clean forkserver where there is one, else spawn. ``preload``:
    modules the forkserver imports once, so each worker starts with them loaded."""
    start = (os.getpid(), background)
    if "forkserver" not in multiprocessing.get_all_start_methods() or not _forkserver_fits():
        spawn = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers, mp_context=spawn, initializer=_start_worker, initargs=start)
    context = multiprocessing.get_context("forkserver")
    if preload:
        context.set_forkserver_preload(list(preload))
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=start)


def run_all(task: Callable[[Any], None], jobs: Sequence[Any], workers: int | None = None) -> None:
    """``task`` on every job now, on every core (or ``workers`` processes)."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers > 1:
        with worker_pool(workers, preload=(task.__module__,)) as pool:
            list(pool.map(task, jobs))
    else:
        for job in jobs:
            task(job)


_RUNNING: set[Background] = set()


def release_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; elsewhere nothing):
    a build frees far more than it keeps, and the freed memory would otherwise stay counted
    against this process while Pagefind runs beside it."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _then_release(task: Callable[[Any], None], job: Any) -> None:
    """A background task, then what it freed back to the system: a worker lives as long as
    the build, and a photo decoded at full size leaves megabytes in its heap."""
    try:
        task(job)
    finally:
        release_memory()


class Background:
    """Work handed to low-priority worker processes while the build goes on; ``wait`` when
    the outputs are needed, ``cancel`` when the build stops."""

    def __init__(self, workers: int, preload: Sequence[str] = ()) -> None:
        self.pool = worker_pool(max(1, workers), background=True, preload=preload)
        self.futures: list[Future[None]] = []
        self._lock = threading.RLock()  # re-entrant: cancel_all may run in a signal handler
        self._stopped = False
        _RUNNING.add(self)

    def submit(self, task: Callable[[Any], None], jobs: Iterable[Any]) -> None:
        self.futures += [self.pool.submit(_then_release, task, job) for job in jobs]

    def close(self) -> None:
        """No more tasks: the workers exit as soon as theirs are done, not when the build
        collects them. An idle worker keeps its caches (up to 200 MB at 10,000 profiles)
        while the engine and the search index are at their largest."""
        futures = list(self.futures)

        def stop_when_done() -> None:
            concurrent.futures.wait(futures)
            self._stop(cancel=False)

        threading.Thread(target=stop_when_done, name="dienhinh-workers-done", daemon=True).start()

    def wait(self) -> None:
        """Every task's end (re-raising a worker's exception), then the workers stop."""
        try:
            for future in self.futures:
                future.result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Drop the tasks not started and stop the workers: an interrupted build must not keep
        drawing thousands of cards before it exits."""
        self._stop(cancel=True)

    def _stop(self, cancel: bool) -> None:
        with self._lock:  # once; a second caller returns when the workers are gone
            if self._stopped:
                return
            self._stopped = True
            _RUNNING.discard(self)
            self.pool.shutdown(wait=True, cancel_futures=cancel)


def cancel_all() -> None:
    """Stop every background pool of this process (Ctrl-C, SIGTERM)."""
    for background in list(_RUNNING):
        background.cancel()
