"""``dienhinh gather``: the province's site, from the communes' open data (no commune
project: the province's own configuration)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import province as msg
from .engine import staged_build
from .terminal import say

NAME = "gather"
HELP = msg.HELP_GATHER
PROJECT = False


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", nargs="?", type=Path, default=Path("tinh.yml"), help=msg.HELP_GATHER_CONFIG)
    parser.add_argument("-d", "--site-dir", type=Path, help=msg.HELP_GATHER_SITE_DIR)
    parser.add_argument("--docs-dir", type=Path, help=msg.HELP_GATHER_DOCS_DIR)


def run(settings: None, args: argparse.Namespace) -> int:
    """Gather the communes' open data, then build the province site through the same staged
    build as a commune's."""
    import gc
    import tempfile

    from ..opendata.config import load_config
    from ..opendata.gather import Status, gather
    from ..opendata.province import prepare
    from ..plugin import ProvincePlugin

    config, problems = load_config(args.config)
    if config is None:
        for problem in problems:
            say(problem.format(), error=True)
        return 1
    gathered = gather(config)
    for problem in gathered.problems:
        say(problem.format(config.root), error=True)
    communes = gathered.communes
    if not any(c.doc is not None for c in communes):
        say(msg.GATHER_NOTHING, error=True)
        return 1
    target = (args.site_dir or config.site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="dienhinh-tinh-") as work:
        prepared = prepare(config, gathered, Path(work), config.theme, args.docs_dir)
        done = msg.GATHER_OK.format(
            path=target,
            communes=sum(1 for c in communes if c.doc is not None),
            total=len(communes),
            profiles=prepared.profiles,
            cached=sum(1 for c in communes if c.status is Status.cached),
            warnings=len(gathered.problems),
        )
        plugin = ProvincePlugin(prepared.pages, prepared.files, prepared.assets, config.theme)
        engine_yml = prepared.config_file
        # The gathered records are done with; what is left lives to the end of the build:
        # keep the collector from walking it while thousands of pages are rendered.
        del prepared, gathered, communes
        gc.collect()
        gc.freeze()
        code, _ = staged_build(engine_yml, target, plugin=("dienhinh-province", plugin))
    if code:
        say(msg.GATHER_FAILED, error=True)
        return code
    say(done)
    return 0
