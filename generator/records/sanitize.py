"""HTML safety for what editors write: a story's rendered HTML goes through nh3 (ammonia),
so no script, event handler, javascript: URL, iframe or theme-hijacking id reaches the site."""

from __future__ import annotations

import re
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


# Markdown that an editor writes is converted by Python-Markdown, whose link parser scans to
# the end of the paragraph for every "[" it cannot close (quadratic: 50 KB of "![" took
# minutes) and whose block parser recurses once per level of nesting (10,000 nested quotes
# or list markers: RecursionError). Such text is bounded first, in one linear pass; a story
# written as people write never changes.
MAX_BRACKET_DEPTH = 8
MAX_CONTAINER_DEPTH = 16
MAX_INDENT = 4 * MAX_CONTAINER_DEPTH
_BLOCKS = re.compile(r"(\n[ \t]*\n)")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))")


def bounded_markdown(text: str) -> str:
    """``text`` with the Markdown that would make conversion quadratic or recursive written
    as plain characters: brackets no "]" closes (or nested deeper than 8), "(" after "]"
    that no ")" closes, block nesting deeper than 16 levels. Linear in the text's size."""
    return "".join(_bounded_block(part) if part.strip() else part for part in _BLOCKS.split(text))


_DEEP_START = re.compile(
    rf"^(?:{_CONTAINER.pattern}){{{MAX_CONTAINER_DEPTH + 1}}}|^[ \t]{{{MAX_INDENT + 1}}}", re.MULTILINE
)
_MARKER = re.compile(r"((?:^|(?<=\s))\d{0,9})([>*+.)-])(?=\s|$)")
# Brackets and parentheses that count: an escaped character ("\\[") and a code span ("`[`")
# are matched first, and so skipped.
_SIGNS = re.compile(r"\\.|`[^`]*`|[\[\]()]", re.DOTALL)
_INLINE = re.compile(r"[\\`*_\[!&<]")
MAX_INLINE_SIGNS = 500
MAX_DENSE_BLOCK = 1000


def _bounded_block(block: str) -> str:
    if _DEEP_START.search(block):
        block = "\n".join(_bounded_line_start(line) for line in block.split("\n"))
    # Python-Markdown rebuilds a paragraph's text at every inline match (an escape, a code
    # span, an emphasis, an entity): thousands of them in one paragraph cost its length each.
    # A paragraph that dense is cut into paragraphs of at most MAX_DENSE_BLOCK characters.
    pieces = [block] if len(_INLINE.findall(block)) <= MAX_INLINE_SIGNS else _pieces(block, MAX_DENSE_BLOCK)
    return "\n\n".join(_bounded_brackets(piece) if "[" in piece else piece for piece in pieces)


def _pieces(block: str, size: int) -> list[str]:
    """``block`` in pieces of at most ``size`` characters, cut at a line break or a space
    when there is one, never between a backslash and the character it escapes."""
    pieces = []
    while len(block) > size:
        cut = max(block.rfind("\n", 0, size), block.rfind(" ", 0, size))
        cut = cut if cut > size // 2 else size
        while cut > 1 and block[cut - 1] == "\\":
            cut -= 1
        pieces.append(block[:cut])
        block = block[cut:].lstrip(" \n")
    pieces.append(block)
    return pieces


class _Brackets:
    """One pass over a block's brackets and parentheses (code spans and escapes aside):
    which of them Markdown would scan for in vain, to be written as characters."""

    def __init__(self, block: str) -> None:
        self.block = block
        self.escape: set[int] = set()
        self.brackets: list[tuple[int, bool]] = []  # (position of "[", nested too deep)
        self.parens: list[int] = []
        self.link_parens: set[int] = set()  # "(" right after a "]" that closes a "["

    def close_bracket(self, index: int) -> None:
        opening, deep = self.brackets.pop()
        if deep:
            self.escape.update((opening, index))
        elif self.block.startswith("(", index + 1):
            self.link_parens.add(index + 1)

    def sign(self, index: int, char: str) -> None:
        if len(char) > 1:
            return  # an escape or a code span
        if char == "[":
            self.brackets.append((index, len(self.brackets) >= MAX_BRACKET_DEPTH))
        elif char == "]" and self.brackets:
            self.close_bracket(index)
        elif char == "(":
            self.parens.append(index)
        elif char == ")" and self.parens:
            self.parens.pop()

    def unclosed(self) -> list[int]:
        for match in _SIGNS.finditer(self.block):
            index, char = match.start(), match.group(0)
            self.sign(index, char)
        self.escape.update(position for position, _ in self.brackets)
        self.escape.update(position for position in self.parens if position in self.link_parens)
        return sorted(self.escape)


def _bounded_brackets(block: str) -> str:
    positions = _Brackets(block).unclosed()
    if not positions:
        return block
    parts, last = [], 0
    for position in positions:
        parts += [block[last:position], "\\"]
        last = position
    parts.append(block[last:])
    return "".join(parts)


def _bounded_line_start(line: str) -> str:
    """A line nested no deeper than MAX_CONTAINER_DEPTH: further quote and list markers
    escaped, indentation beyond MAX_INDENT removed."""
    stripped = line.lstrip(" \t")
    if len(line) - len(stripped) > MAX_INDENT:
        line = " " * MAX_INDENT + stripped
    depth, position = 0, 0
    while match := _CONTAINER.match(line, position):
        depth += 1
        if depth > MAX_CONTAINER_DEPTH:
            # The markers from here on written as characters: the rest of the line is text,
            # not nesting (nor a rule: "* * *").
            return line[: match.start()] + _MARKER.sub(r"\1\\\2", line[match.start() :])
        position = match.end()
    return line


class StoryFence:
    """Unguessable comment markers around a story in a generated page, so the rendered
    story can be found again and sanitized; a story cannot forge them."""

    def __init__(self, nonce: str | None = None) -> None:
        nonce = nonce or secrets.token_hex(16)
        self.nonce = nonce
        self.begin = f"<!-- dh-story-begin-{nonce} -->"
        self.end = f"<!-- dh-story-end-{nonce} -->"

    def wrap(self, markdown: str) -> str:
        return f"{self.begin}\n\n{bounded_markdown(markdown)}\n\n{self.end}"

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


# A text starting with one of these is a formula to Excel and LibreOffice (and a command to
# some of them: =HYPERLINK, =WEBSERVICE, DDE). Full-width forms count too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def looks_like_formula(text: str) -> bool:
    """A spreadsheet would run this text as a formula (every xlsx and CSV cell asks here)."""
    return text.startswith(FORMULA_STARTS)
