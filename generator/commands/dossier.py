"""``dienhinh dossier SLUG``: the achievement report (báo cáo thành tích) of one exemplar, as
Word and PDF, for the dossier sent upward with a nomination (staff/dossier.py)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .. import clock
from ..messages import papers as msg
from ..messages import records as records_msg
from ..records.model import Status
from ..records.settings import Settings
from . import paperwork
from .terminal import failed, say

NAME = "dossier"
HELP = msg.HELP_DOSSIER
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help=msg.HELP_DOSSIER_SLUG)
    parser.add_argument("--docx", type=Path, help=msg.HELP_DOSSIER_DOCX)
    parser.add_argument("--pdf", type=Path, help=msg.HELP_DOSSIER_PDF)
    parser.add_argument("--date", help=msg.HELP_REPORT_DATE)
    parser.add_argument("--signer", default="", help=msg.HELP_DOSSIER_SIGNER)
    parser.add_argument("--award", default="", help=msg.HELP_DOSSIER_AWARD)


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..printing.official_pdf import write_pdf
    from ..printing.word import TEMPLATE, write_docx
    from ..records.catalog import load_catalog
    from ..staff.dossier import Dossier, dossier_document

    catalog = load_catalog(settings)
    registry = catalog.registry
    if registry is None:
        return failed(catalog.problems, settings.root, msg.REPORT_NO_REGISTRY)
    found = {e.slug: e for e in catalog.exemplars}
    exemplar = found.get(args.slug)
    if exemplar is None:
        broken = (settings.exemplars_dir / args.slug / "index.md").is_file()
        say(
            msg.dossier_broken(args.slug) if broken else msg.dossier_unknown(args.slug, sorted(found)),
            error=True,
        )
        return 1
    try:
        day = dt.date.fromisoformat(args.date) if args.date else clock.today()
    except ValueError:
        say(f"--date: {records_msg.bad_date(args.date)}", error=True)
        return 1
    document = dossier_document(registry, exemplar, Dossier(day, args.signer, args.award))
    say(
        msg.DOSSIER_OUTLINE.format(
            name=exemplar.name,
            form=msg.DOSSIER_FORM[exemplar.kind.value == "individual"],
            subject=document.subject[0],
        )
    )
    if exemplar.status is Status.draft:
        say(msg.DOSSIER_DRAFT.format(name=exemplar.name))
    if args.pdf and paperwork.refused_unprintable(catalog, [exemplar], settings.root):
        return 1
    template = settings.theme.find(f"report/{TEMPLATE}")
    asked = [
        (args.docx, lambda path: write_docx(document, template, path)),
        (args.pdf, lambda path: write_pdf(document, settings.theme, path)),
    ]
    wanted = [(path, write) for path, write in asked if path is not None]
    if not wanted:
        say(msg.DOSSIER_HINT)
    for path, write in wanted:
        error = paperwork.write_file(path, write, template)
        if error is not None:
            say(error, error=True)
            return 1
        say(msg.DOSSIER_WRITTEN.format(path=path))
    return 0
