"""The headline and the summary line: visible elements reconciled with what the page declares."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

import lxml.etree

from extractor.parse import vocab
from extractor.parse.body import is_pseudo_heading
from extractor.parse.dom import Block, HtmlElement, text_of, tokens

_WORD_RE = re.compile(r"\w+")
# Headlines outside <h1>-<h3>: searched last, as an attribute test on every element costs 4x
# the tag-filtered walk that finds the headings. Read from the itemprop attributes to their
# elements: a third cheaper than "//*[@itemprop='headline']", the same elements in order.
_ITEMPROP_HEADLINE_XPATH = lxml.etree.XPath(
    "//@itemprop[. = 'headline']/parent::*[not(self::h1|self::h2|self::h3)]"
)
# Class/id endings of an article's title element: "entry-title", "article__title", "headline".
_TITLE_MARKS = ("title", "headline")
_SENTENCE_END_RE = re.compile(r"[.!?](\s|$)")


def word_set(text: str) -> list[str]:
    return list(_words(text))


# Small caches: the same few titles are compared with every heading of one page (at most ~60
# texts a page on the bench); kept larger, a crawl's caches fill with every page's titles.
@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(text.casefold()))


@lru_cache(maxsize=256)
def _bag(text: str) -> Counter[str]:
    return Counter(_words(text))


def similarity(a: str, b: str) -> float:
    """Token F1 of two texts after case-folding."""
    ta, tb = _bag(a), _bag(b)
    if not ta or not tb:
        return 0.0
    common = sum(min(n, tb[t]) for t, n in ta.items() if t in tb)
    if not common:
        return 0.0
    precision, recall = common / len(_words(a)), common / len(_words(b))
    return 2 * precision * recall / (precision + recall)


def strip_site_name(title: str, site_name: str | None, *, guess: bool = True) -> str:
    """A title without the site's name around it ("Headline | Site" → "Headline").

    Without a known site name, ``guess`` keeps the longest part when it is clearly a headline; a
    declared title (og:title and the like) is only cut at a known site name.
    """
    parts = [p for p in vocab.TITLE_SEPARATORS_RE.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    named = [p for p in parts if not _DOMAIN_RE.fullmatch(p.strip())]
    if named and len(named) < len(parts):
        # "www.Heimicke.de - Zahlen und Daten": a part that is a host name is the site's name,
        # whether or not the page declares one.
        title = _join_kept(title, named)
        parts = named
        if len(parts) < 2:
            return title
    if site_name:
        kept = [p for p in parts if similarity(p, site_name) < 0.6]
        if kept and len(kept) < len(parts):
            return _join_kept(title, kept)
    if not guess:
        return title.strip()
    # Without a known site name, the longest part is the article's title when it is clearly
    # longer than the others; a short first part ("Review: ...") stays with the rest.
    longest = max(parts, key=len)
    if len(word_set(longest)) >= 3:
        return longest.strip()
    return title.strip()


# A host name alone: "www.example.de", "Example.com", "blog.example.co.uk".
# Common top-level domains only: "Node.js" and "Vue.js" are names of things, not hosts.
_DOMAIN_RE = re.compile(
    r"(?:[\w-]+\.)+(?:com|net|org|info|biz|de|at|ch|fr|be|nl|lu|es|it|pt|pl|cz|se|no|dk|fi"
    r"|uk|ie|eu|us|ca|au|nz|ru|jp|cn|in|br|mx|ar|tv|io|co|me|news|blog)",
    re.IGNORECASE,
)


def _join_kept(title: str, kept: list[str]) -> str:
    if len(kept) == 1:
        return kept[0].strip()
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else kept[0].strip()


def find_headline(
    root: HtmlElement, declared: Sequence[str], title_tag: str | None, site_name: str | None
) -> tuple[HtmlElement | None, str | None]:
    """The element showing the article's title, and the title itself (see _find_headline),
    without the kicker or the date set inside the heading's element."""
    el, text = _find_headline(root, declared, title_tag, site_name)
    if el is not None and text:
        text = _without_kicker(el, text)
    return el, text


# Class/id tokens of the line set over a headline ("article-heading__kicker", "topline").
_KICKER_TOKENS = (
    "kicker",
    "topline",
    "overline",
    "eyebrow",
    "dachzeile",
    "roofline",
    "supertitle",
    "pretitle",
)


def _without_kicker(el: HtmlElement, text: str) -> str:
    """A heading's text less a part of it that is no title: the kicker over it ("<span
    class='kicker'>Zugverkehr</span>") or the date of the post ("<time>Jun 17</time>")."""
    for part in el.iterdescendants():
        if part.tag != "time" and not any(t.endswith(_KICKER_TOKENS) for t in tokens(part)):
            continue
        shown = text_of(part)
        if not shown or len(shown) >= len(text):
            continue
        if text.startswith(shown):
            rest = text[len(shown) :].lstrip(" :|-–—·")
        elif text.endswith(shown):
            rest = text[: len(text) - len(shown)].rstrip(" :|-–—·")
        else:
            continue
        if _words(rest):
            text = rest
    return text


def _find_headline(
    root: HtmlElement, declared: Sequence[str], title_tag: str | None, site_name: str | None
) -> tuple[HtmlElement | None, str | None]:
    """The element showing the article's title, and the title itself.

    ``declared`` holds the page's declared titles in preference order (JSON-LD headline, Dublin
    Core, og:title, twitter:title). The record's headline is the title as displayed: the visible
    heading that agrees with what the page declares, in its own words. Without one, the first
    declared title stands in, then the <title> without the site's name. A logo or site-name
    <h1> is never the title.
    """
    headings = list(root.iter("h1", "h2", "h3"))
    candidates = []
    for el in headings:
        if el.tag != "h1" or not (t := text_of(el)) or len(t) >= 400:
            continue
        if not _is_logo(el):
            candidates.append((el, t))
        elif not site_name and len(_words(t)) <= 8:
            # A logo <h1> shows the site's name: the part of the <title> to cut when the page
            # declares no name ("Event › Site Name e.V" shows "Site Name e.V" as its logo).
            site_name = t
    if site_name:
        candidates = [(el, t) for el, t in candidates if similarity(t, site_name) < 0.8]
    # A declared title that is a file name ("adac-kindersitztest-herbst-2018") names nothing.
    references = [
        strip_site_name(d, site_name, guess=False) for d in declared if d and not _is_slug(d)
    ]
    declared_count = len(references)
    h23 = [el for el in headings if el.tag != "h1"]
    if title_tag:
        references.append(
            _title_reference(title_tag, [t for _, t in candidates])
            or _title_reference(title_tag, _marked(h23))
            or strip_site_name(title_tag, site_name)
        )
    if site_name:
        # A declared title that is only the site's name (a home page's og:title) names nothing.
        references = [r for r in references if similarity(r, site_name) < 0.8]
    references = [r for r in references if word_set(r)]
    if candidates and not references:
        return candidates[0]
    if candidates:
        best = max(candidates, key=lambda pair: _agreement(pair[1], references))
        if title_tag:
            best = best[0], _without_site_part(best[0], best[1], title_tag)
        agreement = _agreement(best[1], references)
        if agreement >= 0.5:
            # "Headline<br>Senior writer Name" in one <h1>: the line the declared titles show.
            first = _first_line(best[0])
            if first and len(_words(first)) >= 2 and _agreement(first, references) > agreement:
                return best[0], _cased(first, references)
            return best[0], _cased(best[1], references)
        # The one <h1>, marked as the article's title, is displayed as the title even when the
        # declared ones are worded for search or sharing.
        if len(candidates) == 1 and _is_marked_title(candidates[0][0]):
            return candidates[0]
    if references:
        for el, text in _texts(h23, root):
            if text and _agreement(text, references) >= 0.8:
                return el, text
        if not declared_count and len(candidates) == 1 and len(_words(candidates[0][1])) >= 4:
            # Only the browser tab's <title> to go by: the page's one <h1> is what it displays,
            # when it reads as a title (a three-word "About This Site" names the page).
            return candidates[0]
        return None, references[0]
    for el, text in _texts(h23, root):
        if len(_words(text)) >= 3:
            return el, text
    return None, None


def _without_site_part(el: HtmlElement, text: str, title_tag: str) -> str:
    """An <h1>'s text without an element of it that shows the <title>'s first or last part.

    "<h1><span>Headline</span><a href='/'>Site Name</a></h1>" under "Headline » News » Site
    Name": the link is the logo set inside the heading, not words of the headline.
    """
    parts = [p.strip() for p in vocab.TITLE_SEPARATORS_RE.split(title_tag) if p.strip()]
    if len(parts) < 2:
        return text
    for part in dict.fromkeys((parts[0], parts[-1])):
        if len(part) >= len(text) or not 0 < len(_words(part)) <= 4:
            continue
        folded = part.casefold()
        if not any(text_of(child).casefold() == folded for child in el.iterdescendants()):
            continue
        if text.casefold().endswith(folded):
            return text[: len(text) - len(part)].rstrip(" |-–—:»·")
        if text.casefold().startswith(folded):
            return text[len(part) :].lstrip(" |-–—:»·")
    return text


_SLUG_RE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def _is_slug(title: str) -> bool:
    """Whether a declared title is a URL slug or a file name, not words ("my-story-2018")."""
    return _SLUG_RE.fullmatch(title.strip()) is not None


def _first_line(el: HtmlElement) -> str | None:
    """The text of a heading before its first <br>, or None when it has no line break."""
    if next(el.iter("br"), None) is None:
        return None
    pieces: list[str] = []
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                if "".join(pieces).strip():
                    break
            elif isinstance(node.tag, str) and node.text:
                pieces.append(node.text)
        elif node is not el and node.tail:
            pieces.append(node.tail)
    return " ".join("".join(pieces).split()) or None


def _texts(h23: list[HtmlElement], root: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """<h2>/<h3> with their texts, then other itemprop=headline elements (searched only if
    reached)."""
    for el in h23:
        yield el, text_of(el)
    for el in _ITEMPROP_HEADLINE_XPATH(root):
        yield el, text_of(el)


def _marked(headings: list[HtmlElement]) -> list[str]:
    """<h2>/<h3> texts marked as a title ("post-title"), of three words or more."""
    return [
        text for el in headings if _is_marked_title(el) and len(_words(text := text_of(el))) >= 3
    ]


def _cased(visible: str, references: Sequence[str]) -> str:
    """An all-caps heading in the casing of a declared title with the same words."""
    if not visible.isupper():
        return visible
    words = word_set(visible)
    return next((r for r in references if not r.isupper() and word_set(r) == words), visible)


def _title_reference(title: str, headings: Sequence[str]) -> str | None:
    """The part of the <title> a visible heading shows, if any: the rest is decoration."""
    words = list(_words(title))
    # "Headline - Author Name", "Headline | Section | Site": the visible part is the headline.
    inside = [
        h for h in headings if 0 < len(_words(h)) < len(words) and _contains(words, list(_words(h)))
    ]
    return max(inside, key=lambda h: len(_words(h))) if inside else None


def _agreement(text: str, references: Sequence[str]) -> float:
    return max(similarity(text, r) for r in references)


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether ``inner`` is a run of consecutive words of ``outer``."""
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _is_marked_title(el: HtmlElement) -> bool:
    if "headline" in (el.get("itemprop") or "").split():
        return True
    return any(t.endswith(_TITLE_MARKS) and not t.startswith("sub") for t in tokens(el))


def _is_logo(el: HtmlElement) -> bool:
    """An <h1> that is a logo or a link to the site's front page: the site's name, not a title."""
    if any(t.endswith("logo") for t in tokens(el)):
        return True
    link = el.find(".//a")
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if href.startswith("#"):
        return False  # an anchor on the page itself
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.path.rstrip("/") in ("", ".") and not parts.query and not parts.fragment


def find_summary(
    content: list[Block],
    all_blocks: list[Block],
    headline_index: int | None,
    description: str | None,
    bylines: set[int] | frozenset[int] = frozenset(),
) -> tuple[Block | None, str | None]:
    """The dek: a marked standfirst, or the lone sentence between the headline and the body.

    Returns the block (to keep it out of the body) and the text; without a visible dek the
    declared description stands in, with no block.
    """
    start = headline_index + 1 if headline_index is not None else 0
    window = all_blocks[start : start + 6]
    for block in window:
        el = block.el
        parent = el.getparent()
        marked = any(t in vocab.SUMMARY_TOKENS for t in tokens(el)) or (
            parent is not None
            and any(t in vocab.SUMMARY_TOKENS for t in tokens(parent))
            and el.tag not in vocab.HEADING_TAGS
        )
        if marked and 20 <= len(block.text) <= 500:
            return block, block.text
    if headline_index is not None and content:
        first = next(
            (
                b
                for b in window
                if b.zone is None and id(b) not in bylines and not _is_byline(b.text)
            ),
            None,
        )
        # Below a byline or dateline a standfirst needs plain evidence (a heading after it, or
        # the page's description); a one-sentence news lede sits there just as often.
        after_byline = first is not None and first is not window[0]
        if (
            first is not None
            and first in content
            and _is_lead(first, content, description, bylines, strict=after_byline)
        ):
            return first, first.text
    if description and len(description) >= 20:
        return None, description
    return None, None


def _is_byline(text: str) -> bool:
    return len(text) < 120 and vocab.BYLINE_TEXT_RE.match(text) is not None


def _is_lead(
    block: Block,
    content: list[Block],
    description: str | None,
    bylines: set[int] | frozenset[int] = frozenset(),
    *,
    strict: bool = False,
) -> bool:
    text = block.text
    if not 30 <= len(text) <= 320 or text.endswith(":") or block.heading_level:
        return False
    if len(_SENTENCE_END_RE.findall(text)) > 1:
        return False
    if description and similarity(text, description) >= 0.7 and not strict:
        return True  # below a byline, a description copied from the first paragraph proves nothing
    at = content.index(block)
    following = [b for b in content[at + 1 : at + 6] if id(b) not in bylines][:3]
    if not following:
        return False
    nxt = following[0]
    after = following[1] if len(following) > 1 else None
    if (
        nxt.heading_level
        or is_pseudo_heading(nxt, after)
        or nxt.tag != block.tag
        or _is_byline(nxt.text)
    ):
        # A line set apart from the paragraphs after it, or standing above the byline.
        return True
    if strict:
        return False
    # A one-sentence line followed by much longer paragraphs reads as a standfirst.
    longer = [b for b in following if not b.heading_level]
    return bool(longer) and all(len(b.text) >= 2 * len(text) for b in longer)
