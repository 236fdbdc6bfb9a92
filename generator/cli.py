"""``dienhinh``: check, build and serve the exemplar site. Messages are Vietnamese; a user's
mistake ends with a message and exit code 1, never a traceback. The commands themselves live
in commands/, one module each."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import commands
from .commands.terminal import say
from .rendering import TemplateFailed


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = commands.parser().parse_args(argv)
    try:
        return commands.run(args)
    except TemplateFailed as error:  # a commune's override with a mistake
        say(str(error), error=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
