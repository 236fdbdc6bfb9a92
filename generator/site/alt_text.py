"""Alt text for pictures in rendered pages: an image written without one takes its caption.

Editors often write ``![](anh.jpg "Caption")`` or put a picture in a ``<figure>`` with a
``<figcaption>``; a screen reader would then announce only the file name. The caption is the
best description the page has, so it becomes the alt text. Works on the HTML of one page.
"""

from __future__ import annotations

import html
import re

_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.DOTALL | re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.DOTALL | re.IGNORECASE)
_ALT = re.compile(r'\salt\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.IGNORECASE)
_TITLE = re.compile(r'\stitle\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _has_alt(tag: str) -> bool:
    found = _ALT.search(tag)
    return bool(found and (found.group(1) or found.group(2) or "").strip())


def _with_alt(tag: str, text: str) -> str:
    value = html.escape(text, quote=True)
    if _ALT.search(tag):
        return _ALT.sub(f' alt="{value}"', tag, count=1)
    return re.sub(r"^<img\b", f'<img alt="{value}"', tag, count=1, flags=re.IGNORECASE)


def _fill(tag: str, caption: str) -> str:
    if _has_alt(tag):
        return tag
    title = _TITLE.search(tag)
    text = caption or (_text(title.group(1) or title.group(2) or "") if title else "")
    return _with_alt(tag, text) if text else tag


def fill_missing_alt(page_html: str) -> str:
    """Give every image without alt text its figure caption, else its title."""

    def figure(match: re.Match[str]) -> str:
        block = match.group(0)
        caption = _CAPTION.search(block)
        text = _text(caption.group(1)) if caption else ""
        return _IMG.sub(lambda m: _fill(m.group(0), text), block)

    page_html = _FIGURE.sub(figure, page_html)
    return _IMG.sub(lambda m: _fill(m.group(0), ""), page_html)
