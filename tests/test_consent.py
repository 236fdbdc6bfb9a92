"""Consent for each use (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): a person is in the outputs
their consent covers and in no other — the site, printed booklets, broadcasts, open data and
the province site that copies it; a child's profile needs the consents the law asks for at
its age; consents recorded before uses keep the site and print only."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from dienhinh.records.model import Consent, Minor, Use

from .sample import run_main

PERSON = "ba-hoang-thi-b-minh-hoa"
NAME = "Bà Hoàng Thị B (minh họa)"


def set_consent(project: Path, slug: str, consent: str) -> Path:
    index = project / "exemplars" / slug / "index.md"
    text = index.read_text(encoding="utf-8")
    start = text.index("consent:")
    end = text.index("evaluations:", start)
    index.write_text(text[:start] + consent + "\n" + text[end:], encoding="utf-8")
    return index


def test_a_website_only_consent_keeps_the_person_off_every_other_output(
    project: Path, tmp_path: Path
) -> None:
    set_consent(project, PERSON, "consent: {uses: [website], date: 2022-06-06}")
    checked = run_main("check", cwd=project)
    assert (
        f"“{NAME}” sẽ không có trong: sổ tay, áp phích và ấn phẩm in, bản tin trên đài truyền thanh,"
        " dữ liệu mở và trang của tỉnh" in checked.stdout
    )
    built = run_main("build", cwd=project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert NAME in (site / "dien-hinh" / PERSON / "index.html").read_text(encoding="utf-8")
    data = json.loads((site / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    slugs = [p["slug"] for p in data["profiles"]]
    assert PERSON not in slugs and "ong-ma-van-a-minh-hoa" in slugs  # others consented to open data
    assert NAME not in (site / "du-lieu" / "dien-hinh.csv").read_text(encoding="utf-8-sig")
    feed = site / "du-lieu" / "dien-hinh.atom"
    if feed.exists():
        assert NAME not in feed.read_text(encoding="utf-8")
    booklet = tmp_path / "so-tay.pdf"
    printed = run_main("booklet", "--all", "-o", str(booklet), cwd=project)
    assert printed.returncode == 0, printed.stderr
    text = " ".join(page.extract_text() for page in PdfReader(booklet).pages)
    assert "Hoàng Thị B" not in text and "Ma Văn A" in text
    # The province copies the open data: the person is not on its site either.
    (tmp_path / "tinh.yml").write_text(
        f"province: tỉnh Thử\ncommunes:\n  - name: Xã Điềm Mặc\n    code: diem-mac\n    source: {site}\n",
        encoding="utf-8",
    )
    province = run_main("gather", "-d", str(tmp_path / "tinh"), cwd=tmp_path)
    assert province.returncode == 0, province.stderr
    pages = " ".join(p.read_text(encoding="utf-8") for p in (tmp_path / "tinh").rglob("*.html"))
    assert "Ma Văn A" in pages and "Hoàng Thị B" not in pages


def test_an_earlier_consent_keeps_site_and_print_and_is_said_once(project: Path) -> None:
    set_consent(project, PERSON, "consent: {given: true, date: 2022-06-06}")
    set_consent(project, "ong-ma-van-a-minh-hoa", "consent: {given: true, date: 2022-05-20}")
    checked = run_main("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    said = [line for line in checked.stdout.splitlines() if "theo cách cũ" in line]
    assert len(said) == 1
    assert "2 hồ sơ cá nhân" in said[0] and NAME in said[0] and "Ông Ma Văn A (minh họa)" in said[0]


def test_a_child_without_the_representatives_consent_is_refused_at_its_line(project: Path) -> None:
    index = set_consent(
        project,
        PERSON,
        "consent:\n  uses: [website, print]\n  date: 2024-05-01\n  minor:\n    born: 2014\n"
        "    child_consent: true",
    )
    checked = run_main("check", cwd=project)
    assert checked.returncode == 1
    lines = index.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.strip() == "minor:")
    assert re.search(
        rf"{PERSON}/index.md:{line}: LỖI \[consent\.minor\.representative_consent\]: Trẻ 10 tuổi: cần sự đồng"
        " ý của cha, mẹ hoặc người đại diện theo pháp luật",
        checked.stdout,
    ), checked.stdout


@pytest.mark.parametrize(
    ("born", "representative", "child", "allowed"),
    [
        (2019, True, False, True),  # under 7 on the consent's date: the representative's is enough
        (2017, True, False, False),  # 7: the child's own consent too
        (2017, True, True, True),
        (2007, False, False, True),  # 18 on the consent's date: an adult
        (2008, False, True, False),  # 17: still a child
    ],
)
def test_a_childs_consent_by_age(born: int, representative: bool, child: bool, allowed: bool) -> None:
    minor = Minor(born=born, representative_consent=representative, child_consent=child)
    consent = Consent(uses=(Use.website,), date=dt.date(2025, 3, 1), minor=minor)
    assert (Use.website in consent.covers(dt.date(2026, 1, 1))) is allowed


def test_what_a_consent_covers() -> None:
    today = dt.date(2026, 1, 1)
    assert Consent(given=True, date=today).covers(today) == {Use.website, Use.print}
    assert Consent(given=False).covers(today) == frozenset()
    assert Consent().covers(today) == frozenset()  # silence is not consent
    assert Consent(uses=(Use.broadcast,), date=today).covers(today) == {Use.broadcast}
    withdrawn = Consent(uses=tuple(Use), date=today, withdrawn=today)
    assert withdrawn.covers(today) == frozenset()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Năm 2019 chị bị bệnh nặng phải nằm viện.", "sức khỏe"),
        ("Gia đình từng là hộ nghèo, mắc nợ 30 triệu.", "nợ nần"),
        ("Sau khi ly hôn, chị một mình nuôi hai con.", "chuyện riêng"),
        ("Chị là người dân tộc Tày, theo đạo Thiên Chúa.", "tôn giáo, dân tộc"),
        ("Cháu Lan đang học lớp 5 trường Tiểu học Điềm Mặc.", "trẻ em"),
    ],
)
def test_sensitive_content_of_a_published_person_is_warned_at_its_line(
    project: Path, text: str, kind: str
) -> None:
    index = project / "exemplars" / PERSON / "index.md"
    story = index.read_text(encoding="utf-8") + f"\n{text}\n"
    index.write_text(story, encoding="utf-8")
    line = story.splitlines().index(text) + 1
    checked = run_main("check", cwd=project)
    assert re.search(
        rf"{PERSON}/index.md:{line}: CẢNH BÁO \[story\]: Có nội dung nhạy cảm về đời tư \([^)]*{kind}",
        checked.stdout,
    ), checked.stdout
    # Confirmed: the signed form names it.
    set_consent(project, PERSON, "consent: {uses: [website], date: 2022-06-06, sensitive: true}")
    assert "nhạy cảm" not in run_main("check", cwd=project).stdout


@pytest.mark.parametrize(
    "text",
    [
        "Đàn gà bị bệnh được chữa kịp thời.",
        "Tổ giúp người khuyết tật đi khám.",
        "Giúp 5 hộ nghèo thoát nghèo.",
    ],
)
def test_ordinary_words_are_not_sensitive(project: Path, text: str) -> None:
    index = project / "exemplars" / "doi-che-ban-quyen" / "index.md"  # a collective's profile
    index.write_text(index.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    assert "nhạy cảm" not in run_main("check", cwd=project).stdout


def test_the_report_lists_open_withdrawals_with_their_deadlines(project: Path) -> None:
    from dienhinh import clock

    today = clock.today()
    withdrawn = run_main("withdraw", PERSON, cwd=project)
    assert withdrawn.returncode == 0, withdrawn.stdout
    report = run_main("report", cwd=project)
    assert report.returncode == 0, report.stdout + report.stderr
    assert f"Yêu cầu rút lại sự đồng ý của “{NAME}” nhận ngày {today.strftime('%d/%m/%Y')}" in report.stdout


def test_photos_with_recognisable_people_follow_their_consent(project: Path, tmp_path: Path) -> None:
    slug = "doi-che-ban-quyen"  # a collective's profile; its story shows anh-luong-che.jpg inline
    index = project / "exemplars" / slug / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace(
        "    caption: Luống chè chăm theo quy trình VietGAP (ảnh vẽ minh họa).\n",
        "    caption: Luống chè chăm theo quy trình VietGAP (ảnh vẽ minh họa).\n"
        "    people: {uses: [website], date: 2022-06-01}\n",
    ).replace(
        "    caption: Chè búp khô đóng gói với nhãn hiệu riêng của tổ (ảnh vẽ minh họa).\n",
        "    caption: Chè búp khô đóng gói với nhãn hiệu riêng của tổ (ảnh vẽ minh họa).\n    people: {}\n",
    )
    index.write_text(text, encoding="utf-8")
    checked = run_main("check", cwd=project)
    assert "Ảnh “anh-san-pham.jpg” có người nhận ra được nhưng chưa ghi sự đồng ý" in checked.stdout
    built = run_main("build", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "dien-hinh" / slug / "index.html").read_text(encoding="utf-8")
    assert "anh/anh-luong-che-" in page and "anh/anh-san-pham-" not in page
    assert not list((project / "site" / "dien-hinh" / slug / "anh").glob("anh-san-pham-*"))
    data = json.loads((project / "site" / "du-lieu" / "dien-hinh.json").read_text(encoding="utf-8"))
    shown = [p for p in data["profiles"] if p["slug"] == slug][0]["photos"]
    names = " ".join(json.dumps(p) for p in shown)
    assert "anh-doi-che" in names and "anh-luong-che" not in names and "anh-san-pham" not in names
    booklet = tmp_path / "so-tay.pdf"
    assert run_main("booklet", "--all", "-o", str(booklet), cwd=project).returncode == 0
    # The story's inline picture of people who consented to the site only is not printed.
    from pypdf import PdfReader

    images = sum(len(page.images) for page in PdfReader(booklet).pages)
    text = index.read_text(encoding="utf-8").replace("    people: {uses: [website], date: 2022-06-01}\n", "")
    index.write_text(text, encoding="utf-8")
    again = tmp_path / "so-tay-2.pdf"
    assert run_main("booklet", "--all", "-o", str(again), cwd=project).returncode == 0
    assert sum(len(page.images) for page in PdfReader(again).pages) > images
