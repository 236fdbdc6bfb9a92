"""“Đưa lên mạng” from the editor: the project's configured ``dienhinh publish`` (or its
``--rollback``) run as its own process, as the terminal runs it — the same checks, build and
target, the same Vietnamese lines — which the editor's page shows as they come. One run at a
time; the first-time set-up of a target stays the IT person's job (“Đưa trang lên mạng”)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from typing import Any

from ..messages import common as common_msg
from ..messages import editor as editor_msg
from ..records.settings import Settings

# "file:line: LỖI [hamlets[1]]: …" as the terminal shows it → without the key in brackets,
# which means nothing to an officer in the browser (the file, line and message stay).
_KEY = re.compile(
    rf"^(\S[^\n]*?: (?:{re.escape(common_msg.ERROR)}|{re.escape(common_msg.WARNING)})) \[[^\n]*?\]:"
)


def plain(line: str) -> str:
    """A line of ``dienhinh publish`` as the editor shows it: no key in brackets, no command
    line options (the page has buttons for those)."""
    line = _KEY.sub(r"\1:", line.rstrip())
    for said, instead in editor_msg.PUBLISH_CLI_PHRASES.items():
        line = line.replace(said, instead)
    return line


@dataclass
class Run:
    """One publish (or rollback) and what it has said so far."""

    rollback: bool
    lines: list[str] = field(default_factory=list)
    code: int | None = None


class Publisher:
    """Starts ``dienhinh publish`` for the editor and reports its progress."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self.run: Run | None = None

    def targets(self) -> list[str]:
        return list(self.settings.options.publish.targets())

    def can_roll_back(self) -> bool:
        # Every target keeps the version before (a server several, a folder one).
        return bool(self.targets())

    def start(self, rollback: bool) -> bool:
        """Start a run; False when one is still going."""
        with self.lock:
            if self.run is not None and self.run.code is None:
                return False
            self.run = Run(rollback)
            run = self.run
        threading.Thread(target=self._work, args=(run,), daemon=True, name="dienhinh-publish").start()
        return True

    def status(self) -> dict[str, Any]:
        with self.lock:
            run = self.run
            found: dict[str, Any] = {"targets": self.targets(), "can_roll_back": self.can_roll_back()}
            if run is None:
                return {**found, "running": False, "lines": [], "code": None}
            return {
                **found,
                "running": run.code is None,
                "rollback": run.rollback,
                "lines": list(run.lines),
                "code": run.code,
            }

    def _work(self, run: Run) -> None:
        command = [sys.executable, "-m", "dienhinh.cli", "publish"]
        if self.settings.config_file is not None:
            command[3:3] = ["-f", str(self.settings.config_file)]
        if run.rollback:
            command.append("--rollback")
        # Plain lines, never wrapped at 80 columns nor coloured: the page shows them as said.
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "1000"}
        try:
            process = subprocess.Popen(
                command, cwd=self.settings.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace", env=env,
            )  # fmt: skip
        except OSError as error:
            with self.lock:
                run.lines.append(str(error.strerror or error))
                run.code = 1
            return
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip():
                with self.lock:
                    run.lines.append(plain(line))
        code = process.wait()
        with self.lock:
            run.code = code
