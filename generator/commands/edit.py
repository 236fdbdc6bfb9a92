"""``dienhinh edit``: the browser editor on this computer, with the live preview beside it."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import webbrowser

from ..messages import editor as msg
from ..records.settings import Settings
from .engine import serve
from .terminal import say

NAME = "edit"
HELP = msg.HELP_EDIT
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8080", help=msg.HELP_EDIT_ADDR)
    parser.add_argument("--preview-addr", default="127.0.0.1:8000", help=msg.HELP_EDIT_PREVIEW_ADDR)
    parser.add_argument("--no-browser", action="store_true", help=msg.HELP_EDIT_NO_BROWSER)
    parser.add_argument("--no-preview", action="store_true", help=msg.HELP_EDIT_NO_PREVIEW)


def _has_display() -> bool:
    """A browser can be opened here (not over SSH, in CI, or on a server without a screen)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..editor.server import EditorApp, decap_installed, start_editor

    if not decap_installed():
        say(msg.EDIT_NOT_INSTALLED, error=True)
        return 1
    host, _, port = str(args.dev_addr).rpartition(":")
    preview_url = "" if args.no_preview else f"http://{args.preview_addr}/"
    try:
        app = EditorApp(settings, preview_url)
        app.report = lambda line: say(line, error=True)
        server = start_editor(app, host or "127.0.0.1", int(port))
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        say(msg.EDIT_ADDRESS_FAILED.format(addr=args.dev_addr, reason=reason), error=True)
        return 1
    url = f"http://{args.dev_addr}/"
    say(msg.EDIT_STARTED.format(url=url))
    if preview_url:
        say(msg.EDIT_PREVIEW.format(url=preview_url))
    if not args.no_browser and _has_display():
        webbrowser.open(url)
    try:
        if preview_url:
            return serve(settings.config_file or settings.root / "mkdocs.yml", args.preview_addr)
        threading.Event().wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
        say(msg.EDIT_STOPPED)
