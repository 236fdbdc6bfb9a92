"""The Atom feed of newly published or updated profiles (``du-lieu/dien-hinh.atom``).

Every date comes from the data (a profile's ``updated``: its latest registration,
evaluation, commendation or nomination), never from the build's clock: an unchanged site
gives the same feed, byte for byte, and a feed reader sees an entry again only when the
profile gained something dated.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from .. import clock
from ..messages import opendata as msg
from . import model as od

FEED_SIZE = 50  # the most recently updated profiles
# When nothing is published yet the feed still needs a date: a fixed one, not "now".
EMPTY_FEED_DATE = dt.date(2000, 1, 1)


def _moment(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in Vietnam (Atom wants a moment with its offset)."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=clock.VIETNAM)


def newest(doc: od.OpenData, size: int = FEED_SIZE) -> list[od.Profile]:
    """The ``size`` most recently updated profiles, newest first (ties by address)."""
    ordered = sorted(doc.profiles, key=lambda p: p.slug)
    return sorted(ordered, key=lambda p: p.updated, reverse=True)[:size]


def feed_bytes(doc: od.OpenData, feed_url: str, site_url: str, site_name: str) -> bytes:
    """The Atom document. ``feed_url`` and ``site_url`` are absolute (Atom ids must be)."""
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(msg.FEED_TITLE.format(site=site_name))
    fg.subtitle(msg.FEED_SUBTITLE.format(commune=doc.commune.full_name))
    fg.author({"name": doc.commune.full_name, "uri": site_url})
    fg.link(href=site_url, rel="alternate", type="text/html")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.language("vi")
    fg.generator("dienhinh")
    fg.updated(_moment(doc.updated or EMPTY_FEED_DATE))
    for p in newest(doc):
        entry = fg.add_entry(order="append")
        entry.id(p.url)
        entry.title(p.name)
        entry.link(href=p.url, rel="alternate", type="text/html")
        entry.published(_moment(p.registered))
        entry.updated(_moment(p.updated))
        entry.summary(p.summary)
        entry.category(term=p.field.code, label=p.field.name)
        entry.author({"name": doc.commune.full_name})
    data: bytes = fg.atom_str(pretty=True)
    return data
