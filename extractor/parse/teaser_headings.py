"""The heading shown above a block of teaser cards: text headings, tab labels, affordances."""

from __future__ import annotations

import re

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, collapse, previous_element
from extractor.parse.teaser_cards import signature, words
from extractor.parse.teaser_links import link_target, page_key
from extractor.parse.teaser_page import PageReader

_HEADING_AFFORDANCE_RE = re.compile(
    r"\s*(((view|see|show|read)\s+)?(all|more)(\s+[\w-]+){0,3}|ver (todas|todos|mais)|voir tout|"
    r"alle anzeigen|(scroll )?back to top)\s*[›»>→]*\s*$",
    re.IGNORECASE,
)
# A sponsor's credit after the heading ("Newswire Powered by <logo>") is not part of it.
_SPONSOR_LINE_RE = re.compile(
    r"\s+(powered|presented|brought to you|sponsored) by(\s+\S+){0,3}\s*$", re.IGNORECASE
)
# Elements passed over on the way to a block's heading: links to the full list, carousel counters.
_AFFORDANCE_RE = re.compile(
    r"^\s*(((view|see|show)\s+)?(all|more)\b.{0,30}|\d+\s*(of|/)\s*\d+|[‹›«»<>←→]+)\s*$",
    re.IGNORECASE,
)
# Class and id words of heading elements that are not h1-h6.
_HEADING_NAME_RE = re.compile(
    r"title|heading|header|headline|(^|[\s_-])hed($|[\s_-])", re.IGNORECASE
)
# First words of block headings TEASER_HEADING_RE does not know: "More Washington Examiner".
BLOCK_WORDS_RE = re.compile(
    r"(more|must read|recent|latest|top|popular|related|most (discussed|commented))\b",
    re.IGNORECASE,
)
# Words of Chinese, Japanese and Korean block headings TEASER_HEADING_RE does not know, found
# anywhere in the heading ("48小时点击排行", "這個類別其他的文章", "注目のビジネスニュース").
CJK_BLOCK_RE = re.compile(
    r"其他的?文章|其它文章|最新文章|熱門|相關|推薦|推荐|排行|精選|精选|精粹|精华|精華|"
    r"热点|熱點|热图|熱圖|热搜|熱搜|焦点|焦點|延伸閱讀|延伸阅读|猜你喜欢|猜你喜歡|有興趣|感兴趣|"
    r"人気|おすすめ|注目|ランキング|新着|最新記事|話題|인기|추천|관련|최신"
)


# Wrappers climbed from a block's first card to find its heading: a stream's list sits a few
# layout wrappers below the bar that titles it ("App-Hd" / "App-Bd" > "App-Main" > ul).
_LEVELS = 6
# A class or id naming a list of posts, the way a "Recent posts" heading does: the list and the
# widget box around it are looked at.
_POST_LIST_NAME_RE = re.compile(
    r"(?:^|[\s_-])(?:recent|related|popular|latest|top)[-_](?:posts|entries|articles|stories)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_POST_LIST_LEVELS = 3


def heading_of(first_card: HtmlElement, page: PageReader) -> tuple[str | None, HtmlElement | None]:
    """The visible heading shown before a block's first card, inside the block or above it.

    Walks back over the siblings of the first card, then of its ancestors: empty elements,
    "View all" links and carousel counters are passed over; the first element with text is the
    heading when it looks like one, else the block has none. Tab panels ("Latest" / "Most Read"
    lists one after the other under one tab bar) take the label of their own tab.
    """
    node: HtmlElement | None = first_card
    panel = 0  # panels of the same kind passed over before this block's own panel
    slides = False  # whether a lower level had such panels before this block's own
    for _ in range(_LEVELS):
        if node is None:
            break
        prev = node.getprevious()
        while prev is not None:
            if isinstance(prev.tag, str):
                text = page.text(prev)
                # Another panel holds story links too; a paragraph of text is not one.
                if node is not first_card and prev in page.linked and _same_kind(prev, node):
                    panel += 1
                elif node is first_card and _current_story_card(prev, first_card, page):
                    pass  # the list's card for this very article, dropped as a self-link
                elif node is first_card and text and _list_item_of_kind(prev, first_card, page):
                    pass  # an item of the list that is no card (a newsletter ask among them)
                elif text and not _is_affordance(prev, text):
                    break
                elif not text and prev.tag in vocab.HEADING_TAGS:
                    return None, None  # an empty heading (a logo): the block has no text one
            prev = prev.getprevious()
        if prev is not None:
            if (
                node is first_card
                and signature(prev) == signature(first_card)
                and (prev.tag == "a" or prev.find(".//a") is not None)
            ):
                return None, None  # a card slot that holds no card (an empty ad), not a heading
            if _unfilled_box(prev):
                return None, None  # the heading of a list left empty for a script to fill
            if slides and _has_tabs(prev, page):
                return None, None
            if _looks_like_heading(prev, text) or _has_tabs(prev, page):
                label = _tab_of_panel(prev, first_card, page) or _tab_label(prev, node, panel, page)
                if label is None and (above := _heading_over_strapline(prev, text, page)):
                    return above
                return label or _clean_heading(text), prev
            inner = prev.find(".//h2") if prev.tag not in vocab.HEADING_TAGS else None
            if inner is not None and page.text(inner) == text:
                return _clean_heading(text), prev
            if prev.tag == "header" and (titled := _header_heading(prev, page)) is not None:
                return _clean_heading(titled), prev
            return None, None
        # Slides of a carousel with nothing above them at this level share the heading above;
        # a tab bar found up there labels panels this walk can no longer count.
        slides = slides or panel > 0
        node = node.getparent()
        if node is not None and node.tag in ("body", "html"):
            break
    return None, None


def _header_heading(header: HtmlElement, page: PageReader) -> str | None:
    """The text of the heading element inside a block's <header>, which may hold more than
    the heading: a link to the section ("Zur heise online Startseite"), a logo."""
    inner = next(header.iter("h2", "h3", "h4"), None)
    if inner is None:
        return None
    text = page.text(inner)
    return text if _looks_like_heading(inner, text) else None


def _heading_over_strapline(
    el: HtmlElement, text: str, page: PageReader
) -> tuple[str | None, HtmlElement] | None:
    """The heading element right above a line styled as a heading, when the heading names a
    block and the line does not: "Ähnliche Beiträge" over its strapline "Diese Beiträge
    solltest du nicht verpassen"."""
    if el.tag in vocab.HEADING_TAGS or names_a_block(text):
        return None
    above = previous_element(el)
    if above is None or above.tag not in vocab.HEADING_TAGS:
        return None
    heading = page.text(above)
    if not names_a_block(heading) or not _looks_like_heading(above, heading):
        return None
    return _clean_heading(heading), above


def _list_item_of_kind(el: HtmlElement, card: HtmlElement, page: PageReader) -> bool:
    """Whether ``el`` is a filled list item of the same kind as the card ``card``: a line with
    a link of its own, not an empty card slot (an ad not served)."""
    if el.tag != "li" or card.tag != "li" or signature(el) != signature(card):
        return False
    return any(page.text(link) for link in el.iter("a"))


def _current_story_card(el: HtmlElement, card: HtmlElement, page: PageReader) -> bool:
    """Whether ``el`` is a card of the same kind as ``card`` that links to the current page."""
    if page.key is None or signature(el) != signature(card):
        return False
    for link in el.iter("a"):
        url = link_target((link.get("href") or "").strip(), page.base_url, None)
        if url is not None and page_key(url) == page.key:
            return True
    return False


def _unfilled_box(el: HtmlElement) -> bool:
    """Whether ``el`` is a box of its own whose list is empty ("Most read" filled by a script):
    its heading names that list, not the block after it."""
    return el.tag not in vocab.HEADING_TAGS and any(
        not any(isinstance(item.tag, str) for item in listing) for listing in el.iter("ul", "ol")
    )


def _same_kind(a: HtmlElement, b: HtmlElement) -> bool:
    if a.tag != b.tag:
        return False
    classes_a = set((a.get("class") or "").split())
    classes_b = set((b.get("class") or "").split())
    return bool(classes_a & classes_b) or not (classes_a or classes_b)


def _tabs(el: HtmlElement, page: PageReader) -> list[str]:
    """The labels of a tab bar: two or more short items that make up all of its text."""
    items = [c for c in el.iter("li", "button", "a") if c is not el]
    if len(items) < 2 or any(c.tag == "li" for c in items):
        items = [c for c in items if c.tag == "li"] or items
    labels = [t for c in items if (t := page.text(c))]
    labels = list(dict.fromkeys(labels))
    if len(labels) < 2 or any(words(t) > 4 for t in labels):
        return []
    return labels if " ".join(labels) == page.text(el) else []


def _tab_of_panel(tab_bar: HtmlElement, first_card: HtmlElement, page: PageReader) -> str | None:
    """The label of the tab that names the panel holding ``first_card`` by its id
    (``href="#nav-featured"``, ``aria-controls="nav-featured"``): its panels need not all be
    filled to be told apart."""
    ids = set()
    stop = tab_bar.getparent()
    for node in first_card.iterancestors():
        if node is stop:
            break
        if node_id := node.get("id"):
            ids.add(node_id)
    if not ids or not _has_tabs(tab_bar, page):
        return None
    for tab in tab_bar.iter("a", "button", "li"):
        href = tab.get("href") or ""
        target = tab.get("aria-controls") or (href[1:] if href.startswith("#") else "")
        if target in ids:
            return page.text(tab) or None
    return None


def _has_tabs(el: HtmlElement, page: PageReader) -> bool:
    return len(page.text(el)) <= 80 and bool(_tabs(el, page))


def _tab_label(
    tab_bar: HtmlElement, panel_el: HtmlElement, panel: int, page: PageReader
) -> str | None:
    labels = _tabs(tab_bar, page)
    if not labels:
        return None
    panels = panel + 1
    after = panel_el.getnext()
    while after is not None:
        if isinstance(after.tag, str) and _same_kind(after, panel_el):
            panels += 1
        after = after.getnext()
    return labels[panel] if panels == len(labels) else None


def _is_affordance(el: HtmlElement, text: str) -> bool:
    """A "More World" / "View all" link, a "1 of 3" counter or arrows: not a heading."""
    if not _AFFORDANCE_RE.match(text):
        return False
    if text[:1].isdigit() or not text[:1].isalpha():
        return True
    link = el if el.tag == "a" else (el[0] if len(el) == 1 else None)
    return link is not None and link.tag == "a" and collapse(" ".join(link.itertext())) == text


def _looks_like_heading(el: HtmlElement, text: str) -> bool:
    if not text or len(text) > 80 or words(text) > 10:
        return False
    if el.tag in vocab.HEADING_TAGS or el.tag == "header":
        return True
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    if el.find(".//h2") is not None or el.find(".//h3") is not None or el.find(".//h4") is not None:
        return True
    bold = (
        el.tag in vocab.BOLD_TAGS or el.find(".//strong") is not None or el.find(".//b") is not None
    )
    if bold or _HEADING_NAME_RE.search((el.get("class") or "") + " " + (el.get("id") or "")):
        return True
    return names_a_block(text)


def _clean_heading(text: str) -> str | None:
    # "Related Articles View all" -> "Related Articles", but "More Stories" stays itself. A
    # final colon is part of the heading as shown ("More:", "Read more:").
    cleaned = _SPONSOR_LINE_RE.sub("", text)
    cleaned = _HEADING_AFFORDANCE_RE.sub("", cleaned).strip(" ›»|").lstrip(":").strip()
    return cleaned or text.strip(" :›»|") or None


def names_a_block(heading: str | None) -> bool:
    return heading is not None and (
        vocab.TEASER_HEADING_RE.search(heading) is not None
        or BLOCK_WORDS_RE.match(heading) is not None
        or CJK_BLOCK_RE.search(heading) is not None
    )


def names_a_post_list(container: HtmlElement) -> bool:
    """Whether the list or the widget box around it is named for a list of posts: WordPress's
    "widget_recent_entries", "recent-posts-4", "related-posts", "popular-articles"."""
    node: HtmlElement | None = container
    for _ in range(_POST_LIST_LEVELS):
        if node is None:
            return False
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _POST_LIST_NAME_RE.search(names):
            return True
        node = node.getparent()
    return False
