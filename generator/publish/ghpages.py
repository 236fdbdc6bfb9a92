"""Publishing to GitHub Pages: the built site becomes one commit on a ``gh-pages`` branch of
the project's Git repository (ghp-import, as ``mkdocs gh-deploy`` does), pushed to a remote.
Git sends only the files whose bytes changed (a file's content is its name in Git), so a
build that changed one profile pushes one page and the search index's changed parts.
``--rollback`` moves the branch back to the commit before (a push with lease)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ghp_import

from ..messages import publish as msg
from ..records.settings import GitHubPagesTarget, Settings
from .manifest import Outcome, PublishError, scan, withdrawn_slugs


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace"
    )


def _revision(root: Path, ref: str) -> str | None:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return result.stdout.strip() or None if result.returncode == 0 else None


def _reason(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    return lines[-1].removeprefix("fatal: ").removeprefix("error: ") if lines else str(result.returncode)


def _check_repository(root: Path, target: GitHubPagesTarget) -> None:
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise PublishError(msg.GHP_NOT_A_REPOSITORY.format(root=root))
    if target.remote not in _git(root, "remote").stdout.split():
        raise PublishError(msg.GHP_NO_REMOTE.format(remote=target.remote))


def _fetch(root: Path, target: GitHubPagesTarget) -> str | None:
    """The branch as the remote has it now (None: not there yet); the local branch follows."""
    tracking = f"refs/remotes/{target.remote}/{target.branch}"
    fetched = _git(root, "fetch", "--quiet", target.remote, f"+refs/heads/{target.branch}:{tracking}")
    if fetched.returncode != 0:
        if _git(root, "ls-remote", "--exit-code", target.remote).returncode not in (0, 2):
            raise PublishError(msg.GHP_FETCH_FAILED.format(remote=target.remote, reason=_reason(fetched)))
        return None  # the remote answers but has no such branch: the first publish
    return _revision(root, tracking)


@contextlib.contextmanager
def _committer(root: Path) -> Iterator[None]:
    """A committer name for the publish commit when Git has none configured."""
    added = {}
    for variable, key, default in (
        ("GIT_COMMITTER_NAME", "user.name", "dienhinh"),
        ("GIT_COMMITTER_EMAIL", "user.email", "dienhinh@localhost"),
    ):
        if variable not in os.environ and not _git(root, "config", key).stdout.strip():
            added[variable] = os.environ[variable] = default
    try:
        yield
    finally:
        for variable in added:
            del os.environ[variable]


def _push(root: Path, target: GitHubPagesTarget, source: str, lease: str | None = None) -> None:
    args = ["push", "--quiet", target.remote, f"{source}:refs/heads/{target.branch}"]
    if lease is not None:
        args.insert(1, f"--force-with-lease=refs/heads/{target.branch}:{lease}")
    pushed = _git(root, *args)
    if pushed.returncode != 0:
        raise PublishError(msg.GHP_PUSH_FAILED.format(remote=target.remote, reason=_reason(pushed)))


def _changes(root: Path, before: str | None, after: str) -> tuple[list[str], int]:
    """(files added or changed, files removed) between two commits of the branch."""
    if before is None:
        listed = _git(root, "ls-tree", "-r", "--name-only", after)
        return listed.stdout.splitlines(), 0
    changed = _git(root, "diff", "--name-only", "--no-renames", "--diff-filter=AMT", before, after)
    removed = _git(root, "diff", "--name-only", "--no-renames", "--diff-filter=D", before, after)
    return changed.stdout.splitlines(), len(removed.stdout.splitlines())


def publish(
    site: Path, target: GitHubPagesTarget, root: Path, progress: Callable[[str], None] = lambda _: None
) -> Outcome:
    """Commit ``site`` on the branch and push it. Raises PublishError."""
    _check_repository(root, target)
    before = _fetch(root, target)
    local = scan(site)
    progress(msg.GHP_SENDING.format(remote=target.remote, branch=target.branch))
    with _committer(root), contextlib.chdir(root):
        try:
            # ghp-import keeps the branch's history (the previous commit is the parent), adds
            # .nojekyll (GitHub's Jekyll would hide folders starting with "_") and CNAME.
            ghp_import.ghp_import(
                str(site.resolve()),
                mesg=msg.GHP_COMMIT_MESSAGE,
                remote=target.remote,
                branch=target.branch,
                push=False,
                nojekyll=True,
                cname=target.cname,
            )
        except ghp_import.GhpError as error:
            raise PublishError(msg.GHP_COMMIT_FAILED.format(reason=error.message)) from error
    after = _revision(root, f"refs/heads/{target.branch}")
    if after is None or after == before:
        raise PublishError(msg.GHP_COMMIT_FAILED.format(reason=target.branch))
    _push(root, target, after)
    changed, removed = _changes(root, before, after)
    withdrawn = withdrawn_slugs(site)
    notes = (
        (msg.GHP_HISTORY_KEEPS.format(profiles=", ".join(sorted(withdrawn))),) if withdrawn and before else ()
    )
    sizes = {name: entry.size for name, entry in local.files.items()}
    return Outcome(
        target=f"{target.remote}/{target.branch}",
        sent=len(changed),
        sent_bytes=sum(sizes.get(name, 0) for name in changed),
        kept=len(local.files) - len([n for n in changed if n in sizes]),
        removed=removed,
        site_bytes=local.size,
        release=after[:12],
        notes=notes,
    )


def rollback(target: GitHubPagesTarget, root: Path) -> tuple[str, str]:
    """Move the branch back one commit: → (was live, now live), as short commit names."""
    _check_repository(root, target)
    head = _fetch(root, target)
    if head is None:
        raise PublishError(msg.ROLLBACK_NOTHING_LIVE)
    parent = _revision(root, f"{head}~1")
    if parent is None:
        raise PublishError(msg.ROLLBACK_NO_EARLIER.format(release=head[:12]))
    _push(root, target, parent, lease=head)
    _git(root, "update-ref", f"refs/heads/{target.branch}", parent)
    _git(root, "update-ref", f"refs/remotes/{target.remote}/{target.branch}", parent)
    return head[:12], parent[:12]


@dataclass(frozen=True)
class GitHubPages:
    """A gh-pages branch of the project's Git repository, pushed to its remote."""

    options: GitHubPagesTarget
    root: Path

    def publish(self, site: Path, progress: Callable[[str], None]) -> Outcome:
        return publish(site, self.options, self.root, progress)

    def rollback(self) -> tuple[str, str]:
        return rollback(self.options, self.root)


def target(settings: Settings) -> GitHubPages:
    options = settings.options.publish.github_pages
    assert options is not None
    return GitHubPages(options, settings.root)
