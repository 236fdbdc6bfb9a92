"""The consent form a person signs before their profile is published (Luật Bảo vệ dữ liệu cá
nhân 91/2025/QH15: consent for a purpose, freely given, provable): exactly what will be
published — the name, the photos, the story as it stands — each use as a box to tick, how to
withdraw and whom to ask, laid out as an administrative paper (Nghị định 30/2020)."""

from __future__ import annotations

import datetime as dt
import re

from ..messages import common as common_msg
from ..messages import consent as msg
from ..printing.document import (
    DocHeading,
    DocParagraph,
    DocPart,
    OfficialDocument,
    issuer_lines,
    number_line,
    official_date,
    place_name,
)
from ..records.model import CHILD_CONSENT_AGE, Exemplar, Registry, Use

BOX = "□"  # a box to tick by hand (U+25A1: in Times New Roman and the PDF fonts alike)
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|[*_`]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NEW_LINE = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|\|)")  # a list item, a heading, a table row


def story_lines(story: str) -> list[str]:
    """The story as a reader sees it, one paragraph, heading, list item or table row a line
    (a paragraph's wrapped lines joined), pictures and markup left out (the photos are
    listed apart)."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", story):
        joined: list[str] = []
        for line in _MARKUP.sub("", _LINK.sub(r"\1", block)).split("\n"):
            starts = bool(_NEW_LINE.match(line))
            words = " ".join(line.strip().lstrip("#>").replace("|", " ").split())
            words = words[2:] if words.startswith("- ") else words
            if not words or set(words) <= set("-: "):
                continue
            if joined and not starts:
                joined[-1] += " " + words
            else:
                joined.append(words)
        lines += joined
    return lines


def _what(exemplar: Exemplar, registry: Registry) -> list[DocPart]:
    fields = registry.table("fields")
    place = registry.table("hamlets").get(exemplar.hamlet or "") or registry.table("organizations").get(
        exemplar.organization or ""
    )
    parts: list[DocPart] = [
        DocHeading(msg.WHAT_TITLE),
        DocParagraph(msg.NAME.format(name=exemplar.name)),
        DocParagraph(msg.FIELD.format(field=getattr(fields.get(exemplar.field), "name", exemplar.field))),
    ]
    if place is not None:
        parts.append(DocParagraph(msg.PLACE.format(place=place.name)))
    if exemplar.summary:
        parts.append(DocParagraph(msg.SUMMARY.format(summary=exemplar.summary)))
    photos = [p.caption for p in exemplar.photos]
    parts.append(DocParagraph(msg.photos(photos)))
    parts.append(DocParagraph(msg.STORY_INTRO))
    parts += [DocParagraph(line) for line in story_lines(exemplar.story)] or [DocParagraph(msg.NO_STORY)]
    return parts


def _uses() -> list[DocPart]:
    parts: list[DocPart] = [DocHeading(msg.USES_TITLE), DocParagraph(msg.USES_INTRO)]
    names = common_msg.USE_NAMES
    parts += [DocParagraph(f"{BOX} {names[u.value].capitalize()}: {msg.USE_DETAILS[u.value]}") for u in Use]
    parts.append(DocParagraph(f"{BOX} {msg.SENSITIVE}"))
    return parts


def consent_document(
    exemplar: Exemplar, registry: Registry, day: dt.date, number: str | None, contact: str
) -> OfficialDocument:
    """The form for ``exemplar``'s person, dated ``day``."""
    commune = registry.commune.name
    parts: list[DocPart] = [DocParagraph(msg.INTRO.format(commune=commune, name=exemplar.name))]
    parts += _what(exemplar, registry)
    parts += _uses()
    parts += [
        DocHeading(msg.RIGHTS_TITLE),
        DocParagraph(msg.RIGHTS_WITHDRAW.format(contact=contact)),
        DocParagraph(msg.RIGHTS_OTHER),
        DocParagraph(msg.RIGHTS_SILENCE),
        DocHeading(msg.MINOR_TITLE),
        DocParagraph(msg.MINOR_TEXT.format(age=CHILD_CONSENT_AGE)),
        DocParagraph(msg.MINOR_SIGN),
        DocParagraph(msg.DATE_LINE),
    ]
    return OfficialDocument(
        issuer=issuer_lines(commune),
        number=number_line(number, msg.SYMBOL),
        place_date=f"{place_name(commune)}, {official_date(day)}",
        kind=msg.KIND,
        subject=(msg.SUBJECT,),
        parts=tuple(parts),
        recipients=(),
        authority=msg.SIGNER_TITLE,
        signer_title="",
        signer_name=exemplar.name,
        signer_note=msg.SIGNER_NOTE,
        title=f"{msg.KIND}: {exemplar.name}",
    )
