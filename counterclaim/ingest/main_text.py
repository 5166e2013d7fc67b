"""The article's paragraphs in a saved web page: trafilatura's extraction, checked against
the page's own paragraphs and, when it lost some, against a second pass.

trafilatura can drop a paragraph of the article itself (one that is all link, say a quote
linked to a saved copy, between script blocks), so its result is checked:

- The article's paragraphs are the page's `<p>` elements that read as a sentence (6 words
  or more, ending like one) and are not boilerplate.
- Boilerplate is what sits in `<nav>`, `<footer>`, `<aside>` or `<form>`, in an element
  whose role is navigation, complementary, contentinfo or dialog, or in one whose id or
  class names a cookie or consent banner, related or recommended links, sharing, a
  newsletter, comments, an advert, a sidebar, a menu or a footer.
- When trafilatura kept every article paragraph, its text is the article. Otherwise two
  more passes read the page with its boilerplate cut out: trafilatura with
  `favor_recall=True`, then readability (which trafilatura ships). The pass that keeps
  the most characters of article paragraphs wins; on a tie the earlier pass does, so
  trafilatura's own result is replaced only by one that keeps more of the article, and
  never by one that could take in a banner or a list of related links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from lxml.html.defs import block_tags
from trafilatura import bare_extraction, load_html
from trafilatura.external import try_readability

_SENTENCE_END = tuple('.!?:"”’»…)')
_MIN_SENTENCE_WORDS = 6
_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
}
_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form"})
_BOILERPLATE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "dialog"})
_BOILERPLATE_NAMES = re.compile(
    r"cookie|consent|gdpr|banner|related|recommend|read-?more|more-?(stories|news)"
    r"|most-?(popular|read)|share|sharing|social|newsletter|comment(?!ary)|disqus|promo"
    r"|sponsor|advert|outbrain|taboola|sidebar|footer|breadcrumb|popup|modal|navigation"
    r"|navbar|(^|[\s_-])(ad|ads|nav|menu)([\s_-]|$)",
    re.IGNORECASE,
)
# Where one paragraph ends and the next starts: lxml's block tags, HTML5's and <br>.
_BLOCK_TAGS = (block_tags - {"del", "ins"}) | {
    "article", "aside", "br", "figcaption", "figure", "footer", "header", "main", "nav", "section"
}  # fmt: skip
_UNREAD_TAGS = frozenset({"script", "style", "noscript", "template", "head", "button"})


def extract(page: str | HtmlElement, **extra: Any) -> Any:
    """trafilatura's extraction of a page (a document with `.text` and the metadata, or
    None), with nothing but the text: no comments, tables, images, links or formatting."""
    return bare_extraction(page, **_OPTIONS, **extra)


def lines_of(text: str | None) -> list[str]:
    """The paragraphs of an extraction's text, one per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def is_sentence(paragraph: str) -> bool:
    """Prose, not a menu, a list of headlines or a login form."""
    return len(paragraph.split()) >= _MIN_SENTENCE_WORDS and paragraph.endswith(_SENTENCE_END)


def article_paragraphs(page: str, first: list[str]) -> list[str]:
    """`first` (trafilatura's paragraphs of the page) unless a second pass keeps more of
    the article's paragraphs (see the module's docstring)."""
    tree = load_html(page)
    if tree is None:
        return first
    wanted = [p for p in _read_page(tree)[0] if is_sentence(p)]
    best, most = first, _kept(wanted, first)
    if most == sum(map(len, wanted)):
        return first
    for second in _second_passes(tree):
        kept = _kept(wanted, second)
        if kept > most:
            best, most = second, kept
    return best


def _second_passes(tree: HtmlElement) -> Iterable[list[str]]:
    """The page's paragraphs as trafilatura's recall pass and readability read them, each
    from a copy of the page with its boilerplate cut out."""
    recall = extract(_without_boilerplate(tree), favor_recall=True)
    yield lines_of(getattr(recall, "text", None))
    yield text_blocks(try_readability(_without_boilerplate(tree)))


def _kept(wanted: list[str], paragraphs: list[str]) -> int:
    """How many characters of the wanted paragraphs are in `paragraphs`, white space folded."""
    folded = [" ".join(p.split()) for p in paragraphs]
    whole, text = set(folded), " ".join(folded)
    return sum(len(p) for p in wanted if p in whole or p in text)


def _is_boilerplate(element: HtmlElement) -> bool:
    if element.tag in _BOILERPLATE_TAGS:
        return True
    if (element.get("role") or "").strip().lower() in _BOILERPLATE_ROLES:
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(names.strip()) and _BOILERPLATE_NAMES.search(names) is not None


def _read_page(tree: HtmlElement) -> tuple[list[str], list[HtmlElement]]:
    """The page's paragraphs outside boilerplate, and its outermost boilerplate elements."""
    paragraphs: list[str] = []
    boilerplate: list[HtmlElement] = []
    depth = 0  # how many boilerplate elements the walk is inside
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if _is_boilerplate(element):
            if event == "start" and not depth:
                boilerplate.append(element)
            depth += 1 if event == "start" else -1
        elif event == "start" and element.tag == "p" and not depth:
            paragraphs.append(" ".join(text_blocks(element)))
    return [p for p in paragraphs if p], boilerplate


def _without_boilerplate(tree: HtmlElement) -> HtmlElement:
    copy = deepcopy(tree)
    for element in _read_page(copy)[1]:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it
    return copy


def text_blocks(element: HtmlElement | None) -> list[str]:
    """The text of an element as a reader sees it, one string per block (paragraph,
    heading, list item ...), white space folded; scripts, styles and comments left out."""
    if element is None:
        return []
    blocks: list[str] = []
    parts: list[str] = []
    unread = 0

    def close_block() -> None:
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(text)
        parts.clear()

    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):  # left out, but not the text after it
            parts.append("" if unread else node.tail or "")
            continue
        skipped = node.tag in _UNREAD_TAGS
        if event == "start":
            unread += skipped
            if not unread:
                if node.tag in _BLOCK_TAGS:
                    close_block()
                parts.append(node.text or "")
            continue
        if not unread and node.tag in _BLOCK_TAGS:
            close_block()
        unread -= skipped
        if not unread and node is not element:
            parts.append(node.tail or "")
    close_block()
    return blocks
