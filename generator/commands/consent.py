"""``dienhinh consent SLUG``: the consent form to print and have signed (Word and/or PDF);
its number and date go into the profile, so the signed paper can be found again."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from .. import clock
from ..intake.import_sheet import parse_date
from ..messages import consent as msg
from ..messages import records as records_msg
from ..messages import staff as staff_msg
from ..records import store
from ..records.model import Kind
from ..records.settings import Settings
from . import terminal
from .paperwork import refused_unprintable, write_file

NAME = "consent"
HELP = msg.HELP_CONSENT
PROJECT = True


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar=staff_msg.METAVAR_SLUG, help=msg.HELP_CONSENT_SLUG)
    parser.add_argument("--docx", type=Path, help=msg.HELP_CONSENT_DOCX)
    parser.add_argument("--pdf", type=Path, help=msg.HELP_CONSENT_PDF)
    parser.add_argument("--number", help=msg.HELP_CONSENT_NUMBER)
    parser.add_argument("--date", help=msg.HELP_CONSENT_DATE)


def run(settings: Settings, args: argparse.Namespace) -> int:
    from ..printing.document import official_date
    from ..printing.official_pdf import write_pdf
    from ..printing.word import TEMPLATE, write_docx
    from ..records.catalog import load_catalog
    from ..staff.consent_form import consent_document

    console = terminal.console()
    catalog = load_catalog(settings)
    exemplar = next((e for e in catalog.exemplars if e.slug == args.slug), None)
    index = settings.exemplars_dir / args.slug / "index.md"
    bundle = store.read_bundle(index) if index.is_file() else None
    if exemplar is None or bundle is None or catalog.registry is None:
        console.print(msg.NO_PROFILE.format(slug=args.slug), markup=False)
        return 1
    if exemplar.kind is not Kind.individual:
        console.print(msg.NOT_INDIVIDUAL.format(name=exemplar.name), markup=False)
        return 1
    day = parse_date(args.date) if args.date else clock.today()
    if day is None:
        console.print(f"--date: {records_msg.bad_date(args.date)}", markup=False)
        return 1
    if args.pdf and refused_unprintable(catalog, [exemplar], settings.root):
        return 1
    document = consent_document(exemplar, catalog.registry, day, args.number, msg.DEFAULT_CONTACT)
    template = settings.theme.find(f"report/{TEMPLATE}")
    asked = [
        (args.docx or (None if args.pdf else Path(f"phieu-dong-y-{args.slug}.docx")), "docx"),
        (args.pdf, "pdf"),
    ]
    for path, kind in asked:
        if path is None:
            continue
        writer = (
            (lambda p: write_docx(document, template, p))
            if kind == "docx"
            else (lambda p: write_pdf(document, settings.theme, p))
        )
        failed = write_file(path, writer, template)
        if failed is not None:
            console.print(failed, markup=False)
            return 1
        console.print(msg.WRITTEN.format(path=path), markup=False)
    number = f"{args.number}/{msg.SYMBOL}" if args.number else msg.NO_NUMBER
    reference = msg.REFERENCE.format(number=number, date=official_date(day))
    return _record(settings, bundle, args.slug, reference, console)


def _record(settings: Settings, bundle: store.Bundle, slug: str, reference: str, console: Console) -> int:
    """The form's number and date into the profile's consent (how it was given kept if said)."""
    changes: dict[str, object] = {"reference": reference}
    if "method" not in (bundle.front_matter.get("consent") or {}):
        changes["method"] = msg.METHOD
    if not terminal.save_consent(settings, slug, bundle, changes, console):
        return 1
    console.print(msg.RECORDED.format(reference=reference), markup=False)
    return 0
