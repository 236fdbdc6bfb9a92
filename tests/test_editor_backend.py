"""The editor's local backend (Decap's proxy API in Python): it reads the project as Decap
expects, checks every save as ``dienhinh check`` does and writes only what passes; HEIC
photos become JPEG; nothing outside the profiles', visits' and shared photos' folders is
touched; the HTTP server answers only its own address."""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from dienhinh.editor.backend import LocalBackend, field_label
from dienhinh.editor.config import field_labels
from dienhinh.editor.server import EditorApp, start_editor
from dienhinh.records.load import exemplar_folders
from dienhinh.records.model import Exemplar
from dienhinh.records.settings import load_settings

from .sample import run_main

TODAY = dt.date(2026, 6, 1)


def backend(project: Path) -> LocalBackend:
    settings, problems = load_settings(project / "mkdocs.yml")
    assert settings is not None, problems
    return LocalBackend(settings, today=lambda: TODAY)


def heic(width: int = 640, height: int = 480, orientation: int = 6) -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    image = Image.new("RGB", (width, height), (30, 120, 40))
    image.paste((220, 200, 20), (0, 0, width // 2, height // 3))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (21.0, 50.0, 0.0)}  # GPS: where a household lives
    out = io.BytesIO()
    image.save(out, format="HEIF", quality=60, exif=exif.tobytes())
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


NEW_PROFILE = """---
name: Chị Đinh Thị H (minh họa)
kind: individual
field: kinh-te-ho
other_fields: []
hamlet: na-a
organization: ''
registered: {registered}
summary: Chị nuôi gà đồi theo hướng hữu cơ.
criteria: []
featured: false
status: published
consent:
  uses: [website, print, open_data]
  date: 2022-06-12
evaluations: []
photos:
  - file: img_0001.heic
    caption: Đàn gà đồi (ảnh minh họa).
    credit: ''
    cover: false
---
## Cách làm

Nuôi thả trên đồi. ![Đàn gà](img_0001.heic)

## Kết quả

Hai nghìn con mỗi năm.

## Bài học kinh nghiệm

Ghi chép đều.
"""


def persist(b: LocalBackend, raw: str, assets: list[dict[str, Any]], path: str, new: bool = False) -> Any:
    params = {
        "branch": "main",
        "dataFiles": [{"slug": path.split("/")[-1], "path": path, "raw": raw}],
        "assets": assets,
        "options": {"commitMessage": "x", "useWorkflow": False, "status": "", "newEntry": new},
    }
    return b.handle({"action": "persistEntry", "params": params})


NEW_PATH = "exemplars/chi-dinh-thi-h-minh-hoa/index.md"
PHOTO_ASSET = "exemplars/chi-dinh-thi-h-minh-hoa/img_0001.heic"


def test_lists_bundles_and_visits_as_decap_asks(project: Path) -> None:
    b = backend(project)
    reply = b.handle({"action": "entriesByFolder", "params": {"branch": "main", "folder": "exemplars",
                                                             "extension": "md", "depth": 2}})  # fmt: skip
    assert reply.status == 200
    paths = [entry["file"]["path"] for entry in reply.body]
    expected = [f"exemplars/{folder.name}/index.md" for folder in exemplar_folders(project / "exemplars")]
    assert paths == expected and len(paths) >= 20
    assert "exemplars/doi-che-ban-quyen/index.md" in paths
    first = reply.body[0]
    assert first["data"].startswith("---\n") and len(first["file"]["id"]) == 64
    visits = b.handle(
        {"action": "entriesByFolder", "params": {"folder": "visits", "extension": "yml", "depth": 1}}
    )
    assert sorted(e["file"]["path"] for e in visits.body) == [
        "visits/tham-quan-chuyen-doi-so-2024.yml", "visits/tham-quan-kinh-te-che-2024.yml",
    ]  # fmt: skip
    media = b.handle({"action": "getMedia", "params": {"mediaFolder": "exemplars/doi-che-ban-quyen"}})
    assert [m["name"] for m in media.body] == ["anh-doi-che.jpg", "anh-luong-che.jpg", "anh-san-pham.jpg"]
    assert b.handle({"action": "info"}).body["type"] == "local_fs"


def test_a_valid_new_profile_with_a_heic_photo_is_written_and_passes_check(project: Path) -> None:
    b = backend(project)
    raw = NEW_PROFILE.format(registered="2022-06-10")
    photo = [{"path": PHOTO_ASSET, "content": b64(heic()), "encoding": "base64"}]
    reply = persist(b, raw, photo, NEW_PATH, new=True)
    assert reply.status == 200, reply.body
    assert reply.body["warnings"] == []
    folder = project / "exemplars" / "chi-dinh-thi-h-minh-hoa"
    assert sorted(p.name for p in folder.iterdir()) == ["img_0001.jpg", "index.md"]
    text = (folder / "index.md").read_text(encoding="utf-8")
    # Written as `dienhinh new` writes: no empty keys or defaults, dates unquoted, the JPEG named.
    assert "organization" not in text and "featured" not in text and "cover" not in text
    assert "registered: 2022-06-10\n" in text and "file: img_0001.jpg" in text
    assert "![Đàn gà](img_0001.jpg)" in text and "heic" not in text
    with Image.open(folder / "img_0001.jpg") as photo:
        assert photo.format == "JPEG" and photo.size == (480, 640)  # upright
        assert not photo.getexif() and "exif" not in photo.info  # no GPS, no EXIF at all
    check = run_main("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_future_registration_is_refused_with_its_field_and_nothing_written(project: Path) -> None:
    b = backend(project)
    raw = NEW_PROFILE.format(registered="2027-01-05")
    photo = [{"path": PHOTO_ASSET, "content": b64(heic()), "encoding": "base64"}]
    reply = persist(b, raw, photo, NEW_PATH, new=True)
    assert reply.status == 422
    errors = [(p["field"], p["label"], p["message"]) for p in reply.body["problems"]]
    assert errors == [("registered", "Ngày đăng ký", "Ngày “2027-01-05” nằm trong tương lai.")]
    assert reply.body["error"] == "Chưa lưu: 1 lỗi cần sửa (xem khung báo lỗi)."
    assert not (project / "exemplars" / "chi-dinh-thi-h-minh-hoa").exists()


def test_an_edit_that_breaks_a_published_profile_leaves_the_file_as_it_was(project: Path) -> None:
    b = backend(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    before = path.read_bytes()
    raw = (
        before.decode("utf-8").replace("result: tot", "result: tott").replace("hamlet: ban-quyen", "hamlet: ")
    )
    reply = persist(b, raw, [], "exemplars/doi-che-ban-quyen/index.md")
    assert reply.status == 422
    labels = [p["label"] for p in reply.body["problems"]]
    assert labels[0] == "Đánh giá hằng năm (mục 1) › Kết quả"
    # The profile would drop off the site: the visit that stops there, and a story that links
    # to it, would break too; they are named by their file.
    assert (
        "visits/tham-quan-kinh-te-che-2024.yml › Các điểm đến (theo thứ tự) (mục 1) › Điển hình đến thăm"
        in labels
    )
    assert path.read_bytes() == before


def test_a_new_entry_never_replaces_a_profile_already_there(project: Path) -> None:
    """Two officers create the same profile: the second save is refused, the first kept."""
    b = backend(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    before = path.read_bytes()
    raw = NEW_PROFILE.format(registered="2022-06-10")
    reply = persist(b, raw, [], "exemplars/doi-che-ban-quyen/index.md", new=True)
    assert reply.status == 422
    assert "Đã có hồ sơ exemplars/doi-che-ban-quyen/index.md: không ghi đè" in reply.body["error"]
    assert path.read_bytes() == before


def test_an_edit_keeps_leading_comments_and_what_it_did_not_touch(project: Path) -> None:
    b = backend(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    raw = path.read_text(encoding="utf-8").replace("featured: true", "featured: false")
    assert persist(b, raw, [], "exemplars/doi-che-ban-quyen/index.md").status == 200
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# DỮ LIỆU MINH HỌA")
    assert "featured" not in text and "private_notes: Tổ trưởng" in text
    assert "## Bài học kinh nghiệm" in text


def test_a_save_that_breaks_another_file_is_refused(project: Path) -> None:
    """Unpublishing a profile that a study visit stops at would break the visit."""
    b = backend(project)
    path = project / "exemplars" / "doi-che-ban-quyen" / "index.md"
    raw = path.read_text(encoding="utf-8").replace("status: published", "status: draft")
    reply = persist(b, raw, [], "exemplars/doi-che-ban-quyen/index.md")
    assert reply.status == 422
    assert {p["text"].split(":")[0] for p in reply.body["problems"]} >= {
        "visits/tham-quan-kinh-te-che-2024.yml"
    }


def test_a_visit_is_checked_against_the_profiles(project: Path) -> None:
    b = backend(project)
    raw = "title: Tham quan thử\ndate: 2024-05-02\norganizer: Hội Nông dân xã\nstops:\n" \
          "  - exemplar: doi-che-ban-quyn\n    time: '08:00'\n    place: Nhà văn hóa\n"  # fmt: skip
    reply = persist(b, raw, [], "visits/tham-quan-thu.yml")
    assert reply.status == 422
    assert reply.body["problems"][0]["label"] == "Các điểm đến (theo thứ tự) (mục 1) › Điển hình đến thăm"
    assert not (project / "visits" / "tham-quan-thu.yml").exists()
    good = raw.replace("doi-che-ban-quyn", "doi-che-ban-quyen")
    assert persist(b, good, [], "visits/tham-quan-thu.yml").status == 200
    assert (
        (project / "visits" / "tham-quan-thu.yml")
        .read_text(encoding="utf-8")
        .startswith("title: Tham quan thử")
    )


@pytest.mark.parametrize(
    "path",
    ["exemplars/registry.yml", "mkdocs.yml", "../escape/index.md", "exemplars/x/y/index.md",
     "site_templates/material/main.html", "/etc/passwd", "exemplars/.git/index.md"],
)  # fmt: skip
def test_writes_outside_the_editors_folders_are_refused(project: Path, path: str) -> None:
    b = backend(project)
    reply = b.handle({"action": "persistMedia", "params": {"asset": {"path": path, "content": b64(b"x"),
                                                                     "encoding": "base64"}}})  # fmt: skip
    assert reply.status == 422 and "không ghi" in reply.body["error"]
    assert persist(b, "---\nname: x\n---\n", [], path).status == 422


def test_removing_a_profile_or_a_photo_it_shows_is_refused(project: Path) -> None:
    b = backend(project)
    reply = b.handle({"action": "deleteFile", "params": {"path": "exemplars/doi-che-ban-quyen/index.md"}})
    assert reply.status == 422 and "Bản nháp" in reply.body["error"]
    photo = project / "exemplars" / "doi-che-ban-quyen" / "anh-san-pham.jpg"
    reply = b.handle(
        {"action": "deleteFile", "params": {"path": "exemplars/doi-che-ban-quyen/anh-san-pham.jpg"}}
    )
    assert reply.status == 422 and reply.body["problems"][0]["field"] == "photos[2].file"
    assert photo.exists()


def test_an_unreadable_heic_says_what_to_do(project: Path) -> None:
    b = backend(project)
    broken = heic()[:200]
    found = b.convert_photo("IMG_0002.HEIC", broken)
    assert isinstance(found, str) and "Tương thích nhất" in found
    converted = b.convert_photo("IMG_0003.HEIC", heic(orientation=1))
    assert not isinstance(converted, str) and converted.name == "IMG_0003.jpg"
    assert converted.data[:3] == b"\xff\xd8\xff"


def test_check_says_what_to_do_with_a_heic_photo_declared_by_hand(tmp_path: Path) -> None:
    from dienhinh.records.photo_checks import inspect_photo, is_heif

    assert is_heif(heic()) and not is_heif(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    photo = tmp_path / "IMG_0004.HEIC"
    photo.write_bytes(heic())
    found = inspect_photo(photo, "IMG_0004.HEIC", 2**24, 10**8)
    assert isinstance(found, str) and "HEIC" in found and "dienhinh edit" in found


def test_field_labels_cover_the_model() -> None:
    labels = field_labels(Exemplar)
    assert field_label("commendations[1].date", labels) == "Khen thưởng (mục 2) › Ngày khen"
    assert field_label("consent.date", labels) == "Sự đồng ý công bố (chỉ với cá nhân) › Ngày đồng ý"


def test_server_answers_only_its_own_address(project: Path) -> None:
    settings, _ = load_settings(project / "mkdocs.yml")
    assert settings is not None
    server = start_editor(EditorApp(settings), "127.0.0.1", 0)
    port = server.server_address[1]
    try:

        def post(headers: dict[str, str]) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", "/api/v1", json.dumps({"action": "info"}), headers)
            return connection.getresponse().status

        assert post({"Host": f"127.0.0.1:{port}"}) == 200
        assert post({"Host": f"127.0.0.1:{port}", "Origin": "http://evil.example"}) == 403
        assert post({"Host": f"evil.example:{port}"}) == 403  # a DNS name rebound to this computer
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/config.yml")
        response = connection.getresponse()
        assert response.status == 200 and "Xóm Bản Quyền" in response.read().decode("utf-8")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(
            "POST", "/api/photo?name=IMG_0009.HEIC", heic()[:300], {"Host": f"127.0.0.1:{port}"}
        )
        refused = connection.getresponse()
        assert refused.status == 422 and "Tương thích nhất" in json.loads(refused.read())["error"]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("POST", "/api/photo?name=IMG_0010.HEIC", heic(), {"Host": f"127.0.0.1:{port}"})
        converted = connection.getresponse()
        assert converted.status == 200 and converted.getheader("X-File-Name") == "IMG_0010.jpg"
        assert converted.read()[:3] == b"\xff\xd8\xff"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/assets/../backend.py")
        assert connection.getresponse().status == 404
    finally:
        server.shutdown()
        server.server_close()


COLLECTIVE = """---
name: Tổ hợp tác thử nghiệm (minh họa)
kind: collective
field: kinh-te-ho
hamlet: na-a
registered: 2022-06-10
summary: Tổ hợp tác nuôi ong lấy mật.
status: draft
---
{story}"""


@pytest.mark.parametrize(
    "story",
    [
        # "## Cách làm" typed in the rich-text mode: Decap escapes the marker, keeping it text.
        "\\## Cách làm\n\nNuôi ong.\n\n\\## Kết quả\n\nMật.\n\n\\## Bài học kinh nghiệm\n\nGhi chép.\n",
        "## \\## Cách làm\n\nNuôi ong.\n\n\\## Kết quả\n\nMật.\n\n\\## Bài học kinh nghiệm\n\nGhi.\n",
        "\\#\\# Cách làm\n\nNuôi ong.\n\n\\#\\# Kết quả\n\nMật.\n\n\\#\\# Bài học kinh nghiệm\n\nGhi.\n",
        # A heading made bold as in Word, or with a colon.
        "**Cách làm**\n\nNuôi ong.\n\n**Kết quả:**\n\nMật.\n\n## bài học kinh nghiệm\n\nGhi chép.\n",
        # The toolbar's "Đề mục cấp 2", as Decap writes it.
        "## Cách làm\n\nNuôi ong.\n\n## Kết quả\n\nMật.\n\n## Bài học kinh nghiệm\n\nGhi chép.\n",
    ],
)
def test_story_sections_typed_in_rich_text_become_headings(project: Path, story: str) -> None:
    b = backend(project)
    path = "exemplars/to-hop-tac-thu-nghiem-minh-hoa/index.md"
    reply = persist(b, COLLECTIVE.format(story=story), [], path, new=True)
    assert reply.status == 200, reply.body
    assert not [w for w in reply.body["warnings"] if w["field"] == "story"], reply.body["warnings"]
    text = (project / path).read_text(encoding="utf-8")
    assert "\\#" not in text
    for section in ("Cách làm", "Kết quả", "Bài học kinh nghiệm"):
        assert f"\n## {section.casefold()}\n" in text.casefold()


def test_a_missing_section_says_how_to_make_a_heading(project: Path) -> None:
    b = backend(project)
    path = "exemplars/to-hop-tac-thu-nghiem-minh-hoa/index.md"
    story = "## Cách làm\n\nNuôi ong.\n\n```\n\\## Kết quả\n```\n"
    reply = persist(b, COLLECTIVE.format(story=story), [], path)
    assert reply.status == 200, reply.body
    shown = {w["message"] for w in reply.body["warnings"] if w["field"] == "story"}
    assert len(shown) == 2  # a heading inside a code block stays code
    message = next(m for m in shown if "“Kết quả”" in m)
    assert message.startswith("Câu chuyện chưa có mục “Kết quả”.")
    assert "gõ “## Kết quả” trên một dòng riêng" in message and "“Đề mục”" in message
    assert "\n```\n\\## Kết quả\n```\n" in (project / path).read_text(encoding="utf-8")


def test_publishing_without_a_target_says_who_sets_it_up(project: Path) -> None:
    b = backend(project)
    reply = b.handle({"action": "dienhinhPublish", "params": {}})
    assert reply.status == 422 and "“Đưa trang lên mạng”" in reply.body["error"]
    status = b.handle({"action": "dienhinhPublishStatus", "params": {}})
    assert status.body == {"targets": [], "can_roll_back": False, "running": False, "lines": [], "code": None}


def test_the_preview_status_asks_the_preview_server_only_for_a_profile_page(project: Path) -> None:
    settings, _ = load_settings(project / "mkdocs.yml")
    assert settings is not None
    quiet = LocalBackend(settings)
    assert quiet.handle({"action": "dienhinhPreviewStatus", "params": {"slug": "a"}}).body == {"status": 0}
    # Nothing listens there: 0, not an error; a path that is no slug is never asked for.
    far = LocalBackend(settings, preview_url="http://127.0.0.1:9/")
    for slug in ("doi-che-ban-quyen", "../../etc", "a/b"):
        reply = far.handle({"action": "dienhinhPreviewStatus", "params": {"slug": slug}})
        assert reply.status == 200 and reply.body == {"status": 0}
