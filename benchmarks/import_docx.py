"""Times `dienhinh import FILE.docx` on a long Word report: 100 pages of text (about 50,000
words: headings, paragraphs with emphasis, lists, a table every ten pages) and 50 phone-sized
pictures with their captions, as python-docx writes it.

    .venv/bin/python benchmarks/import_docx.py [--pages 100] [--pictures 50] [--repeat 3]

Reports: the file's size; reading it into Markdown and photo files (python-docx, the
legacy-font checks); and the whole command on a copy of the sample project (read, check the
new bundle as `check` would with the project around it, write), each the median of the runs.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.shared import Cm
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dienhinh.intake.word_report import read_report  # noqa: E402
from tests.sample import copy_project, run_cli  # noqa: E402

WORDS_PER_PAGE = 500  # A4, 13 pt Times New Roman, as commune reports are typed
SENTENCES = (
    "Tổ hợp tác đã vận động các hộ cùng làm theo quy trình sản xuất an toàn",
    "mỗi tháng tổ họp một lần để so sổ nhật ký và chia nhau máy móc dùng chung",
    "cán bộ khuyến nông của xã về hướng dẫn kỹ thuật bón phân hữu cơ",
    "thu nhập bình quân mỗi hộ tăng rõ rệt so với trước khi tham gia mô hình",
    "đoàn viên thanh niên giúp chụp ảnh và giới thiệu sản phẩm trên mạng",
)


def photo(number: int) -> bytes:
    image = Image.new("RGB", (1600, 1200), (40 + number * 3 % 200, 120, 60))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 80):
        draw.line((x, 0, 1600 - x, 1200), fill=(200, 180 - number % 100, 40), width=6)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def long_report(path: Path, pages: int, pictures: int) -> int:
    """Writes the report; returns its number of words."""
    document = Document()
    document.add_paragraph("Hợp tác xã chè minh họa cho phép đo", style="Title")
    words = 0
    pictures_per_page = pictures / pages
    placed = 0
    for page in range(pages):
        document.add_heading(f"Phần {page + 1}", level=1)
        written = 0
        while written < WORDS_PER_PAGE - 60:
            p = document.add_paragraph()
            for index, sentence in enumerate(SENTENCES):
                run = p.add_run(sentence.capitalize() + ". ")
                run.bold = index == 1
                run.italic = index == 3
                written += len(sentence.split())
        for item in SENTENCES[:3]:
            document.add_paragraph(item, style="List Bullet")
            written += len(item.split())
        if page % 10 == 9:
            table = document.add_table(rows=4, cols=3)
            for r in range(4):
                for c in range(3):
                    table.cell(r, c).text = f"{r * 3 + c}"
        while placed < round((page + 1) * pictures_per_page):
            placed += 1
            document.add_picture(io.BytesIO(photo(placed)), width=Cm(12))
            document.add_paragraph(f"Ảnh {placed}: hoạt động của hợp tác xã (ảnh minh họa).", style="Caption")
        words += written
    document.save(str(path))
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--pictures", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bao-cao-dai.docx"
        words = long_report(source, args.pages, args.pictures)
        reads, imports = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            found = read_report(source)
            reads.append(time.perf_counter() - started)
            assert not isinstance(found, str) and len(found.pictures) == args.pictures
            project = copy_project(Path(tmp) / "project")
            started = time.perf_counter()
            result = run_cli("import", str(source), "--kind", "collective", "--field", "kinh-te-ho",
                             "--hamlet", "ban-quyen", cwd=project)  # fmt: skip
            imports.append(time.perf_counter() - started)
            assert result.returncode == 0, result.stdout + result.stderr
            shutil.rmtree(project)
        size = source.stat().st_size / 2**20
        print(f"report: {args.pages} pages (~{words:,} words), {args.pictures} pictures, {size:.1f} MB")
        print(f"read into Markdown + photo files: median {statistics.median(reads):.2f} s "
              f"(min {min(reads):.2f}, max {max(reads):.2f})")  # fmt: skip
        print(f"dienhinh import (read, check, write): median {statistics.median(imports):.2f} s "
              f"(min {min(imports):.2f}, max {max(imports):.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
