"""One fonts module for booklets, official papers and share cards: whole files, the first
installed of each style, and the faces the PDFs embed."""

from __future__ import annotations

from pathlib import Path

from dienhinh.fonts import OFFICIAL_SERIF, SANS, SERIF, STYLES, Typeface


def test_each_style_takes_its_first_installed_file(tmp_path: Path) -> None:
    for name in ("b-regular.ttf", "a-bold.ttf", "b-bold.ttf"):
        (tmp_path / name).write_bytes(b"font")
    face = Typeface(
        "DH Thu",
        {
            "regular": (tmp_path / "a-regular.ttf", tmp_path / "b-regular.ttf"),
            "bold": (tmp_path / "a-bold.ttf", tmp_path / "b-bold.ttf"),
            "italic": (tmp_path / "a-italic.ttf",),
        },
    )
    found = face.find()
    assert found is not None
    assert found.files == {"regular": tmp_path / "b-regular.ttf", "bold": tmp_path / "a-bold.ttf"}
    assert face.find(needed=("regular", "bold")) is not None
    assert face.find(needed=STYLES) is None  # no italic installed


def test_faces_are_embedded_by_file_with_their_weight_and_slant(tmp_path: Path) -> None:
    (tmp_path / "r.ttf").write_bytes(b"font")
    (tmp_path / "bi.ttf").write_bytes(b"font")
    found = Typeface(
        "DH Thu", {"regular": (tmp_path / "r.ttf",), "bolditalic": (tmp_path / "bi.ttf",)}
    ).find()
    assert found is not None
    assert found.css().splitlines() == [
        f'@font-face {{ font-family: "DH Thu"; src: url("{(tmp_path / "r.ttf").as_uri()}");'
        " font-weight: 400; font-style: normal; }",
        f'@font-face {{ font-family: "DH Thu"; src: url("{(tmp_path / "bi.ttf").as_uri()}");'
        " font-weight: 700; font-style: italic; }",
    ]


def test_the_machine_has_every_face_the_tool_uses() -> None:
    # Debian's fonts-noto-core and fonts-liberation2 (scripts/system-packages): whole files.
    for face in (SERIF, SANS, OFFICIAL_SERIF):
        found = face.find(needed=STYLES)
        assert found is not None, face.family
        assert all(path.suffix == ".ttf" and path.stat().st_size > 100_000 for path in found.files.values())
    sans = SANS.find()
    assert sans is not None and sans.files["regular"].name == "NotoSans-Regular.ttf"
