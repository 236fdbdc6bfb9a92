"""Writes generator/staff/legacy_theme.json: every version of every theme file that a 0.1
`dienhinh init` could have copied into a commune (site_templates/ in each commit up to the
last one where init copied it), by theme name and SHA-256, with the commit time each version
first appeared. `dienhinh upgrade` removes a commune's copies that equal one of them.

Run once from a checkout with its history (`python scripts/legacy_theme_history.py`); the
output is committed, and a wheel carries it (no Git at run time)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The last commit whose init copied site_templates/ into every new commune (0.1).
LAST_COPYING_COMMIT = "626cd8f"
OUTPUT = ROOT / "generator" / "staff" / "legacy_theme.json"


def git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True).stdout


def theme_name(path: str) -> str | None:
    """site_templates/overrides/main.html → material/main.html (the name in today's theme)."""
    parts = path.split("/")
    if parts[0] != "site_templates" or len(parts) < 3 or parts[-1] == "__init__.py":
        return None
    top = "material" if parts[1] == "overrides" else parts[1]
    return "/".join([top, *parts[2:]])


def main() -> int:
    commits = git("log", "--format=%H %ct", "--reverse", LAST_COPYING_COMMIT, "--", "site_templates")
    versions: dict[str, dict[str, int]] = {}
    for line in commits.decode().split("\n"):
        if not line:
            continue
        commit, time = line.split()
        tree = git("ls-tree", "-r", commit, "site_templates").decode()
        for entry in tree.split("\n"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            name = theme_name(path)
            if name is None:
                continue
            blob = meta.split()[2]
            digest = hashlib.sha256(git("cat-file", "blob", blob)).hexdigest()
            versions.setdefault(name, {}).setdefault(digest, int(time))
    history = {
        name: sorted(([time, digest] for digest, time in found.items()), key=lambda v: (v[0], v[1]))
        for name, found in sorted(versions.items())
    }
    OUTPUT.write_text(json.dumps(history, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(history)} files, {sum(map(len, history.values()))} versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
