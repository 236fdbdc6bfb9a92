"""`dienhinh init`: a new commune's project in one command, from flags or from questions in a
terminal; `check` and `build` pass on it at once and its site holds no sample text; it never
writes over a project."""

from __future__ import annotations

import gzip
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from dienhinh.records.catalog import load_catalog
from dienhinh.records.settings import Settings
from dienhinh.staff.init import (
    codes_for,
    commune_name,
    default_period,
    organization_kind,
    parse_list,
    parse_period,
    province_name,
)

from .sample import ROOT, copy_project, run_main
from .test_site import CATALOG, REGISTRY

HAMLETS = "Xóm Khe Mát\nXóm Làng Tre\nThôn Đồng Cỏ"
ORGANIZATIONS = "1. Hội Nông dân xã\n2. Trường Tiểu học xã\n- Ủy ban nhân dân xã\n• Hợp tác xã rau an toàn"


def sample_texts() -> list[str]:
    """What only the sample project says: its commune and district, the illustrative marks,
    every sample profile's name and every sample hamlet's name."""
    texts = ["Điềm Mặc", "Định Hóa", "minh họa", "Dữ liệu minh họa"]
    texts += [e.name for e in CATALOG.exemplars]
    texts += [h.name for h in REGISTRY.hamlets]
    return texts


def test_parse_list_takes_what_people_paste() -> None:
    pasted = "1. Xóm A\n2) Xóm B\n\n- Xóm C\n• Xóm D\n3\tXóm E\n  Xóm   F  ;Xóm G\nxóm a\n"
    assert parse_list(pasted) == ["Xóm A", "Xóm B", "Xóm C", "Xóm D", "Xóm E", "Xóm F", "Xóm G"]
    assert parse_list("") == []


def test_names_codes_kinds_and_periods() -> None:
    assert commune_name("Hòa Bình") == "xã Hòa Bình"
    assert commune_name("Xã Hòa Bình") == "xã Hòa Bình"
    assert commune_name("phường Tân Lập") == "phường Tân Lập"
    assert province_name("Thái Nguyên") == "tỉnh Thái Nguyên"
    assert province_name("Thành phố Hà Nội") == "thành phố Hà Nội"
    assert codes_for(["Xóm Bản Quyền", "Thôn Đồng Cỏ", "Xóm 1", "Bản Quyền"], strip=("xom-", "thon-")) == [
        "ban-quyen",
        "dong-co",
        "1",
        "ban-quyen-2",
    ]
    assert codes_for(["Hội Nông dân xã"], drop_suffix="-xa") == ["hoi-nong-dan"]
    kinds = {
        "Hội Nông dân xã": "doan-the",
        "Ủy ban Mặt trận Tổ quốc xã": "doan-the",
        "Trường Mầm non xã": "truong-hoc",
        "Hợp tác xã chè": "hop-tac-xa",
        "Ủy ban nhân dân xã": "co-quan",
        "Trạm Y tế xã": "co-quan",
    }
    assert {name: organization_kind(name) for name in kinds} == kinds
    assert default_period(2026) == (2026, 2030) and default_period(2031) == (2031, 2035)
    assert default_period(2029) == (2026, 2030)
    assert parse_period("2026 – 2030") == (2026, 2030) and parse_period("2030-2026") is None
    assert parse_period("sau này") is None


def init(target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_main(
        "init",
        str(target),
        "--commune",
        "Khe Mát",
        "--province",
        "Thái Nguyên",
        "--hamlets",
        HAMLETS,
        "--organizations",
        ORGANIZATIONS,
        "--period",
        "2026-2030",
        *extra,
        cwd=target.parent,
    )


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by init (flags, no terminal), then built with `dienhinh build`."""
    project = tmp_path_factory.mktemp("init") / "xa-moi"
    result = init(project, "--decision", "15/KH-UBND")
    assert result.returncode == 0, result.stdout + result.stderr
    check = run_main("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_main("build", cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    return project


def test_init_writes_a_clean_project(new_site: Path) -> None:
    project = new_site
    for entry in ("mkdocs.yml", "exemplars/registry.yml", "content/gioi-thieu.md", ".gitignore"):
        assert (project / entry).exists(), entry
    # The commune's own files only: the theme stays in the package, where upgrades reach it.
    assert sorted(p.name for p in project.iterdir() if p.name not in ("site", ".cache")) == [
        ".gitignore", "content", "exemplars", "mkdocs.yml",
    ]
    assert [p.name for p in (project / "exemplars").iterdir()] == ["registry.yml"]  # no profile
    registry = yaml.safe_load((project / "exemplars" / "registry.yml").read_text(encoding="utf-8"))
    assert registry["commune"] == {
        "name": "xã Khe Mát",
        "province": "tỉnh Thái Nguyên",
        "sample_data": False,
        "purpose": registry["commune"]["purpose"],
    }
    assert [h["code"] for h in registry["hamlets"]] == ["khe-mat", "lang-tre", "dong-co"]
    assert [(o["code"], o["kind"]) for o in registry["organizations"]] == [
        ("hoi-nong-dan", "doan-the"),
        ("truong-tieu-hoc", "truong-hoc"),
        ("uy-ban-nhan-dan", "co-quan"),
        ("hop-tac-xa-rau-an-toan", "hop-tac-xa"),
    ]
    (period,) = registry["periods"]
    assert period["years"] == [2026, 2030] and registry["current_period"] == period["code"] == "2026-2030"
    assert period["decision"] == {"number": "15/KH-UBND"}
    # Two levels since 1 July 2025: no district, and no district commendation level.
    assert "district" not in registry["commune"]
    assert [level["code"] for level in registry["commendation_levels"]] == ["xa", "tinh", "trung-uong"]
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    catalog = load_catalog(settings)
    assert catalog.ok and catalog.exemplars == ()
    assert settings.overrides_dir == project / "overrides" and settings.legacy_templates is None
    assert settings.theme.find("pages/home.md.j2") == ROOT / "site_templates" / "pages" / "home.md.j2"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in text and "templates_dir" not in text and "site_templates" not in text


def test_the_new_site_has_no_sample_text(new_site: Path) -> None:
    site = new_site / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    texts = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in pages}
    texts["sitemap.xml"] = (site / "sitemap.xml").read_text(encoding="utf-8")
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        texts[fragment.name] = gzip.decompress(fragment.read_bytes()).decode("utf-8")
    # The officers' guides come with every commune (the messages point to them); they speak
    # of the tool's sample data ("dữ liệu minh họa") but name nothing of the sample commune.
    guides = {f"{page}/index.html" for page in GUIDES}
    found = sorted(
        {
            (name, sample)
            for name, text in texts.items()
            for sample in sample_texts()
            if sample in text and not (name in guides and sample in ("minh họa", "Dữ liệu minh họa"))
        }
    )
    assert found == []
    home = texts["index.html"]
    assert "Điển hình tiên tiến xã Khe Mát" in home and "Xóm Khe Mát" in home
    assert "giai đoạn 2026 – 2030 của xã Khe Mát, tỉnh Thái Nguyên" in home
    assert "Trang đang chờ những điển hình đầu tiên" in home  # welcomed, not a column of zeros
    assert (site / "giai-doan" / "2026-2030" / "index.html").is_file()
    assert (site / "tien-cu" / "index.html").is_file()
    assert not list((site / "dien-hinh").glob("*/index.html"))


GUIDES = ("huong-dan-bien-tap", "huong-dan-nhieu-may", "dua-trang-len-mang")


def test_the_officers_guides_come_with_a_new_commune(new_site: Path) -> None:
    """The guide the messages point to ("Đưa trang lên mạng") is the new commune's own page,
    the same words as the sample's, with its pictures; out of the menu, linked from the footer."""
    for page in GUIDES:
        own = (new_site / "content" / f"{page}.md").read_text(encoding="utf-8")
        assert own == (ROOT / "content" / f"{page}.md").read_text(encoding="utf-8"), page
        assert (new_site / "site" / page / "index.html").is_file()
    pictures = re.findall(r"\]\((hinh/[^)]+)\)", (new_site / "content" / "huong-dan-bien-tap.md").read_text())
    assert pictures and all((new_site / "content" / p).is_file() for p in pictures)
    assert all((new_site / "site" / p).is_file() for p in pictures)
    home = (new_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="huong-dan-bien-tap/"' in home and "dua-trang-len-mang" not in home.split("<main")[0]


def test_init_writes_the_site_address(tmp_path: Path) -> None:
    project = tmp_path / "xa"
    result = init(project, "--site-url", "dienhinh.khemat.gov.vn")
    assert result.returncode == 0, result.stdout + result.stderr
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://dienhinh.khemat.gov.vn/"' in config
    refused = init(tmp_path / "xa-2", "--site-url", "xã Khe Mát")
    assert refused.returncode == 1 and "Địa chỉ trang web “xã Khe Mát” không dùng được" in refused.stdout
    assert not (tmp_path / "xa-2" / "mkdocs.yml").exists()


def test_init_refuses_to_write_over_a_project(new_site: Path) -> None:
    before = {p: p.read_bytes() for p in new_site.rglob("*") if p.is_file() and "site" not in p.parts}
    result = init(new_site)
    assert result.returncode == 1
    assert "Đã có dự án ở đây" in result.stdout and "không ghi đè" in result.stdout
    after = {p: p.read_bytes() for p in new_site.rglob("*") if p.is_file() and "site" not in p.parts}
    assert after == before
    sample = copy_project(new_site.parent / "mau", parts=("mkdocs.yml",))
    result = run_main("init", str(sample), "--commune", "X", "--province", "Y", "--hamlets", "Z", cwd=sample)
    assert result.returncode == 1 and "mkdocs.yml" in result.stdout
    assert sorted(p.name for p in sample.iterdir()) == ["mkdocs.yml"]


def test_init_without_a_terminal_names_what_is_missing(tmp_path: Path) -> None:
    result = run_main("init", str(tmp_path / "du-an"), "--commune", "Khe Mát", cwd=tmp_path)
    assert result.returncode == 1 and "Thiếu --province" in result.stdout
    result = run_main("init", str(tmp_path / "du-an"), "--commune", "A", "--province", "B", cwd=tmp_path)
    assert result.returncode == 1 and "Cần ít nhất một xóm" in result.stdout
    bad = run_main(
        "init", str(tmp_path / "du-an"), "--commune", "A", "--province", "B", "--hamlets", "C",
        "--period", "2030-2026", cwd=tmp_path,
    )  # fmt: skip
    assert bad.returncode == 1 and "Giai đoạn “2030-2026” không hợp lệ" in bad.stdout
    assert not (tmp_path / "du-an" / "mkdocs.yml").exists()
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    a_file = run_main(
        "init", str(tmp_path / "tep"), "--commune", "A", "--province", "B", "--hamlets", "C", cwd=tmp_path
    )
    assert a_file.returncode == 1 and "không phải thư mục" in a_file.stdout
    assert "Traceback" not in result.stderr + bad.stderr + a_file.stderr


def test_init_takes_the_overrides_of_another_project(tmp_path: Path) -> None:
    """--from: an existing commune's own theme changes (wherever its mkdocs.yml says they are)
    come along; the rest of the theme stays the package's."""
    source = copy_project(tmp_path / "xa-cu", parts=("mkdocs.yml",))
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      registry: exemplars/registry.yml\n",
            "      registry: exemplars/registry.yml\n      overrides_dir: giao-dien\n",
        ),
        encoding="utf-8",
    )
    home = source / "giao-dien" / "pages" / "home.md.j2"
    home.parent.mkdir(parents=True)
    theirs = (ROOT / "site_templates" / "pages" / "home.md.j2").read_text(encoding="utf-8")
    home.write_text(theirs + "\nMẫu riêng của xã cũ.\n", encoding="utf-8")
    result = init(tmp_path / "xa-moi", "--from", str(source))
    assert result.returncode == 0, result.stdout + result.stderr
    copied = tmp_path / "xa-moi" / "overrides" / "pages" / "home.md.j2"
    assert copied.read_text(encoding="utf-8").endswith("Mẫu riêng của xã cũ.\n")
    assert [p.name for p in (tmp_path / "xa-moi" / "overrides").rglob("*") if p.is_file()] == ["home.md.j2"]
    missing = run_main("init", str(tmp_path / "khac"), "--from", str(tmp_path / "khong-co"), cwd=tmp_path)
    assert missing.returncode == 1 and "Không thấy phần giao diện riêng" in missing.stdout
    assert not (tmp_path / "khac").exists()


def _talk(args: list[str], answers: list[str], cwd: Path, timeout: float = 120) -> tuple[int, str]:
    """Run the command on a pseudo-terminal (it asks questions only on one), typing each answer
    when the previous output has arrived; → exit code and everything it printed."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "dienhinh.cli", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200", "TERM": "dumb"},
    )
    os.close(slave)
    output = b""
    deadline = time.monotonic() + timeout
    pending = list(answers)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the command ended and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if pending and output.rstrip().endswith((b":", b">")):
                os.write(master, (pending.pop(0) + "\n").encode("utf-8"))
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(master)
    return process.returncode, output.decode("utf-8", "replace")


def test_init_asks_in_vietnamese_in_a_terminal(tmp_path: Path) -> None:
    """Questions one by one; the hamlets pasted one per line, ended by an empty line."""
    answers = ["Khe Mát", "Thái Nguyên", "Xóm Khe Mát", "Xóm Làng Tre", "", "Hội Nông dân xã", "", "",
               "https://dienhinh.khemat.gov.vn"]
    code, out = _talk(["init", "du-an"], answers, tmp_path)
    assert code == 0, out
    for question in (
        "Tên xã",
        "Tỉnh",
        "Các xóm: dán danh sách",
        "Các tổ chức",
        "Giai đoạn kế hoạch hiện tại",
        "Địa chỉ trang web của xã",
    ):
        assert question in out, question
    registry = yaml.safe_load((tmp_path / "du-an" / "exemplars" / "registry.yml").read_text(encoding="utf-8"))
    assert [h["name"] for h in registry["hamlets"]] == ["Xóm Khe Mát", "Xóm Làng Tre"]
    assert [o["name"] for o in registry["organizations"]] == ["Hội Nông dân xã"]
    first, last = default_period(time.localtime().tm_year)
    assert registry["periods"][0]["years"] == [first, last]
    config = (tmp_path / "du-an" / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://dienhinh.khemat.gov.vn/"' in config
