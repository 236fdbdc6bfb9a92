"""``dienhinh publish``: check the project may go online, build it (unless ``--no-build``),
send it to the chosen target and say what was done; ``--rollback`` makes the previous
release live again. The targets themselves live in publish/ behind one protocol."""

from __future__ import annotations

import argparse

from ..messages import publish as msg
from ..publish.manifest import Outcome, PublishError
from ..publish.target import TARGETS, open_target
from ..records.load import load_registry
from ..records.settings import Settings, example_site_url, local_site_url
from .build import build_site
from .terminal import say

NAME = "publish"
HELP = msg.HELP_PUBLISH
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", choices=TARGETS, help=msg.HELP_PUBLISH_TO)
    parser.add_argument("--rollback", action="store_true", help=msg.HELP_PUBLISH_ROLLBACK)
    parser.add_argument("--no-build", action="store_true", help=msg.HELP_PUBLISH_NO_BUILD)
    parser.add_argument("--allow-sample", action="store_true", help=msg.HELP_PUBLISH_ALLOW_SAMPLE)


def run(settings: Settings, args: argparse.Namespace) -> int:
    name = choose_target(settings, args.to)
    if name is None:
        return 1
    if args.rollback:
        return roll_back(settings, name)
    if not guard(settings, args.allow_sample):
        return 1
    if not args.no_build:
        code = build_site(settings, None, strict=False, quiet=True)
        if code != 0:
            say(msg.PUBLISH_FAILED, error=True)
            return code
    return send(settings, name)


def choose_target(settings: Settings, wanted: str | None) -> str | None:
    """The target to use, or None after saying why (none configured, several, not configured)."""
    configured = settings.options.publish.targets()
    config = settings.config_file or settings.root / "mkdocs.yml"
    if wanted is not None and wanted not in configured:
        say(msg.PUBLISH_TARGET_NOT_SET.format(target=wanted, config=config.name), error=True)
        return None
    if wanted is None and not configured:
        say(msg.PUBLISH_NO_TARGET.format(config=config.name), error=True)
        return None
    if wanted is None and len(configured) > 1:
        say(msg.PUBLISH_SEVERAL_TARGETS.format(targets=", ".join(configured)), error=True)
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
            say(msg.PUBLISH_ALLOWED_ANYWAY.format(reason=reason), error=True)
        return True
    for reason in reasons:
        say(reason, error=True)
    say(msg.PUBLISH_REFUSED, error=True)
    return False


def send(settings: Settings, name: str) -> int:
    """Send the built site to the target ``name``; print what was done."""
    site = settings.site_dir or settings.root / "site"
    if not (site / "index.html").is_file():
        say(msg.PUBLISH_NOT_BUILT.format(site=site), error=True)
        return 1
    try:
        outcome = open_target(name, settings).publish(site, progress=say)
    except PublishError as error:
        say(str(error), error=True)
        say(msg.PUBLISH_FAILED, error=True)
        return 1
    except KeyboardInterrupt:
        say(msg.PUBLISH_INTERRUPTED, error=True)
        return 130
    say(_done(outcome))
    return 0


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
    if outcome.scrubbed:
        text += "\n" + msg.PUBLISH_SCRUBBED.format(count=outcome.scrubbed)
    return "\n".join([text, *outcome.notes])


def roll_back(settings: Settings, name: str) -> int:
    """Make the previous release live again."""
    try:
        was, now = open_target(name, settings).rollback()
    except PublishError as error:
        say(str(error), error=True)
        return 1
    say(msg.ROLLBACK_DONE.format(was=was, now=now))
    return 0
