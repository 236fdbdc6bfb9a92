"""``dienhinh publish``: the edge where the chosen target is checked, the site sent and the
outcome printed; the work lives in folder, ssh and ghpages. (The build before it is the
CLI's, which alone calls MkDocs.)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..messages import publish as msg
from ..records.load import load_registry
from ..records.settings import Settings, example_site_url, local_site_url
from .manifest import Outcome, PublishError

TARGETS = ("ssh", "folder", "github_pages")


def add_command(commands: Any) -> None:
    """Register ``publish`` on the ``dienhinh`` parser."""
    publish = commands.add_parser("publish", help=msg.HELP_PUBLISH)
    publish.add_argument("--to", choices=TARGETS, help=msg.HELP_PUBLISH_TO)
    publish.add_argument("--rollback", action="store_true", help=msg.HELP_PUBLISH_ROLLBACK)
    publish.add_argument("--no-build", action="store_true", help=msg.HELP_PUBLISH_NO_BUILD)
    publish.add_argument("--allow-sample", action="store_true", help=msg.HELP_PUBLISH_ALLOW_SAMPLE)


def _print(text: str, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def choose_target(settings: Settings, wanted: str | None) -> str | None:
    """The target to use, or None after saying why (none configured, several, not configured)."""
    configured = settings.options.publish.targets()
    config = settings.config_file or settings.root / "mkdocs.yml"
    if wanted is not None and wanted not in configured:
        _print(msg.PUBLISH_TARGET_NOT_SET.format(target=wanted, config=config.name), error=True)
        return None
    if wanted is None and not configured:
        _print(msg.PUBLISH_NO_TARGET.format(config=config.name), error=True)
        return None
    if wanted is None and len(configured) > 1:
        _print(msg.PUBLISH_SEVERAL_TARGETS.format(targets=", ".join(configured)), error=True)
        return None
    return wanted or configured[0]


def refusals(settings: Settings) -> list[str]:
    """Why this project must not go online as it is: an example or local site_url, the sample
    data still on."""
    reasons = []
    url = settings.site_url
    if not url:
        reasons.append(msg.PUBLISH_NO_SITE_URL)
    elif example_site_url(url) or local_site_url(url):
        reasons.append(msg.publish_example_url(url))
    registry, _, _ = load_registry(settings.registry_path)
    if registry is not None and registry.commune.sample_data:
        reasons.append(msg.PUBLISH_SAMPLE_DATA.format(registry=settings.registry_path.name))
    return reasons


def guard(settings: Settings, allow_sample: bool) -> bool:
    """Refuse (printing why) unless the project is ready or the officer said so explicitly."""
    reasons = refusals(settings)
    if not reasons:
        return True
    if allow_sample:
        for reason in reasons:
            _print(msg.PUBLISH_ALLOWED_ANYWAY.format(reason=reason), error=True)
        return True
    for reason in reasons:
        _print(reason, error=True)
    _print(msg.PUBLISH_REFUSED, error=True)
    return False


def send(settings: Settings, target: str) -> int:
    """Send the built site to ``target``; print what was done."""
    site = settings.site_dir or settings.root / "site"
    if not (site / "index.html").is_file():
        _print(msg.PUBLISH_NOT_BUILT.format(site=site), error=True)
        return 1
    try:
        outcome = _send(settings, target, site)
    except PublishError as error:
        _print(str(error), error=True)
        _print(msg.PUBLISH_FAILED, error=True)
        return 1
    except KeyboardInterrupt:
        _print(msg.PUBLISH_INTERRUPTED, error=True)
        return 130
    _print(_done(outcome))
    return 0


def _send(settings: Settings, target: str, site: Path) -> Outcome:
    options = settings.options.publish
    if target == "ssh":
        from .ssh import publish

        assert options.ssh is not None
        return publish(site, options.ssh, options.keep, settings.root, progress=_print)
    if target == "folder":
        from .folder import publish as to_folder

        assert options.folder is not None
        return to_folder(site, (settings.root / Path(options.folder).expanduser()).resolve(), progress=_print)
    from .ghpages import publish as to_github

    assert options.github_pages is not None
    return to_github(site, options.github_pages, settings.root, progress=_print)


def _done(outcome: Outcome) -> str:
    share = outcome.sent_bytes / outcome.site_bytes if outcome.site_bytes else 0.0
    text = msg.PUBLISH_DONE.format(
        target=outcome.target,
        sent=outcome.sent,
        size=msg.size(outcome.sent_bytes),
        share=f"{share:.1%}".replace(".", ","),
        kept=outcome.kept,
        removed=outcome.removed,
    )
    if outcome.releases_kept:
        text += " " + msg.PUBLISH_RELEASE.format(release=outcome.release, kept=outcome.releases_kept)
    elif outcome.release:
        text += " " + msg.PUBLISH_COMMIT.format(commit=outcome.release)
    return text


def roll_back(settings: Settings, target: str) -> int:
    """Make the previous release live again."""
    options = settings.options.publish
    try:
        if target == "ssh":
            from .ssh import rollback

            assert options.ssh is not None
            was, now = rollback(options.ssh, settings.root)
        elif target == "github_pages":
            from .ghpages import rollback as github_rollback

            assert options.github_pages is not None
            was, now = github_rollback(options.github_pages, settings.root)
        else:
            _print(msg.ROLLBACK_NOT_FOR_FOLDER, error=True)
            return 1
    except PublishError as error:
        _print(str(error), error=True)
        return 1
    _print(msg.ROLLBACK_DONE.format(was=was, now=now))
    return 0


def run(args: argparse.Namespace, settings: Settings) -> str | int:
    """The checks before any build: → the target to send to, or an exit code."""
    target = choose_target(settings, args.to)
    if target is None:
        return 1
    if args.rollback:
        return roll_back(settings, target)
    if not guard(settings, args.allow_sample):
        return 1
    return target
