"""PDFs laid out before, found again by everything they were made from: the document's HTML,
its stylesheets and the files it may read (fonts, photos, the theme's folder). WeasyPrint
takes seconds a booklet; a preview rebuilt after each save, or a site rebuilt after one edit,
mostly asks again for booklets whose inputs did not change."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..files import files_under, stamp, write_atomically

# Entries kept: a few per booklet (a preview session edits one profile again and again).
KEEP = 48


@dataclass(frozen=True)
class LaidOut:
    pdf: bytes
    pages: int


def layout_key(texts: Iterable[str], files: Iterable[Path], folders: Iterable[Path]) -> str:
    """What a PDF is made from: ``texts`` (HTML, CSS) as they are, ``files`` and every file
    under ``folders`` by path, size and modification time; the WeasyPrint version too."""
    import weasyprint

    digest = hashlib.blake2b(digest_size=20)
    for text in (weasyprint.__version__, *texts):
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(stamp([*files, *files_under(folders)]).encode())
    return digest.hexdigest()


class PdfCache:
    """A folder of laid-out PDFs by key; None as the folder keeps nothing."""

    def __init__(self, folder: Path | None, keep: int = KEEP) -> None:
        self.folder, self.keep = folder, keep

    def get(self, key: str) -> LaidOut | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.pdf"
        try:
            pages = int(json.loads((self.folder / f"{key}.json").read_text("utf-8"))["pages"])
            pdf = path.read_bytes()
            os.utime(path)  # recently used: kept by the pruning below
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return LaidOut(pdf, pages)

    def put(self, key: str, laid_out: LaidOut) -> None:
        """Keep ``laid_out``; a cache that cannot be written is only slower next time."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / f"{key}.pdf", laid_out.pdf)
            write_atomically(self.folder / f"{key}.json", json.dumps({"pages": laid_out.pages}).encode())
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        assert self.folder is not None
        entries = sorted(self.folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[self.keep :]:
            old.unlink(missing_ok=True)
            old.with_suffix(".json").unlink(missing_ok=True)
