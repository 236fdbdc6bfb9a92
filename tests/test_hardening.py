"""Bad input never breaks or leaks the site: a corpus of broken and hostile profiles, each
with its exact problem (file, line, field), exit code 1, and the previous site intact."""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .sample import copy_project, run_main

GOOD = """---
name: Mô hình kiểm thử
kind: model
field: chuyen-doi-so
hamlet: dong-tam
registered: 2022-05-01
summary: Một mô hình để kiểm thử.
criteria: [cds-1]
status: published
evaluations:
  - year: 2022
    result: tot
---

## Cách làm

Làm từng bước.

## Kết quả

Tốt.

## Bài học kinh nghiệm

Kiên trì.
"""
SLUG = "ho-so-loi"
REL = f"exemplars/{SLUG}/index.md"


def profile(text: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        folder = project / "exemplars" / SLUG
        folder.mkdir(exist_ok=True)
        (folder / "index.md").write_text(text, encoding="utf-8")

    return write


def good(old: str, new: str) -> Callable[[Path], None]:
    assert old in GOOD, old
    return profile(GOOD.replace(old, new, 1))


def raw_bytes(data: bytes) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        folder = project / "exemplars" / SLUG
        folder.mkdir()
        (folder / "index.md").write_bytes(data)

    return write


def registry(old: str, new: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        path = project / "exemplars" / "registry.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


def second_profile_named(name: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        profile(GOOD)(project)
        folder = project / "exemplars" / "ho-so-thu-hai"
        folder.mkdir()
        (folder / "index.md").write_text(GOOD.replace("Mô hình kiểm thử", name), encoding="utf-8")

    return write


def folder_named(name: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        folder = project / "exemplars" / name
        folder.mkdir()
        (folder / "index.md").write_text(GOOD, encoding="utf-8")

    return write


BOMB = "name: A\nkind: model\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
BOMB += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
INDIVIDUAL = GOOD.replace("kind: model", "kind: individual").replace(
    "status: published", "status: published\nconsent: {given: true, date: 2022-05-01}"
)


def visit_text(old: str, new: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        path = project / "visits" / "tham-quan-kinh-te-che-2024.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


def visited_profile(old: str, new: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


def linked(name: str, target: str) -> Callable[[Path], None]:
    """A symbolic link ``name`` in the project, to ``target`` (relative to the project's
    parent: outside it)."""

    def write(project: Path) -> None:
        outside = project.parent / "ngoai-du-an"
        outside.mkdir(exist_ok=True)
        (outside / "khoa-bi-mat.txt").write_text("BÍ MẬT", encoding="utf-8")
        (outside / "index.md").write_text(GOOD, encoding="utf-8")
        link = project / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(project.parent / target)

    return write


def settings(old: str, new: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        path = project / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


VISIT_REL = "visits/tham-quan-kinh-te-che-2024.yml"
VISITED_REL = "exemplars/doi-che-ban-quyen/index.md"


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Path], None]
    expected: str  # the start of the reported line: "file:line: LỖI [field]"
    words: str  # a phrase of the Vietnamese message


CASES = [
    Case("yaml-syntax", good("kind: model", "kind: [model"), f"{REL}:4: LỖI:", "cú pháp YAML"),
    Case(
        "yaml-python-tag",
        good("name: Mô hình kiểm thử", "name: !!python/object/apply:os.system [id]"),
        f"{REL}:2: LỖI [name]",
        "thẻ YAML",
    ),
    Case(
        "yaml-custom-tag", good("summary: Một", "summary: !secret Một"), f"{REL}:7: LỖI [summary]", "thẻ YAML"
    ),
    Case("yaml-alias-bomb", profile(f"---\n{BOMB}---\n"), f"{REL}:5: LỖI:", "tham chiếu YAML"),
    Case(
        "duplicate-key",
        good("status: published", "status: published\nname: Tên khác"),
        f"{REL}:10: LỖI [name]",
        "viết hai lần",
    ),
    Case(
        "not-utf8",
        raw_bytes(GOOD.replace("Tốt.", "Tốt \xff").encode("utf-8").replace(b"\xc3\xbf", b"\xff")),
        f"{REL}:21: LỖI:",
        "UTF-8",
    ),
    Case("empty-file", raw_bytes(b"  \n"), f"{REL}: LỖI:", "Tệp rỗng"),
    Case("huge-file", profile(GOOD + "x" * 600_000), f"{REL}: LỖI:", "Tệp quá lớn"),
    Case("no-front-matter", profile("# Chỉ có câu chuyện\n"), f"{REL}:1: LỖI:", "Thiếu phần thông tin đầu"),
    Case("unclosed-front-matter", profile("---\nname: A\n"), f"{REL}:1: LỖI:", "không có dòng “---” đóng"),
    Case("front-matter-list", profile("---\n- a\n- b\n---\n"), f"{REL}:1: LỖI:", "trường: giá trị"),
    Case(
        "bad-slug",
        folder_named("Ho-So Loi"),
        "exemplars/Ho-So Loi/index.md: LỖI:",
        "không dùng được làm địa chỉ",
    ),
    Case(
        "duplicate-name",
        second_profile_named("Mô hình  KIỂM thử"),
        "exemplars/ho-so-thu-hai/index.md:2: LỖI [name]",
        "trùng với hồ sơ",
    ),
    Case(
        "unknown-field",
        good("field: chuyen-doi-so", "field: chuyen-doi"),
        f"{REL}:4: LỖI [field]",
        "Có phải ý bạn là “chuyen-doi-so”",
    ),
    Case("unknown-hamlet", good("hamlet: dong-tam", "hamlet: dong-tan"), f"{REL}:5: LỖI [hamlet]", "Mã xóm"),
    Case(
        "unknown-organization",
        good("hamlet: dong-tam", "organization: hoi-nong"),
        f"{REL}:5: LỖI [organization]",
        "Mã tổ chức",
    ),
    Case(
        "unknown-result",
        good("result: tot", "result: gioi"),
        f"{REL}:12: LỖI [evaluations[0].result]",
        "Mã kết quả đánh giá",
    ),
    Case("unknown-criterion", good("[cds-1]", "[cds-9]"), f"{REL}:8: LỖI [criteria[0]]", "Tiêu chí “cds-9”"),
    Case(
        "impossible-date",
        good("2022-05-01", "2022-02-30"),
        f"{REL}:6: LỖI [registered]",
        "phải là ngày có thật",
    ),
    Case("future-date", good("2022-05-01", "2099-05-01"), f"{REL}:6: LỖI [registered]", "tương lai"),
    Case(
        "future-year", good("year: 2022", "year: 2099"), f"{REL}:11: LỖI [evaluations[0].year]", "tương lai"
    ),
    Case(
        "wrong-type-int",
        good("year: 2022", "year: hai nghìn"),
        f"{REL}:11: LỖI [evaluations[0].year]",
        "một số nguyên",
    ),
    Case(
        "wrong-type-list",
        good("criteria: [cds-1]", "criteria: {a: 1}"),
        f"{REL}:8: LỖI [criteria]",
        "một danh sách",
    ),
    Case(
        "bad-choice",
        good("kind: model", "kind: group"),
        f"{REL}:3: LỖI [kind]",
        "collective, individual, model",
    ),
    Case("unknown-key", good("summary:", "sumary:"), f"{REL}:7: LỖI [sumary]", "Có phải ý bạn là “summary”"),
    Case("missing-field", good("status: published\n", ""), f"{REL}:2: LỖI [status]", "còn để trống"),
    Case(
        "duplicate-year",
        good("    result: tot\n", "    result: tot\n  - year: 2022\n    result: dat\n"),
        f"{REL}:13: LỖI [evaluations[1].year]",
        "đã có đánh giá",
    ),
    Case(
        "link-missing",
        good("Tốt.", "Xem [ở đây](../khong-ton-tai/index.md)."),
        f"{REL}:21: LỖI [story]",
        "“khong-ton-tai” không tồn tại",
    ),
    Case(
        "link-draft",
        good("Tốt.", "[nháp](../mo-hinh-homestay-atk-gan-voi-doi-che-xom-ban-moi/index.md)"),
        f"{REL}:21: LỖI [story]",
        "chưa được công bố",
    ),
    Case(
        "consent-missing",
        good("kind: model", "kind: individual"),
        f"{REL}:2: LỖI [consent]",
        "sự đồng ý công bố",
    ),
    Case(
        "consent-without-date",
        profile(INDIVIDUAL.replace("{given: true, date: 2022-05-01}", "{given: true}")),
        f"{REL}:10: LỖI [consent.date]",
        "“Ngày đồng ý”",
    ),
    Case(
        "phone-in-story",
        profile(INDIVIDUAL.replace("Tốt.", "Gọi 0912 345 678.")),
        f"{REL}:22: LỖI [story]",
        "số điện thoại “0912 345 678”",
    ),
    Case(
        "id-in-front-matter",
        profile(INDIVIDUAL.replace("để kiểm thử.", "CCCD 001203004567.")),
        f"{REL}:7: LỖI [summary]",
        "số CMND/CCCD",
    ),
    Case(
        "email-in-story", good("Kiên trì.", "Viết cho a.b@example.com."), f"{REL}:25: LỖI [story]", "e-mail"
    ),
    Case("unclosed-html", good("Tốt.", "<div>mở mà không đóng"), f"{REL}:21: LỖI [story]", "Thẻ HTML <div>"),
    Case(
        "external-image",
        good("Tốt.", "![ảnh](https://example.com/a.png)"),
        f"{REL}:21: LỖI [story]",
        "trang web khác",
    ),
    Case(
        "replication-both",
        good(
            "status: published",
            "status: published\nreplications:\n  - {hamlet: na-a, place: Hà Nội, year: 2023, units: 2}",
        ),
        f"{REL}:11: LỖI [replications[0]]",
        "chỉ một trong hai",
    ),
    Case(
        "registry-color", registry('color: "#2e7d32"', "color: green"), "exemplars/registry.yml:", "#RRGGBB"
    ),
    # Issue 14: hostile input, round two.
    Case("bidi-in-name", good("name: Mô hình", "name: Mô \u202ehình"), f"{REL}:2: LỖI [name]", "U+202E"),
    Case(
        "escape-in-summary",
        good("summary: Một mô hình để kiểm thử.", r'summary: "Một \e[2J mô hình."'),
        f"{REL}:7: LỖI [summary]",
        "U+001B",
    ),
    Case("raw-escape-byte", good("summary: Một", "summary: Một \x1b[2J"), f"{REL}:7: LỖI:", "U+001B"),
    Case(
        "zero-width-in-name", good("name: Mô hình", "name: Mô\u200bhình"), f"{REL}:2: LỖI [name]", "ký tự ẩn"
    ),
    Case(
        "phone-in-brackets",
        good("Tốt.", "Gọi (0912) 345 678."),
        f"{REL}:21: LỖI [story]",
        "số điện thoại “0912 345 678”",
    ),
    Case(
        "phone-with-label",
        good("để kiểm thử.", "để kiểm thử, ĐT0912345678."),
        f"{REL}:7: LỖI [summary]",
        "số điện thoại “0912345678”",
    ),
    Case(
        "phone-with-en-dashes",
        good("Kiên trì.", "Gọi +84 (0) 912–345–678."),
        f"{REL}:25: LỖI [story]",
        "số điện thoại",
    ),
    Case("id-in-groups", good("Tốt.", "CCCD 0012 3456 7890."), f"{REL}:21: LỖI [story]", "số CMND/CCCD"),
    Case("email-unicode-domain", good("Tốt.", "Thư: ba@xã-điềm-mặc.vn"), f"{REL}:21: LỖI [story]", "e-mail"),
    Case(
        "visit-personal-data",
        visit_text("notes: Xem sổ nhật ký", "notes: Gọi (0912) 345–678. Xem sổ nhật ký"),
        f"{VISIT_REL}:10: LỖI [stops[0].notes]",
        "số điện thoại “0912 345-678”",
    ),
    Case(
        "legacy-font-with-soft-hyphen",
        good("name: Mô hình kiểm thử", "name: M\xadêng Kh\xad¬ng"),
        f"{REL}:2: LỖI [name]",
        "TCVN3",
    ),
    Case(
        "huge-integer",
        good("year: 2022", "year: " + "9" * 5000),
        f"{REL}:11: LỖI [evaluations[0].year]",
        "quá dài",
    ),
    Case(
        "nan-figure",
        good("    result: tot", "    result: tot\n    figures: {income: .nan}"),
        f"{REL}:13: LỖI [evaluations[0].figures.income]",
        "con số thật",
    ),
    Case(
        "infinite-figure",
        good("    result: tot", "    result: tot\n    figures: {income: 1e400}"),
        f"{REL}:13: LỖI [evaluations[0].figures.income]",
        "con số thật",
    ),
    Case("repeated-criterion", good("[cds-1]", "[cds-1, cds-1]"), f"{REL}:8: LỖI [criteria[1]]", "một lần"),
    Case(
        "repeated-other-field",
        good("criteria: [cds-1]", "other_fields: [cai-cach-hanh-chinh, cai-cach-hanh-chinh]"),
        f"{REL}:8: LỖI [other_fields[1]]",
        "một lần",
    ),
    Case(
        "reversed-plan-period",
        registry("years: [2022, 2025]", "years: [2025, 2022]"),
        "exemplars/registry.yml:",
        "sau năm kết thúc",
    ),
    Case(
        "nfd-duplicate-name",
        second_profile_named(unicodedata.normalize("NFD", "Mô hình kiểm thử")),
        "exemplars/ho-so-thu-hai/index.md:2: LỖI [name]",
        "trùng với hồ sơ",
    ),
    Case(
        "folder-not-utf8",
        folder_named("ho-so-\udcff"),
        "exemplars/ho-so-<0xFF>/index.md: LỖI:",
        "Tên thư mục",
    ),
    Case(
        "unprintable-in-visited-profile",
        visited_profile("name: Tổ hợp tác", "name: 𠀀 Tổ hợp tác"),
        f"{VISITED_REL}:3: LỖI [name]",
        "không in được",
    ),
    Case(
        "registry-org-kind",
        registry("kind: truong-hoc}", "kind: truong}"),
        "exemplars/registry.yml:",
        "Mã loại tổ chức “truong”",
    ),
    Case(
        "phone-in-folder-name",
        folder_named("ho-so-0912345678"),
        "exemplars/ho-so-0912345678: LỖI:",
        "số điện thoại “0912345678”",
    ),
    Case(
        "id-number-in-photo-name",
        good(
            "status: published", "status: published\nphotos:\n  - {file: cccd_079123456789.jpg, caption: Ảnh}"
        ),
        f"{REL}:11: LỖI [photos[0].file]",
        "số CMND/CCCD “079123456789”",
    ),
    Case(
        "mkdocs-site-url-without-scheme",
        settings("site_url: https://dienhinh.example.vn/", "site_url: dienhinh.diemmac.gov.vn"),
        "mkdocs.yml:3: LỖI [site_url]:",
        "phải bắt đầu bằng https://",
    ),
    Case(
        "mkdocs-missing-docs-dir",
        settings("docs_dir: content", "docs_dir: noi-dung"),
        "mkdocs.yml:4: LỖI [docs_dir]:",
        "“noi-dung” không có",
    ),
    Case(
        "mkdocs-misspelt-extension",
        settings("  - admonition\n", "  - admonitoin\n"),
        "mkdocs.yml:",
        "phần mở rộng Markdown “admonitoin”",
    ),
    Case(
        "content-link-out-of-project",
        linked("content/khoa.txt", "ngoai-du-an/khoa-bi-mat.txt"),
        "content/khoa.txt: LỖI:",
        "trỏ ra ngoài thư mục",
    ),
    Case(
        "content-folder-link-out",
        linked("content/tai-lieu", "ngoai-du-an"),
        "content/tai-lieu: LỖI:",
        "liên kết (symlink)",
    ),
    Case(
        "profile-folder-link-out",
        linked("exemplars/ho-so-lien-ket", "ngoai-du-an"),
        "exemplars/ho-so-lien-ket: LỖI:",
        "trỏ ra ngoài thư mục",
    ),
    Case(
        "profile-index-link-out",
        linked("exemplars/ho-so-chi-co-lien-ket/index.md", "ngoai-du-an/index.md"),
        "exemplars/ho-so-chi-co-lien-ket/index.md: LỖI:",
        "trỏ ra ngoài thư mục",
    ),
    Case(
        "content-link-to-settings",
        linked("content/cai-dat.md", "project/mkdocs.yml"),
        "content/cai-dat.md: LỖI:",
        "trỏ ra ngoài thư mục",
    ),
]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def previous_site(sample_site: Path) -> dict[str, str]:
    return digest(sample_site)


def test_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_and_site_kept(
    case: Case, tmp_path: Path, sample_site: Path, previous_site: dict[str, str]
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(sample_site, project / "site")
    case.mutate(project)
    result = run_main("build", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    matching = [line for line in output.splitlines() if line.startswith(case.expected)]
    assert matching, f"expected a line starting with {case.expected!r} in:\n{output}"
    assert any(case.words in line for line in matching), matching
    assert "trang đã công bố trước đó vẫn giữ nguyên" in output
    assert digest(project / "site") == previous_site
    assert not list(project.glob(".site.*"))  # no staging litter
