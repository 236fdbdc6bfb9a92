"""What ``check`` and every build say about the commune's theme: a commune still in the 0.1
layout (the whole theme copied, so no fix of the tool reaches it), and each of its overrides
whose original in the tool's theme changed since the commune made it (it may lack a fix)."""

from __future__ import annotations

from ..messages import theme as msg
from ..theme_files import stale_overrides
from .problems import Problem, Severity
from .settings import PLUGIN_NAME, Settings


def theme_problems(settings: Settings) -> list[Problem]:
    """Warnings only: the site builds as the commune made it."""
    problems = []
    legacy = settings.legacy_templates
    if legacy is not None and legacy.is_dir():
        line = settings.config.options.line_of(("templates_dir",))
        problems.append(
            Problem(
                settings.config_file,
                line,
                f"plugins.{PLUGIN_NAME}.templates_dir",
                msg.THEME_LEGACY_LAYOUT.format(path=legacy.name),
                Severity.warning,
            )
        )
    problems += [
        Problem(path, 0, "", msg.THEME_STALE_OVERRIDE.format(name=name), Severity.warning)
        for name, path in stale_overrides(settings.theme)
    ]
    return problems
