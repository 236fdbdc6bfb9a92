"""Generated HTML kept away from the Markdown converter.

Generated pages are Markdown with many blocks of HTML written by our templates (cards,
tables, facts, figures). Python-Markdown hands such a block through unchanged, but only after
parsing it with its HTML parser, twice (its own and MkDocs' raw-HTML scan): on 10,000 profiles
that is two thirds of the conversion time. ``RawBlocks.hide`` swaps each such block for a
placeholder paragraph before conversion and ``RawBlocks.restore`` puts the block back in the
converted HTML, where Markdown would have put it.

Only blocks whose outcome is certain are swapped: a run of lines without a blank line, at the
left margin, opening with a block-level tag (Python-Markdown's list) that closes on the last
line, no ``markdown`` attribute, nothing of a story (stories are user input: they go through
Markdown and the sanitizer). Anything else is left to Markdown. Nothing here knows MkDocs.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from markdown.util import BLOCK_LEVEL_ELEMENTS

_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


@dataclass
class RawBlocks:
    """The blocks hidden from one page's conversion, by placeholder."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: dict[str, str] = field(default_factory=dict)

    def hide(self, markdown: str, keep: tuple[str, str] | None = None) -> str:
        """``markdown`` with its generated HTML blocks replaced by placeholders; text between
        the two ``keep`` markers (a story) is left alone."""
        if keep is None or keep[0] not in markdown:
            return self._hide(markdown)
        before, _, rest = markdown.partition(keep[0])
        inside, found, after = rest.partition(keep[1])
        if not found:
            return self._hide(before) + keep[0] + rest
        return self._hide(before) + keep[0] + inside + keep[1] + self.hide(after, keep)

    def _hide(self, text: str) -> str:
        parts = _BLANK_LINES.split(text)
        separators = _BLANK_LINES.findall(text)
        out = []
        for index, block in enumerate(parts):
            content = block.rstrip("\n")  # trailing spaces would make the placeholder a <br>
            if content == content.rstrip() and _is_raw(content):
                token = f"dhraw{self.nonce}x{len(self.blocks)}"
                self.blocks[token] = content
                block = token + block[len(content) :]
            out.append(block)
            if index < len(separators):
                out.append(separators[index])
        return "".join(out)

    def restore(self, html: str) -> str:
        """The converted page with every hidden block back in place of its placeholder
        paragraph. Raises ValueError if one is missing (the converter changed it)."""
        if not self.blocks:
            return html
        pieces = re.split(rf"<p>(dhraw{self.nonce}x\d+)</p>", html)
        found = pieces[1::2]
        if sorted(found) != sorted(self.blocks):
            raise ValueError("generated HTML placeholders were changed by the Markdown conversion")
        # Markdown writes a raw block followed by an empty line, except at the very end.
        pieces[1::2] = [self.blocks[token] + "\n" for token in found]
        if pieces[-1] == "":
            pieces[-2] = pieces[-2][:-1]
        return "".join(pieces)


def _is_raw(block: str) -> bool:
    """Whether Python-Markdown would pass this block through as raw HTML, untouched."""
    opening = _OPENING.match(block)
    if opening is None:
        return False
    tag = opening.group(1).lower()
    if tag not in BLOCK_LEVEL_ELEMENTS or tag in ("pre", "script", "style", "textarea"):
        return False
    first_tag = block[: block.find(">") + 1]
    if not first_tag or "markdown" in first_tag:
        return False
    closing = f"</{tag}>"
    if not block.rstrip().endswith(closing):
        return False
    # Balanced: every <tag opened in the block is closed in it (nested lists, divs).
    opened = len(re.findall(rf"<{tag}\b", block, flags=re.IGNORECASE))
    return opened == block.lower().count(closing)
