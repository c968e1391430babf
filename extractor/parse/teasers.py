"""Related-read teasers: blocks of two or more sibling cards that each link to another article."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.etree

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, tokens
from extractor.parse.teaser_ads import served_by_network
from extractor.parse.teaser_cards import (
    MAX_CARD_CHARS,
    Card,
    PageReader,
    card_links,
    ends_a_headline_item,
    in_running_text,
    read_card,
    signature,
    unspaced_chars,
    words,
)
from extractor.parse.teaser_headings import CJK_BLOCK_RE, heading_of, names_a_block
from extractor.parse.teaser_links import article_url, bare_host, page_key
from extractor.parse.teaser_nav import is_post_navigation

__all__ = ["Card", "TeaserBlock", "article_url", "find_teaser_blocks"]

_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space())")
# Headings of paid, commerce and network blocks: their cards are not the site's articles.
_OFF_HEADING_RE = re.compile(
    r"\b(sponsored|paid (partner|content|post)|partners?|promoted|advertisements?|"
    r"from our partners|tickets?|shop(ping)? now|our network)\b",
    re.IGNORECASE,
)
# Class and id words of scrolling strips: a ticker is navigation even when it lists stories.
# Strips of headlines across the top of the page ("trending-bar") are navigation.
_TICKER_RE = re.compile(r"ticker|marquee|breaking|trending[-_]?(bar|strip)", re.IGNORECASE)
# The site's own header: what it holds (menus, story strips) is navigation, not a block.
_SITE_HEADER_TOKENS = frozenset(
    {"site-header", "masthead", "global-header", "siteheader", "topbar", "top-bar"}
)
_LETTER_RE = re.compile(r"[^\W\d_]")
# A card title that is a price or a buying prompt belongs to a shopping widget.
_COMMERCE_RE = re.compile(
    r"^\W*[$€£]\s?\d[\d,.]*\*?\s*$|\b(buy now|buy it|get it|also at|tickets? available|in stock)\b",
    re.IGNORECASE,
)
_MIN_MEAN_CARD_CHARS = 16
# More story links than a card holds (its story, section and author): a list of stories.
_MAX_CARD_TARGETS = 3
MAX_CARDS = 60


@dataclass(slots=True)
class TeaserBlock:
    """A container of cards and the heading shown above it."""

    el: HtmlElement
    heading: str | None
    heading_el: HtmlElement | None
    cards: list[Card]


_SKIP_CONTAINERS = frozenset(("span", "h1", "h2", "h3", "h4", "h5", "h6", "a"))
_TOP_TAGS = frozenset(("body", "html"))
# Marks an href not looked up yet (no target is an empty URL; were one, it would only be
# looked up again).
_UNSEEN = ""


def find_teaser_blocks(
    root: HtmlElement,
    *,
    base_url: str | None,
    page_url: str | None,
    zones: Mapping[HtmlElement, object],
    find_date: Callable[[str], str | None],
    excluded_kinds: frozenset[str] = frozenset(
        {"navigation", "breadcrumb", "share", "advert", "comments", "cookie"}
    ),
) -> list[TeaserBlock]:
    """Every block of two or more sibling cards linking to other articles, in page order."""
    page = PageReader(zones, find_date, base_url, page_key(page_url))
    # Every element that holds a standalone article link, and how many children of each
    # ancestor hold one: a container needs two such children to be worth reading.
    linked = page.linked
    climbed: dict[HtmlElement, int] = {}
    linking_children: dict[HtmlElement, int] = {}
    link_urls = page.link_urls
    climbed_get, linking_children_get = climbed.get, linking_children.get
    # Every link of the document with an href, in document order (as //a[@href] would give;
    # iterating in C spares the XPath engine).
    # The page's href cache is read here directly: a method call per link costs more than a
    # cache hit (menus, cards and footers repeat their hrefs).
    targets_get, resolve = page.targets_of_hrefs.get, page.resolve_href
    for link in root.getroottree().getroot().iter("a"):
        href = link.get("href")
        if href is None:
            continue
        # The target first: most links that go nowhere new are told apart by their href alone.
        url = targets_get(href, _UNSEEN)
        if url is _UNSEEN:
            url = resolve(href)
        link_urls[link] = url
        if url is None or (in_running_text(link) and not ends_a_headline_item(link)):
            continue
        node = link
        remaining = 7
        while remaining:
            # A climb that already passed here with as many levels left went on up: stop.
            if climbed_get(node, 0) >= remaining:
                break
            climbed[node] = remaining
            parent = node.getparent()
            if parent is None or parent.tag in _TOP_TAGS:
                break
            if node not in linked:
                linked.add(node)
                linking_children[parent] = linking_children_get(parent, 0) + 1
            node = parent
            remaining -= 1
    # Prune before reading any text: containers that cannot hold a block, and marked zones.
    parents = [
        el
        for el, count in linking_children.items()
        if count >= 2 and el.tag not in _SKIP_CONTAINERS
    ]

    found: list[TeaserBlock] = []
    taken: set[HtmlElement] = set()
    for container in parents:
        if container in taken:
            continue
        blocks_found = _read_block(container, page, excluded_kinds)
        for block in blocks_found:
            found.append(block)
            for card in block.cards if block.el is not container else ():
                taken.add(card.el)
                taken.update(card.el.iterdescendants())
        if blocks_found and blocks_found[0].el is container:
            taken.add(container)
            taken.update(container.iterdescendants())
    # Keep the innermost blocks only: an outer container around a found block would repeat it.
    result = [
        block
        for block in found
        if not any(other is not block and block.el in other.el.iterancestors() for other in found)
    ]
    if len(result) > 1:
        result.sort(key=lambda b: _document_position(b.el))
    return result


def _most_common(signatures: list[str]) -> tuple[str, int]:
    """The commonest signature and its count, the first seen on a tie (as Counter would)."""
    counts: dict[str, int] = {}
    for sig in signatures:
        counts[sig] = counts.get(sig, 0) + 1
    best = signatures[0]
    for sig, count in counts.items():
        if count > counts[best]:
            best = sig
    return best, counts[best]


_TAB_TOKENS = frozenset({"tab", "tabs", "tabpanel", "tabcontent", "tab-pane", "tab-panel"})


def _all_on_site(cards: list[Card], page: PageReader) -> bool:
    if page.key is None:
        return False
    host = page.key[0]
    return all(bare_host((urlsplit(card.url).hostname or "").lower()) == host for card in cards)


def _in_site_header(el: HtmlElement, page: PageReader) -> bool:
    """Whether ``el`` sits in the site's header: a banner holding less than half the page.

    Some templates name a wrapper of the whole page "site_header"; that is no header.
    """
    for node in el.iterancestors():
        if node.get("role") == "banner" or not _SITE_HEADER_TOKENS.isdisjoint(tokens(node)):
            # The page's length once per search: every block of a page may ask.
            if page.page_chars is None:
                page.page_chars = int(_TEXT_LENGTH(node.getroottree().getroot()))
            return bool(2 * int(_TEXT_LENGTH(node)) < page.page_chars)
    return False


def _tab_panels(cards: list[Card]) -> bool:
    """Whether every card is a tab panel of its own (a tab widget with one card per tab)."""
    return all(
        card.el.get("role") == "tabpanel" or not _TAB_TOKENS.isdisjoint(tokens(card.el))
        for card in cards
    )


def _sharing_a_class(children: list[HtmlElement]) -> list[HtmlElement]:
    """The children of the commonest tag that carry the class token most of them share."""
    counts: dict[tuple[str, str], int] = {}
    for child in children:
        tag = str(child.tag)
        for token in set((child.get("class") or "").split()):
            if not token[-1].isdigit():
                counts[tag, token] = counts.get((tag, token), 0) + 1
    if not counts:
        return []
    return _fullest_class(counts, children)


def _fullest_class(
    counts: dict[tuple[str, str], int], children: list[HtmlElement]
) -> list[HtmlElement]:
    """The children sharing the commonest (tag, class); on a tie, those showing the most text.

    Thumbnails and their titles alternate with a class each ("row-image", "row-desc") and
    others on both ("small-5", "cell"): the thumbnails hold no text, so they are no cards.
    """
    best = max(counts.values())
    chosen: list[HtmlElement] = []
    chosen_size = -1
    for (tag, token), count in counts.items():
        if count != best:
            continue
        group = [c for c in children if c.tag == tag and token in (c.get("class") or "").split()]
        size = sum(int(_TEXT_LENGTH(c)) for c in group)
        if size > chosen_size:
            chosen, chosen_size = group, size
    return chosen


def _holds_link_lists(linking: list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]]) -> bool:
    """Whether a sibling of the cards' kind holds a list of stories of its own.

    A sidebar's widget boxes are siblings of one kind: one holds a "Most Commented" list, two
    others a single link each. The boxes are a column of widgets, not cards; the list inside
    one of them is the block.
    """
    return any(
        len({url for _, url in links}) > _MAX_CARD_TARGETS and member.find(".//li") is not None
        for member, links in linking
    )


def _mostly_other_links(
    container: HtmlElement, members: list[HtmlElement], page: PageReader
) -> bool:
    """Whether as many siblings of the cards' kind link off the site to no article.

    A footer column of the app, the Facebook page, the Twitter account and the staff blog
    keeps two items once the social links are dropped; they are a list of services, not of
    stories. (A sibling linking back to this page is a story of the list, not a service.)
    """
    sig = signature(members[0])
    others = 0
    for child in container:
        if child in page.linked or not isinstance(child.tag, str) or signature(child) != sig:
            continue
        link = child if child.tag == "a" else child.find(".//a[@href]")
        if link is not None and _off_site(link.get("href") or "", page):
            others += 1
    return others >= len(members)


def _off_site(href: str, page: PageReader) -> bool:
    if page.key is None or not href.startswith(("http://", "https://", "//")):
        return False
    return bare_host((urlsplit(href.strip()).hostname or "").lower()) != page.key[0]


def _class_stems(el: HtmlElement) -> set[str]:
    """Class names without their last part: "block-big" and "block-small", "card--lead" and
    "card--small" are variants of "block" and "card"."""
    stems = set()
    for token in (el.get("class") or "").split():
        stem = token.split("--")[0] if "--" in token else token.rpartition("-")[0]
        if stem:
            stems.add(stem)
    return stems


def _with_variants(children: list[HtmlElement], members: list[HtmlElement]) -> list[HtmlElement]:
    """The cards with the lead card ahead of them when it is a variant of them: a big one over
    small ones ("widget-block-big" over "widget-block-small")."""
    stems = _class_stems(members[0])
    if not stems:
        return members
    tag = members[0].tag
    # One lead card ahead of the others; variants between or after them are another kind of
    # sibling (a day label beside each title).
    lead = children.index(members[0])
    variants = [
        child
        for child in children[:lead]
        if child.tag == tag and not stems.isdisjoint(_class_stems(child))
    ]
    if len(variants) != 1:
        return members
    lead_sig = signature(variants[0])
    if sum(1 for child in children if signature(child) == lead_sig) > 1:
        return members  # a kind that recurs is not a lone lead card
    return [variants[0], *members]


def _fullest_kind(
    children: list[HtmlElement], signatures: list[str], members: list[HtmlElement]
) -> list[HtmlElement]:
    """Of the kinds of children as many as the commonest, the one showing the most text; any
    kind showing text when the commonest shows none.

    Two kinds alternate when each story has two siblings: a thumbnail column beside a title
    column (``jctj_l`` / ``jctj_r``), a day label beside an episode title (``eps-day`` /
    ``eps-title``). The titles are the cards, whichever kind comes first.
    """
    groups: dict[str, list[HtmlElement]] = {}
    for child, sig in zip(children, signatures, strict=True):
        groups.setdefault(sig, []).append(child)
    best = members
    best_size = sum(int(_TEXT_LENGTH(member)) for member in members)
    for group in groups.values():
        if group[0] is members[0] or len(group) < 2:
            continue
        if len(group) == len(members) or not best_size:
            size = sum(int(_TEXT_LENGTH(child)) for child in group)
            if size > best_size:
                best, best_size = group, size
    return best


def _short_cards(members: list[HtmlElement], sizes: int, page: PageReader) -> bool:
    """Whether the cards hold a dozen characters on average, as menu items do.

    A Han or kana character counts twice: it carries about half a word, so "实拍变性手术全过程"
    is a headline where nine Latin letters would be one word.
    """
    limit = _MIN_MEAN_CARD_CHARS * len(members)
    if sizes >= limit:
        return False
    return sizes + sum(unspaced_chars(page.text(member)) for member in members) < limit


def _document_position(el: HtmlElement) -> list[int]:
    """Sibling indexes from the root down: sorts elements in document order without a walk."""
    path = []
    node = el
    parent = node.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    path.reverse()
    return path


def _is_ticker(container: HtmlElement) -> bool:
    node: HtmlElement | None = container
    for _ in range(3):
        if node is None:
            return False
        if node.tag == "marquee":
            return True
        names = (node.get("class") or "") + " " + (node.get("id") or "")
        if _TICKER_RE.search(names):
            return True
        node = node.getparent()
    return False


def _read_block(
    container: HtmlElement, page: PageReader, excluded_kinds: frozenset[str]
) -> list[TeaserBlock]:
    zone = page.zone(container)
    # "Most commented" and Disqus "popular" lists are named like comment sections; they count
    # when a heading names them as a block of stories.
    comments = zone == "comments"
    # A layout column named for its ads ("ad-column") also holds the site's own story lists;
    # a block there counts when every card stays on the site (ad widgets lead off it).
    in_ads = zone == "advert"
    if isinstance(zone, str) and zone in excluded_kinds and not comments and not in_ads:
        return []
    # A child holds a card when it holds a standalone article link: the search marked those.
    children = [child for child in container if child in page.linked]
    if len(children) < 2:
        return []
    # Cards are siblings of one kind; the odd one out (a "view all" link) is not a card.
    signatures = [signature(child) for child in children]
    sig, count = _most_common(signatures)
    members = [
        child for child, child_sig in zip(children, signatures, strict=True) if child_sig == sig
    ]
    if count < len(children):
        members = _fullest_kind(children, signatures, members)
        count = len(members)
    by_class = False
    if count < len(children):
        # Cards of one component often differ in their first classes (a category, a post
        # type: "post-list-article blog-post category-sports"); a class they all share
        # still makes them one kind.
        shared = _sharing_a_class(children)
        if len(shared) > count:
            members, count, by_class = shared, len(shared), True
        else:
            members = _with_variants(children, members)
            count = len(members)
    if count < 2 or count > MAX_CARDS:
        return []
    # Sizes come from libxml2 (normalize-space), several times faster than reading the text;
    # they reject most containers before any card is looked into.
    sizes = 0
    for member in members:
        size = int(_TEXT_LENGTH(member))
        if size > MAX_CARD_CHARS:
            return []
        sizes += size
    # A container whose own text is mostly outside the cards is running text, not a block;
    # it may still hold a run of link-only paragraphs or lists between its paragraphs.
    if int(_TEXT_LENGTH(container)) - sizes > 0.6 * sizes + 200:
        if comments or in_ads:
            return []
        return [block for run in _link_runs(container, page) if (block := _block(run, page, zone))]
    # Cards of a dozen characters on average are menu items ("World", "Sign in"): no card of
    # theirs could carry the two-word titles a block needs, so none is read.
    if _short_cards(members, sizes, page) or _is_ticker(container):
        return []
    linking = [(member, card_links(member, page)) for member in members]
    if _holds_link_lists(linking):
        return []
    block = _block(linking, page, zone, container)
    # A paragraph of story links ("DON'T MISS" + three links) is a block only under a heading
    # that names one; otherwise its links are the text's.
    named_only = comments or container.tag == "p"
    if block is None or (named_only and not names_a_block(block.heading)):
        return []
    if by_class and 2 * sum(1 for card in block.cards if card.title) < len(block.cards):
        # Untitled cards grouped only by a shared class are whole posts listed one after
        # another (a page of quotes), not teasers of them.
        return []
    if _tab_panels(block.cards):
        return []  # one card per tab: each is a single promo, seen one at a time
    if _in_site_header(container, page):
        return []
    if in_ads and not _all_on_site(block.cards, page):
        return []
    if _mostly_other_links(container, members, page):
        return []
    if not _all_on_site(block.cards, page) and served_by_network(container):
        # A recommendation network's widget leading off the site: paid placements. The same
        # widgets also serve the site's own stories, which stay teasers.
        return []
    return [block]


def _block(
    linking: list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]],
    page: PageReader,
    zone: object | None,
    container: HtmlElement | None = None,
) -> TeaserBlock | None:
    cards: list[Card] = []
    seen: set[str] = set()
    for index, (child, links) in enumerate(linking):
        if len(cards) + len(linking) - index < 2:
            return None  # this child and those after it cannot make the two cards a block needs
        card = read_card(child, links, page)
        if card is None or card.url in seen:
            continue
        seen.add(card.url)
        cards.append(card)
    if len(cards) < 2:
        return None
    heading, heading_el = heading_of(cards[0].el, page)
    if container is None and not names_a_block(heading):
        return None  # a run inside running text counts only under a "More:"-like heading
    if not names_a_block(heading) and _has_lead_linked_items(cards):
        return None
    if not _reads_like_teasers(cards, heading, zone) or is_post_navigation(cards, heading, page):
        return None
    # A run has no element of its own: its first card stands for it.
    return TeaserBlock(
        container if container is not None else cards[0].el, heading, heading_el, cards
    )


def _has_lead_linked_items(cards: list[Card]) -> bool:
    """Whether a card is a list item whose link ends a lead of running words.

    Such items are headlines with their last words linked only under a heading that names a
    block ("More Great WIRED Stories"); elsewhere they are a bulleted list of sentences.
    """
    return any(
        card.el.tag == "li" and any(in_running_text(link) for link in card.el.iter("a"))
        for card in cards
    )


def _link_runs(
    container: HtmlElement, page: PageReader
) -> list[list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]]]:
    """Runs of two or more consecutive siblings of one kind that are nothing but a link.

    "You may also like..." followed by paragraphs that each hold one story link, or "More:"
    followed by one-item lists, inside the article's text container.
    """
    runs = []
    run: list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]] = []
    run_sig = ""
    for child in container:
        if not isinstance(child.tag, str):
            continue
        # Most children of a text container are paragraphs without a story link: they only
        # end the run, whatever their kind.
        links = card_links(child, page) if child in page.linked else []
        link_only = bool(links) and _link_only(child, links, page)
        if not link_only:
            if len(run) >= 2:
                runs.append(run)
            run = []
            continue
        sig = signature(child)
        if not run or sig == run_sig:
            run.append((child, links))
            run_sig = sig
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [(child, links)]
        run_sig = sig
    if len(run) >= 2:
        runs.append(run)
    return runs


def _link_only(el: HtmlElement, links: list[tuple[HtmlElement, str]], page: PageReader) -> bool:
    total = len(page.text(el))
    linked = sum(len(page.text(link)) for link, _ in links)
    return 0 < total <= MAX_CARD_CHARS and linked >= 0.8 * total


def _reads_like_teasers(cards: list[Card], heading: str | None, zone: object | None) -> bool:
    """Tell a block of article cards from a menu, a tag list, a shop or previous/next links."""
    titles = [c.title or "" for c in cards]
    if len(cards) <= 3 and any(vocab.PREV_NEXT_RE.match(t) for t in titles if t):
        return False
    if heading is not None and _OFF_HEADING_RE.search(heading):
        return False
    if sum(1 for t in titles if _COMMERCE_RE.search(t)) * 2 >= len(cards):
        return False
    if sum(1 for t in titles if t and not _LETTER_RE.search(t)) * 2 >= len(cards):
        return False  # titled by clock times or numbers: a live feed's entries, not stories
    dated = sum(1 for c in cards if c.date_text or c.date_attr)
    blurbed = sum(1 for c in cards if c.blurb)
    mean_words = sum(words(t) for t in titles) / len(cards)
    named = heading is not None and (
        vocab.TEASER_HEADING_RE.search(heading) is not None
        or CJK_BLOCK_RE.search(heading) is not None
    )
    if dated or blurbed:
        return mean_words >= 2 or blurbed >= len(cards) / 2 or named
    if zone == "footer":
        return mean_words >= 5
    if named:
        return mean_words >= 2.5
    return mean_words >= 4.5
