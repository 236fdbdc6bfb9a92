"""Worker pools start wherever the build runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e  # starts processes

RUN_TWO_WORKERS = (
    "import os\n"
    "from dienhinh import workers\n"
    "workers.run_all(workers.process_alive, [os.getpid(), 1], workers=2)\n"
    "print('done')\n"
)


def test_workers_start_under_a_deep_temporary_folder(tmp_path: Path) -> None:
    # The forkserver binds a Unix socket in the temporary folder; its path has a length
    # limit (107 bytes on Linux), which a deep TMPDIR (a test runner's, a CI's) exceeds.
    deep = tmp_path / ("thư-mục-tạm-rất-dài-" * 4)
    deep.mkdir()
    assert len(os.fsencode(deep)) > 110
    result = subprocess.run(
        [sys.executable, "-c", RUN_TWO_WORKERS],
        env={**os.environ, "TMPDIR": str(deep)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"


def test_background_workers_exit_once_their_work_is_done() -> None:
    # An idle worker keeps its caches while the build goes on (100–200 MB at 10,000
    # profiles): once closed, the pool stops as soon as the last task ends, before the build
    # collects the results.
    import time

    from dienhinh.workers import Background

    background = Background(2)
    background.submit(time.sleep, [0.2, 0.2, 0.2])
    processes = list(background.pool._processes.values())  # type: ignore[union-attr]
    assert processes and all(p.is_alive() for p in processes)
    background.close()
    deadline = time.monotonic() + 30
    while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(p.is_alive() for p in processes)
    background.wait()  # results still collected after the workers are gone
