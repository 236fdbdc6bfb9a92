"""A new commune's site before its first profile, as residents see it: a welcoming first page
(what the site is for, how hamlets take part) instead of a column of zeros, and the commune's
whole name in the header of a 360 px phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import PHONE, chromium
from .sample import run_main

# Long names, as communes merged in 2025 have them.
COMMUNES = {"Quảng Phú Cầu": "Thành phố Hà Nội", "Đông Hưng Thuận Thượng": "Thành phố Hồ Chí Minh"}


@pytest.fixture(scope="module")
def new_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for commune, province in COMMUNES.items():
        root = tmp_path_factory.mktemp("xa")
        project = root / "du-an"
        made = run_main("init", str(project), "--commune", commune, "--province", province,
                        "--hamlets", "Thôn Một\nThôn Hai", "--period", "2026-2030", cwd=root)  # fmt: skip
        assert made.returncode == 0, made.stdout + made.stderr
        built = run_main("build", cwd=project)
        assert built.returncode == 0, built.stdout + built.stderr
        sites[commune] = project / "site"
    return sites


def test_a_commune_without_profiles_is_welcomed_not_counted(new_sites: dict[str, Path]) -> None:
    for commune, site in new_sites.items():
        home = (site / "index.html").read_text(encoding="utf-8")
        assert "Trang đang chờ những điển hình đầu tiên" in home
        assert "Xóm, tổ chức đăng ký thế nào" in home
        assert 'href="de-cu/"' in home and 'href="tieu-chi/"' in home
        assert f"Ủy ban nhân dân xã {commune}" in home
        assert "dh-stat__value" not in home and "dh-chart" not in home  # no zeros, no empty charts


def test_the_whole_commune_name_fits_the_phone_header(new_sites: dict[str, Path], tmp_path: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport=PHONE, device_scale_factor=2)
        for commune, site in new_sites.items():
            page.goto((site / "index.html").as_uri(), wait_until="load")
            title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
            assert title.inner_text().strip() == f"Điển hình tiên tiến xã {commune}"
            cut = title.evaluate(
                "e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"
            )
            assert not cut, commune
            box = title.bounding_box()
            header = page.locator(".md-header").bounding_box()
            assert box is not None and header is not None
            assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1
            page.screenshot(path=str(tmp_path / f"home-{len(commune)}.png"))
