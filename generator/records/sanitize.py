"""HTML safety for what editors write: a story's rendered HTML goes through nh3 (ammonia),
so no script, event handler, javascript: URL, iframe or theme-hijacking id reaches the site."""

from __future__ import annotations

import secrets

import nh3

# Tags a story may use: what Markdown produces, plus simple layout and responsive images.
STORY_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "small",
    "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
STORY_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Ids starting with "_" belong to the theme (e.g. Material reads its settings from
    # #__config); a story must not be able to shadow them.
    if attribute == "id" and value.startswith("_"):
        return None
    # Images come from the site itself: no third-party requests, no tracking pixels.
    if tag in ("img", "source") and attribute in ("src", "srcset") and _is_external(value):
        return None
    return value


def _is_external(url: str) -> bool:
    return "//" in url or ":" in url.split("/", 1)[0]


def clean_story(html: str) -> str:
    """Sanitized HTML of a rendered story."""
    return nh3.clean(
        html,
        tags=STORY_TAGS,
        clean_content_tags={"script", "style"},
        attributes=STORY_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel=None,
    )


class StoryFence:
    """Unguessable comment markers around a story in a generated page, so the rendered
    story can be found again and sanitized; a story cannot forge them."""

    def __init__(self, nonce: str | None = None) -> None:
        nonce = nonce or secrets.token_hex(16)
        self.begin = f"<!-- dh-story-begin-{nonce} -->"
        self.end = f"<!-- dh-story-end-{nonce} -->"

    def wrap(self, markdown: str) -> str:
        return f"{self.begin}\n\n{markdown}\n\n{self.end}"

    def clean(self, html: str) -> str:
        """Sanitize every fenced region of a rendered page; the rest is trusted output."""
        parts = []
        rest = html
        while self.begin in rest:
            before, _, after = rest.partition(self.begin)
            story, found, rest = after.partition(self.end)
            if not found:
                # The end marker was swallowed: sanitize everything that follows.
                story, rest = after, ""
            parts += [before, clean_story(story)]
        parts.append(rest)
        return "".join(parts)
