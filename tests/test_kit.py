"""The tests' own kit: the in-process runner (sample.run_main) answers as the command in a
process of its own does and leaves the test process as it found it; each test's kind
(conftest.py) is told from what it uses."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from . import test_browser_photos, test_escaping, test_site_photos, test_staging, test_validate
from .conftest import kind_of
from .sample import copy_project, run_cli, run_main


def _logging_state() -> list[tuple[str, list[logging.Handler], int, bool]]:
    loggers = [logging.getLogger(name) for name in ("", "dienhinh", "mkdocs", "weasyprint")]
    return [(lg.name, list(lg.handlers), lg.level, lg.propagate) for lg in loggers]


@pytest.mark.parametrize(
    "args",
    [
        ["check"],  # the sample's warnings, exit code 0
        ["new", "--kind", "model"],  # a missing option: exit code 1, a Vietnamese message
        ["khong-co-lenh"],  # argparse's usage error: exit code 2
    ],
)
def test_run_main_answers_as_the_process_does(tmp_path: Path, args: list[str]) -> None:
    # Two copies (a build's output tells what its cache held), named alike in the output.
    answers = []
    for run, folder in ((run_main, tmp_path / "a"), (run_cli, tmp_path / "b")):
        result = run(*args, cwd=copy_project(folder))
        shown = (result.stdout + "\0" + result.stderr).replace(str(folder), "<project>")
        answers.append((result.returncode, shown))
    assert answers[0] == answers[1]


def test_a_build_in_process_leaves_logging_as_it_found_it(project: Path) -> None:
    # A build sets up its console handler and levels; the next run in this process must not
    # find them (its output would go to the earlier run's streams too).
    before = _logging_state()
    for _ in range(2):
        result = run_main("build", "--strict", "-d", "site", cwd=project)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("Đã dựng trang web") == 1, result.stdout
        assert _logging_state() == before



def test_a_test_is_the_kind_of_what_it_uses(request: pytest.FixtureRequest) -> None:
    # Chromium in the test's own code.
    assert kind_of([test_browser_photos.test_profile_at_phone_width_gallery_opens_and_closes]) == "browser"
    # A build in process, and a build in a process started by a helper of the module.
    assert kind_of([test_site_photos.test_second_build_processes_no_photo]) == "e2e"
    assert kind_of([test_staging.test_interrupted_build_cleans_up_and_keeps_site]) == "e2e"
    # A Hypothesis test whose examples each build a site.
    assert kind_of([test_escaping.test_no_text_field_ever_becomes_markup]) == "e2e"
    # The checks in process, and this test itself.
    assert kind_of([test_validate.test_sample_data_is_clean]) == "unit"
    assert [k for k in ("unit", "e2e", "browser") if request.node.get_closest_marker(k)] == ["unit"]
