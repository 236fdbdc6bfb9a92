"""The wheel is the product: built from this checkout (the sdist, then the wheel from it),
installed (not editable) into a fresh virtual environment outside the checkout, and there a
new commune goes through every step an officer takes: init, new, check, build, booklet,
report --docx, edit (the editor loads in Chromium) and publish to a folder. No file of the
checkout is reachable from that environment, so whatever the tool needs must be in the wheel."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from dienhinh import clock

from .browser import chromium
from .sample import ROOT, free_port, wait_for

pytestmark = pytest.mark.e2e(weight=30)  # a wheel, a venv, a commune: first under pytest-xdist

NAME = "Tổ hợp tác rau an toàn Khe Mát"
SLUG = "to-hop-tac-rau-an-toan-khe-mat"
STORY = (
    "Mười hai hộ góp đất, cùng học quy trình VietGAP với cán bộ khuyến nông.",
    "Thu nhập mỗi hộ tăng gấp đôi; rau bán cho ba trường học của xã.",
    "Làm cùng nhau, ghi chép nhật ký đồng ruộng đầy đủ.",
)
# Not an address reserved for examples: publish refuses those without --allow-sample.
SITE_URL = "https://khemat.thainguyen.gov.vn/"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    work: Path  # the officer's folder, where the commune is made
    env: dict[str, str]

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        """The installed ``dienhinh`` executable, as an officer types it."""
        return subprocess.run(
            [str(self.venv / "bin" / "dienhinh"), *args],
            cwd=cwd or self.work, env=self.env, capture_output=True, text=True, encoding="utf-8",
            stdin=subprocess.DEVNULL, timeout=600,
        )  # fmt: skip


def outside_checkout(path: Path) -> bool:
    return not path.resolve().is_relative_to(ROOT.resolve())


def clean_environment(venv: Path) -> dict[str, str]:
    """This process's environment without anything that leads back to the checkout: no
    PYTHONPATH, no active virtual environment, no PATH entry inside the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    path = [p for p in env.get("PATH", os.defpath).split(os.pathsep) if p and outside_checkout(Path(p))]
    env["PATH"] = os.pathsep.join([str(venv / "bin"), *path])
    env["DISPLAY"] = ""  # `dienhinh edit` opens no browser; the test drives one
    return env


def build_wheel(target: Path) -> Path:
    """``python -m build``: the sdist first, then the wheel from the unpacked sdist, so what
    the sdist lacks the wheel lacks too."""
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(target), str(ROOT)],
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = target.glob("dienhinh-*-py3-none-any.whl")
    assert len(list(target.glob("dienhinh-*.tar.gz"))) == 1
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    assert outside_checkout(base)
    assert (ROOT / "generator" / "editor" / "decap" / "decap-cms.js").is_file(), (
        "Decap's bundle is not in the package's source: run scripts/bootstrap"
    )
    wheel = build_wheel(base / "dist")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(ROOT / "constraints.txt"), str(wheel)],
        capture_output=True, text=True, encoding="utf-8", timeout=900,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    work = base / "may-cua-xa"
    work.mkdir()
    yield Installed(wheel, venv, work, clean_environment(venv))


def test_the_wheel_carries_the_package_the_theme_the_editor_and_the_schema(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = {
        "dienhinh/" + path.relative_to(ROOT / "generator").as_posix()
        for path in (ROOT / "generator").rglob("*.py")
    }
    expected |= {
        "dienhinh/theme/" + path.relative_to(ROOT / "site_templates").as_posix()
        for path in (ROOT / "site_templates").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    expected |= {
        "dienhinh/" + path.relative_to(ROOT / "generator").as_posix()
        for folder in ("editor/assets", "editor/decap", "staff/starter")
        for path in (ROOT / "generator" / folder).rglob("*")
        if path.is_file()
    }
    expected |= {"dienhinh/opendata/dien-hinh.schema.json", "dienhinh/staff/legacy_theme.json"}
    assert not expected - names, sorted(expected - names)
    assert {"dienhinh/editor/decap/decap-cms.js", "dienhinh/editor/decap/LICENSE"} <= names
    assert "dienhinh/theme/report/mau-van-ban.docx" in names
    assert not [n for n in names if n.endswith((".pyc", ".map"))]
    # The package alone at the top: no generic `generator`, no `site_templates`.
    dist_info = installed.wheel.name.rsplit("-", 3)[0] + ".dist-info"
    assert {n.split("/")[0] for n in names} == {"dienhinh", dist_info}
    licence = zipfile.ZipFile(installed.wheel).read("dienhinh/editor/decap/LICENSE").decode("utf-8")
    assert "MIT License" in licence and "Netlify" in licence


def test_nothing_of_the_checkout_is_reachable(installed: Installed) -> None:
    probe = (
        "import dienhinh, dienhinh.theme, json, sys;"
        " print(json.dumps([dienhinh.__file__, dienhinh.theme.__file__, sys.path]))"
    )
    result = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", probe],
        cwd=installed.work, env=installed.env, capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    package, theme, path = json.loads(result.stdout)
    site_packages = installed.venv.resolve() / "lib"
    assert Path(package).resolve().is_relative_to(site_packages), package
    assert Path(theme).resolve().is_relative_to(site_packages), theme
    assert all(outside_checkout(Path(entry or installed.work)) for entry in path), path
    assert not list(installed.venv.rglob("__editable__*")) and not list(installed.venv.rglob("*.egg-link"))


def write_story(index: Path) -> None:
    """What an officer does next in the file `new` wrote: the story, then publish."""
    text = index.read_text(encoding="utf-8")
    assert "status: draft" in text
    story = iter(STORY)
    text = re.sub(r"<!--.*?-->", lambda _: next(story), text, flags=re.S)
    index.write_text(text.replace("status: draft", "status: published"), encoding="utf-8")


def word_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_commune_from_init_to_publish(installed: Installed) -> None:
    year = clock.today().year
    project = installed.work / "xa-khe-mat"
    run = installed.run

    init = run(
        "init", project.name, "--commune", "Khe Mát", "--province", "Thái Nguyên",
        "--hamlets", "Khe Mát; Làng Tre", "--organizations", "Hội Nông dân xã; Hợp tác xã rau an toàn",
        "--period", f"{year}-{year + 4}", "--site-url", SITE_URL,
    )  # fmt: skip
    assert init.returncode == 0, init.stdout + init.stderr
    assert sorted(p.name for p in project.iterdir()) == [".gitignore", "content", "exemplars", "mkdocs.yml"]

    new = run(
        "new", "--name", NAME, "--kind", "collective", "--field", "kinh-te-ho", "--hamlet", "khe-mat",
        "--summary", "Trồng rau an toàn theo VietGAP.", cwd=project,
    )  # fmt: skip
    assert new.returncode == 0, new.stdout + new.stderr
    write_story(project / "exemplars" / SLUG / "index.md")

    check = run("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1 hồ sơ được công bố" in check.stdout

    build = run("build", cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    page = (project / "site" / "dien-hinh" / SLUG / "index.html").read_text(encoding="utf-8")
    assert NAME in page and all(sentence in page for sentence in STORY)
    assert 'lang="vi"' in page and "xã Khe Mát" in page
    schema = (project / "site" / "du-lieu" / "dien-hinh.schema.json").read_text(encoding="utf-8")
    assert schema == (ROOT / "generator" / "opendata" / "dien-hinh.schema.json").read_text(encoding="utf-8")

    booklet = run("booklet", "--all", "-o", "so-tay.pdf", cwd=project)
    assert booklet.returncode == 0, booklet.stdout + booklet.stderr
    pdf = " ".join(p.extract_text() for p in PdfReader(project / "so-tay.pdf").pages)
    assert NAME in " ".join(pdf.split()) and "VietGAP" in pdf

    report = run("report", "--docx", "bao-cao.docx", cwd=project)
    assert report.returncode == 0, report.stdout + report.stderr
    word = word_text(project / "bao-cao.docx")
    assert "XÃ KHE MÁT" in word and NAME in word

    editor_loads_in_chromium(installed, project)

    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    plugin = "      visits_dir: visits\n"
    assert plugin in settings
    config.write_text(settings.replace(plugin, plugin + "      publish:\n        folder: ../ban-cong-bo\n"))
    publish = run("publish", "--to", "folder", cwd=project)
    assert publish.returncode == 0, publish.stdout + publish.stderr
    published = installed.work / "ban-cong-bo"
    assert NAME in (published / "dien-hinh" / SLUG / "index.html").read_text(encoding="utf-8")
    assert (published / "du-lieu" / "dien-hinh.json").is_file()


def editor_loads_in_chromium(installed: Installed, project: Path) -> None:
    """`dienhinh edit` from the wheel: Decap's bundle served from the installed package, the
    Vietnamese sign-in, then the commune's profile in the list, read through the local API."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [str(installed.venv / "bin" / "dienhinh"), "edit", "--no-browser", "--no-preview",
         "-a", f"127.0.0.1:{port}"],
        cwd=project, env=installed.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        encoding="utf-8",
    )  # fmt: skip
    try:
        wait_for(base, process)
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(base + "#/collections/exemplars")
            page.get_by_role("button", name="Vào trang biên tập").click()
            page.get_by_text(NAME).first.wait_for(timeout=60_000)
        assert base + "decap/decap-cms.js" in requests
        assert all(url.startswith((base, "data:")) for url in requests), requests
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
    assert "Trình soạn thảo: " + base in output, output
