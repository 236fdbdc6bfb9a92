"""``dienhinh editor-config``: the browser editor's configuration for the registry; with
``--backend``, for a Git host; with ``--site DIR``, the whole editor as static files to put on
a web server (several officers, several computers)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..files import write_atomically
from ..messages import editor as editor_msg
from ..records.settings import Settings
from . import terminal

NAME = "editor-config"
HELP = editor_msg.HELP_EDITOR_CONFIG
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, help=editor_msg.HELP_EDITOR_CONFIG_OUTPUT)
    parser.add_argument(
        "--site", type=Path, metavar=editor_msg.METAVAR_FOLDER, help=editor_msg.HELP_EDITOR_SITE
    )
    parser.add_argument(
        "--backend", choices=("github", "gitlab", "gitea"), help=editor_msg.HELP_EDITOR_BACKEND
    )
    parser.add_argument("--repo", help=editor_msg.HELP_EDITOR_REPO)
    parser.add_argument("--branch", default="main", help=editor_msg.HELP_EDITOR_BRANCH)
    parser.add_argument("--base-url", default="", help=editor_msg.HELP_EDITOR_BASE_URL)
    parser.add_argument("--app-id", default="", help=editor_msg.HELP_EDITOR_APP_ID)


def run(settings: Settings, args: argparse.Namespace) -> int:
    console = terminal.console()
    registry = terminal.registry(settings, console)
    if registry is None:
        return 1
    from ..editor.config import DEFAULT_OUTPUT, config_text, git_backend

    backend = None
    if args.backend:
        if not args.repo:
            console.print(editor_msg.EDITOR_NEEDS_REPO, markup=False)
            return 1
        backend = git_backend(args.backend, args.repo, args.branch, args.base_url, args.app_id)
    root = settings.root
    visits = settings.visits_dir or root / "visits"
    text = config_text(
        registry,
        exemplars_dir=settings.exemplars_dir.relative_to(root).as_posix(),
        visits_dir=visits.relative_to(root).as_posix(),
        backend=backend,
    )
    if args.site is not None:
        from ..editor.server import decap_installed, write_static_editor

        if backend is None or not decap_installed():
            console.print(
                editor_msg.EDITOR_NEEDS_REPO if backend is None else editor_msg.EDIT_NOT_INSTALLED,
                markup=False,
            )
            return 1
        write_static_editor(args.site, text)
        console.print(editor_msg.EDITOR_SITE_WRITTEN.format(path=args.site), markup=False)
        return 0
    default = DEFAULT_OUTPUT.with_name("config-git.yml") if backend else DEFAULT_OUTPUT
    path = args.output if args.output is not None else root / default
    try:
        write_atomically(path, text)
    except OSError as error:
        console.print(terminal.not_written(path, error), markup=False)
        return 1
    console.print(editor_msg.EDITOR_CONFIG_WRITTEN.format(path=path), markup=False)
    return 0
