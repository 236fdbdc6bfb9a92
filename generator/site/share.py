"""What a shared link shows: Open Graph / Twitter values, canonical URLs and schema.org
JSON-LD, built from records. The theme override (``main.html``) only prints them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urljoin

from ..messages import common as common_msg
from ..messages import photos as msg
from ..records.model import Exemplar, FieldOfWork, Kind, Registry
from .cards import CardSpec
from .media import ProfileMedia
from .pages import field_page, profile_page

CARD_WIDTH, CARD_HEIGHT = 1200, 630
# Cards with a cover photo are JPEG; the others, flat colours and text, are palette PNG:
# half the bytes of a JPEG, sharper text, and as cheap to make.
SITE_CARD = "chia-se/trang-chu.png"
LOCALE = "vi_VN"


def profile_card(slug: str, photo: bool = False) -> str:
    return f"chia-se/dien-hinh/{slug}.{'jpg' if photo else 'png'}"


def field_card(code: str) -> str:
    return f"chia-se/linh-vuc/{code}.png"


def image_type(path: str) -> str:
    return "image/jpeg" if path.endswith(".jpg") else "image/png"


def has_cover(media: Mapping[str, ProfileMedia], slug: str) -> bool:
    shown = media.get(slug)
    return shown is not None and shown.cover is not None


def absolute(site_url: str, path: str) -> str:
    """Site path → absolute URL under ``site_url`` (which may have a sub-path)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, path.lstrip("/"))


def script_json(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or HTML-significant bytes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    # U+2028/2029 end a line in older JavaScript parsers.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@dataclass(frozen=True)
class ShareMeta:
    """Everything the page head needs for previews; ``json_ld`` is already script-safe."""

    title: str
    description: str
    url: str
    image: str
    image_alt: str
    image_type: str = "image/png"
    type: str = "website"
    image_width: int = CARD_WIDTH
    image_height: int = CARD_HEIGHT
    locale: str = LOCALE
    site_name: str = ""
    json_ld: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def profile_json_ld(e: Exemplar, registry: Registry, url: str, image: str, publisher: str) -> dict[str, Any]:
    """schema.org graph: the exemplar (Person or Organization, with its awards) and the article."""
    levels = registry.table("commendation_levels")
    forms = registry.table("commendation_forms")
    awards = [
        f"{forms[c.form].name} ({levels[c.level].name}, {c.date.strftime('%d/%m/%Y')}) – {c.issuer}"
        for c in sorted(e.commendations, key=lambda c: c.date)
    ]
    entity_id = f"{url}#dien-hinh"
    entity: dict[str, Any] = {
        "@type": "Person" if e.kind is Kind.individual else "Organization",
        "@id": entity_id,
        "name": e.name,
        "description": _one_line(e.summary),
        "url": url,
        "image": image,
    }
    if awards:
        entity["award"] = awards
    dates = [e.registered, *(c.date for c in e.commendations)]
    article = {
        "@type": "Article",
        "headline": e.name[:110],
        "description": _one_line(e.summary),
        "image": [image],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "vi",
        "datePublished": e.registered.isoformat(),
        "dateModified": max(dates).isoformat(),
        "about": {"@id": entity_id},
        "articleSection": registry.field(e.field).name,
        "author": {"@type": "Organization", "name": publisher},
        "publisher": {"@type": "Organization", "name": publisher},
    }
    return {"@context": "https://schema.org", "@graph": [entity, article]}


class ShareBuilder:
    """Share values for every page of one site."""

    def __init__(
        self,
        registry: Registry,
        exemplars: list[Exemplar],
        site_url: str,
        site_name: str,
        media: Mapping[str, ProfileMedia] | None = None,
    ) -> None:
        self.registry = registry
        self.site_url = site_url
        self.site_name = site_name
        self.media = media or {}
        self.profiles = {profile_page(e.slug): e for e in exemplars}
        self.fields: dict[str, FieldOfWork] = {field_page(f.code): f for f in registry.fields}

    def for_page(self, src: str, url: str, title: str | None, description: str | None) -> ShareMeta:
        """Values for the page at ``src`` (source path) published at absolute ``url``."""
        commune = self.registry.commune
        e = self.profiles.get(src)
        if e is not None:
            card = profile_card(e.slug, has_cover(self.media, e.slug))
            image = absolute(self.site_url, card)
            return ShareMeta(
                title=e.name,
                description=_one_line(e.summary),
                url=url,
                image=image,
                image_alt=f"{e.name} – {commune.name}",
                image_type=image_type(card),
                type="article",
                site_name=self.site_name,
                json_ld=script_json(profile_json_ld(e, self.registry, url, image, self.site_name)),
            )
        field = self.fields.get(src)
        if field is not None:
            return ShareMeta(
                title=field.name,
                description=_one_line(field.description),
                url=url,
                image=absolute(self.site_url, field_card(field.code)),
                image_alt=f"{field.name} – {commune.name}",
                site_name=self.site_name,
            )
        return ShareMeta(
            title=title or self.site_name,
            description=_one_line(description or ""),
            url=url,
            image=absolute(self.site_url, SITE_CARD),
            image_alt=self.site_name,
            site_name=self.site_name,
        )


def card_specs(
    registry: Registry,
    exemplars: list[Exemplar],
    media: Mapping[str, ProfileMedia],
    site_name: str,
) -> list[CardSpec]:
    """One card per published profile and per field, plus one for every other page."""
    commune = registry.commune
    footer = f"{commune.name[:1].upper()}{commune.name[1:]}, {commune.region}"
    specs = [CardSpec(SITE_CARD, site_name, msg.CARD_KICKER_SITE, footer, "#2e7d32")]
    specs += [
        CardSpec(field_card(f.code), f.name, msg.CARD_KICKER_FIELD, footer, f.color) for f in registry.fields
    ]
    for e in exemplars:
        field = registry.field(e.field)
        shown = media.get(e.slug)
        cover = shown.cover if shown is not None else None
        photo = (
            next((v for v in cover.processed.variants if v.width >= 960), cover.processed.largest)
            if cover
            else None
        )
        specs.append(
            CardSpec(
                profile_card(e.slug, has_cover(media, e.slug)),
                e.name,
                f"{common_msg.KIND_NAMES[e.kind.value]} · {field.short_name}",
                footer,
                field.color,
                photo.jpeg if photo else None,
                cover.processed.key if cover else "",
            )
        )
    return specs
