"""``dienhinh check``: validate everything in one pass."""

from __future__ import annotations

import argparse

from ..messages import cli as msg
from ..messages import common as common_msg
from ..records.model import Use
from ..records.problems import Severity, sorted_problems
from ..records.settings import Settings
from ..records.validate import count
from .terminal import say

NAME = "check"
HELP = msg.HELP_CHECK
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    """No options: the project is the one of ``--config-file``."""


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Print the problems sorted by file and line; exit 1 if any is an error."""
    from ..build import load_project
    from .engine import settings_problems

    catalog = load_project(settings)
    # MkDocs's own settings too: "Không có lỗi" must mean the build will not stop on them.
    problems = sorted_problems([*catalog.problems, *settings_problems(settings.config_file)])
    for problem in problems:
        say(problem.format(settings.root))
    errors = count(problems, Severity.error)
    warnings = count(problems, Severity.warning)
    if errors:
        say(msg.CHECK_FAILED.format(errors=errors, warnings=warnings))
        return 1
    say(msg.CHECK_OK.format(count=len(catalog.exemplars), public=len(catalog.public)))
    for exemplar in catalog.public:
        left_out = [use for use in Use if not exemplar.may(use)]
        if left_out:
            say(msg.check_left_out(exemplar.name, [common_msg.USE_NAMES[use.value] for use in left_out]))
    if warnings:
        say(msg.CHECK_WARNINGS.format(warnings=warnings))
    return 0
