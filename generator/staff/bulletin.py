"""A loudspeaker bulletin (bản tin phát thanh): the opening and closing formulas announcers
use, two to four exemplars told for the ear (printing/spoken.py), each with its reading time
at a stated pace, the whole fitted to the station's slot. Only profiles whose consent covers
broadcasting are read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..messages import bulletin as msg
from ..printing.document import (
    DocHeading,
    DocParagraph,
    DocPart,
    OfficialDocument,
    issuer_lines,
    official_date,
    place_name,
)
from ..printing.spoken import SYLLABLES_PER_MINUTE, plain_sentences, spoken, spoken_profile, syllables
from ..records.model import Exemplar, Registry, Use
from ..records.validate import STORY_SECTIONS

MOST, FEWEST = 4, 2  # stories in one bulletin
SHORTEST = 60  # syllables: a story cut shorter than this says too little to be worth a place


@dataclass(frozen=True)
class Story:
    name: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def minutes(self, rate: int) -> float:
        return syllables(self.text) / rate


@dataclass(frozen=True)
class Bulletin:
    opening: str
    stories: tuple[Story, ...]
    closing: str
    rate: int
    slot: float  # minutes

    def minutes(self) -> float:
        said = (
            syllables(self.opening) + syllables(self.closing) + sum(syllables(s.text) for s in self.stories)
        )
        return said / self.rate


def active_in(exemplar: Exemplar, since: dt.date | None, year: int | None) -> bool:
    """Whether the exemplar has news in the period: registered, evaluated or commended."""
    dates = [exemplar.registered, *(c.date for c in exemplar.commendations)]
    years = [d.year for d in dates] + [e.year for e in exemplar.evaluations]
    if year is not None:
        return year in years
    if since is not None:
        return any(d >= since for d in dates) or any(y > since.year for y in years)
    return True


def recent_first(exemplar: Exemplar) -> tuple[bool, int]:
    latest = max([exemplar.registered, *(c.date for c in exemplar.commendations)])
    evaluated = max((dt.date(e.year, 12, 31) for e in exemplar.evaluations), default=latest)
    return (not exemplar.featured, -max(latest, evaluated).toordinal())


def candidates(exemplars: Sequence[Exemplar], since: dt.date | None, year: int | None) -> list[Exemplar]:
    """Profiles that may be read on the air (consent covers broadcasting), with news in the
    period, featured and most recent first."""
    found = [e for e in exemplars if e.may(Use.broadcast) and active_in(e, since, year)]
    return sorted(found, key=recent_first)


def _trimmed(text_sentences: Sequence[str], budget: int) -> tuple[str, ...]:
    """Whole sentences from the start, as many as fit in ``budget`` syllables."""
    kept: list[str] = []
    used = 0
    for sentence in text_sentences:
        size = syllables(sentence)
        if used + size > budget:
            break
        kept.append(sentence)
        used += size
    while kept and kept[-1].rstrip(".") in STORY_SECTIONS:  # a section's title with nothing after it
        kept.pop()
    return tuple(kept)


def make_bulletin(
    registry: Registry, chosen: Sequence[Exemplar], slot: float, rate: int = SYLLABLES_PER_MINUTE
) -> Bulletin | None:
    """The bulletin fitted to ``slot`` minutes: as many stories as fit (four at most, two at
    least), each cut at a sentence to its share. None when not even two fit."""
    commune = registry.commune.name
    opening = spoken(msg.OPENING.format(commune=commune))
    closing = spoken(msg.CLOSING.format(commune=commune))
    budget = int(slot * rate) - syllables(opening) - syllables(closing)
    told = [(e.name, _sentences(e, registry)) for e in chosen[:MOST]]
    for count in range(min(MOST, len(told)), FEWEST - 1, -1):
        share = budget // count
        stories = [Story(name, _trimmed(sentences, share)) for name, sentences in told[:count]]
        whole = [syllables(" ".join(sentences)) for _, sentences in told[:count]]
        if all(syllables(s.text) >= min(SHORTEST, w) for s, w in zip(stories, whole, strict=True)):
            return Bulletin(opening, tuple(stories), closing, rate, slot)
    if len(told) == 1:
        story = Story(told[0][0], _trimmed(told[0][1], budget))
        return Bulletin(opening, (story,), closing, rate, slot) if story.sentences else None
    return None


def _sentences(exemplar: Exemplar, registry: Registry) -> tuple[str, ...]:
    return tuple(s for s in plain_sentences(spoken_profile(exemplar, registry)) if s)


def bulletin_document(bulletin: Bulletin, registry: Registry, day: dt.date) -> OfficialDocument:
    """The script as a paper the announcer reads from (Word, PDF)."""
    parts: list[DocPart] = [
        DocParagraph(
            msg.PACE.format(
                rate=bulletin.rate, total=clock_words(bulletin.minutes()), slot=clock_words(bulletin.slot)
            )
        )
    ]
    parts.append(DocParagraph(bulletin.opening))
    for number, story in enumerate(bulletin.stories, start=1):
        parts.append(
            DocHeading(
                msg.STORY_TITLE.format(
                    number=number, name=story.name, time=clock_words(story.minutes(bulletin.rate))
                )
            )
        )
        parts += [DocParagraph(sentence) for sentence in story.sentences]
    parts.append(DocParagraph(bulletin.closing))
    commune = registry.commune.name
    return OfficialDocument(
        issuer=issuer_lines(commune),
        number="",
        place_date=f"{place_name(commune)}, {official_date(day)}",
        kind=msg.KIND,
        subject=(msg.SUBJECT,),
        parts=tuple(parts),
        recipients=(),
        authority=msg.SIGNER,
        signer_title="",
    )


def bulletin_text(bulletin: Bulletin) -> str:
    """The script as plain text (for the station's computer or a phone)."""
    lines = [
        msg.PACE.format(
            rate=bulletin.rate, total=clock_words(bulletin.minutes()), slot=clock_words(bulletin.slot)
        ),
        "",
        bulletin.opening,
        "",
    ]
    for number, story in enumerate(bulletin.stories, start=1):
        lines += [
            msg.STORY_TITLE.format(
                number=number, name=story.name, time=clock_words(story.minutes(bulletin.rate))
            ),
            story.text,
            "",
        ]
    return "\n".join([*lines, bulletin.closing, ""])


def clock_words(minutes: float) -> str:
    seconds = round(minutes * 60)
    return msg.CLOCK.format(minutes=seconds // 60, seconds=seconds % 60)
