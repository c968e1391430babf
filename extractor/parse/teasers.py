"""Related-read teasers: blocks of two or more sibling cards that each link to another article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import lxml.etree

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, blocks, collapse, text_of
from extractor.parse.teaser_links import PageKey, article_url, link_target, page_key

__all__ = ["Card", "TeaserBlock", "article_url", "find_teaser_blocks"]

_LINKS_XPATH = lxml.etree.XPath("//a[@href]")
_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space())")
_WORD_RE = re.compile(r"\w+")
_HEADING_AFFORDANCE_RE = re.compile(
    r"\s*(((view|see|show|read)\s+)?(all|more)(\s+[\w-]+){0,3}|ver (todas|todos|mais)|voir tout|"
    r"alle anzeigen|(scroll )?back to top)\s*[›»>→]*\s*$",
    re.IGNORECASE,
)
# Elements passed over on the way to a block's heading: links to the full list, carousel counters.
_AFFORDANCE_RE = re.compile(
    r"^\s*(((view|see|show)\s+)?(all|more)\b.{0,30}|\d+\s*(of|/)\s*\d+|[‹›«»<>←→]+)\s*$",
    re.IGNORECASE,
)
# Class and id words of heading elements that are not h1-h6.
_HEADING_NAME_RE = re.compile(r"title|heading|header|(^|[\s_-])hed($|[\s_-])", re.IGNORECASE)
# First words of block headings TEASER_HEADING_RE does not know: "More Washington Examiner".
_BLOCK_WORDS_RE = re.compile(
    r"(more|must read|recent|latest|top|popular|related|most (discussed|commented))\b",
    re.IGNORECASE,
)
# Card titles that name a list or a page of the site, not a story.
_NOT_A_STORY_RE = re.compile(
    r"^\s*((see|view|show)\s+(more|all|full)\b|advertise\b|about us\b|contact us\b|"
    r"privacy policy\b|terms of (use|service)\b|careers?\s*$|jobs\s*$|sitemap\s*$)",
    re.IGNORECASE,
)
# Headings of paid, commerce and network blocks: their cards are not the site's articles.
_OFF_HEADING_RE = re.compile(
    r"\b(sponsored|paid (partner|content|post)|partners?|promoted|advertisements?|"
    r"around the web|from our partners|tickets?|shop(ping)? now|our network)\b",
    re.IGNORECASE,
)
# Class and id words of scrolling strips: a ticker is navigation even when it lists stories.
_TICKER_RE = re.compile(r"ticker|marquee|breaking", re.IGNORECASE)
# A card title that is a price or a buying prompt belongs to a shopping widget.
_COMMERCE_RE = re.compile(
    r"^\W*[$€£]\s?\d[\d,.]*\*?\s*$|\b(buy now|buy it|get it|also at|tickets? available|in stock)\b",
    re.IGNORECASE,
)
_FULL_YEAR_RE = re.compile(r"(?<![\d])[12]\d{3}(?!\d)")
MAX_CARD_CHARS = 700
# Attributes that hold a machine-readable date on the element that shows one.
_DATE_ATTRS = ("datetime", "data-datetime", "data-timestamp", "data-time", "data-date", "content")
_MIN_MEAN_CARD_CHARS = 16
MAX_CARDS = 60


@dataclass(slots=True)
class Card:
    """One teaser card as found in the page, before dates are read."""

    el: HtmlElement
    url: str
    title: str | None
    blurb: str | None
    date_text: str | None
    date_attr: str | None  # a machine-readable date on the same element (<time datetime>)

    @property
    def shows_year(self) -> bool:
        """Whether the shown date has its year: not relative ("4 hours ago") nor "Nov 18"."""
        return self.date_text is not None and _FULL_YEAR_RE.search(self.date_text) is not None


@dataclass(slots=True)
class TeaserBlock:
    """A container of cards and the heading shown above it."""

    el: HtmlElement
    heading: str | None
    heading_el: HtmlElement | None
    cards: list[Card]


class _Page:
    """What one search reads more than once, kept per element: texts, zones, link targets."""

    __slots__ = (
        "base_url",
        "find_date",
        "key",
        "link_urls",
        "linked",
        "texts",
        "zone_of_el",
        "zones",
    )

    def __init__(
        self,
        zones: Mapping[HtmlElement, object],
        find_date: Callable[[str], str | None],
        base_url: str | None,
        key: PageKey | None,
    ) -> None:
        self.zones = zones
        self.find_date = find_date
        self.texts: dict[HtmlElement, str] = {}
        self.zone_of_el: dict[HtmlElement, object | None] = {}
        self.link_urls: dict[HtmlElement, str | None] = {}
        self.base_url = base_url
        self.key = key
        self.linked: set[HtmlElement] = set()  # elements holding a standalone article link

    def resolve(self, link: HtmlElement) -> str | None:
        return link_target((link.get("href") or "").strip(), self.base_url, self.key)

    def text(self, el: HtmlElement) -> str:
        found = self.texts.get(el)
        if found is None:
            found = self.texts[el] = text_of(el)
        return found

    def zone(self, el: HtmlElement) -> object | None:
        """The mark of the nearest marked ancestor-or-self, memoised along the way up."""
        path = []
        node: HtmlElement | None = el
        zone: object | None = None
        while node is not None:
            if node in self.zone_of_el:
                zone = self.zone_of_el[node]
                break
            if node in self.zones:
                zone = self.zones[node]
                break
            path.append(node)
            node = node.getparent()
        for seen in path:
            self.zone_of_el[seen] = zone
        return zone


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _in_running_text(link: HtmlElement) -> bool:
    """Whether a link sits inside a sentence rather than standing on its own."""
    tail = link.tail
    before = link.getprevious()
    if before is not None:
        lead = before.tail
    else:
        parent = link.getparent()
        if parent is None:
            return False
        lead = parent.text
    if (not lead or lead.isspace()) and (not tail or tail.isspace()):
        return False
    return _words(lead or "") + _words(tail or "") > 4


def _signature(el: HtmlElement) -> str:
    cls = " ".join(sorted(t for t in (el.get("class") or "").split() if not t[-1:].isdigit()))
    return f"{el.tag}.{cls.split(' ')[0] if cls else ''}"


def _heading_of(first_card: HtmlElement, page: _Page) -> tuple[str | None, HtmlElement | None]:
    """The visible heading shown before a block's first card, inside the block or above it.

    Walks back over the siblings of the first card, then of its ancestors: empty elements,
    "View all" links and carousel counters are passed over; the first element with text is the
    heading when it looks like one, else the block has none. Tab panels ("Latest" / "Most Read"
    lists one after the other under one tab bar) take the label of their own tab.
    """
    node: HtmlElement | None = first_card
    panel = 0  # panels of the same kind passed over before this block's own panel
    for _ in range(4):
        if node is None:
            break
        prev = node.getprevious()
        while prev is not None:
            if isinstance(prev.tag, str):
                text = page.text(prev)
                if node is not first_card and _same_kind(prev, node):
                    panel += 1
                elif text and not _is_affordance(prev, text):
                    break
                elif not text and prev.tag in vocab.HEADING_TAGS:
                    return None, None  # an empty heading (a logo): the block has no text one
            prev = prev.getprevious()
        if prev is not None:
            if (
                node is first_card
                and _signature(prev) == _signature(first_card)
                and (prev.tag == "a" or prev.find(".//a") is not None)
            ):
                return None, None  # a card slot that holds no card (an empty ad), not a heading
            if _looks_like_heading(prev, text) or _has_tabs(prev, page):
                return _tab_label(prev, node, panel, page) or _clean_heading(text), prev
            inner = prev.find(".//h2") if prev.tag not in vocab.HEADING_TAGS else None
            if inner is not None and page.text(inner) == text:
                return _clean_heading(text), prev
            return None, None
        if panel:
            return None, None  # panels without a tab bar right above them
        node = node.getparent()
        if node is not None and node.tag in ("body", "html"):
            break
    return None, None


def _same_kind(a: HtmlElement, b: HtmlElement) -> bool:
    if a.tag != b.tag:
        return False
    classes_a = set((a.get("class") or "").split())
    classes_b = set((b.get("class") or "").split())
    return bool(classes_a & classes_b) or not (classes_a or classes_b)


def _tabs(el: HtmlElement, page: _Page) -> list[str]:
    """The labels of a tab bar: two or more short items that make up all of its text."""
    items = [c for c in el.iter("li", "button", "a") if c is not el]
    if len(items) < 2 or any(c.tag == "li" for c in items):
        items = [c for c in items if c.tag == "li"] or items
    labels = [t for c in items if (t := page.text(c))]
    labels = list(dict.fromkeys(labels))
    if len(labels) < 2 or any(_words(t) > 4 for t in labels):
        return []
    return labels if " ".join(labels) == page.text(el) else []


def _has_tabs(el: HtmlElement, page: _Page) -> bool:
    return len(page.text(el)) <= 80 and bool(_tabs(el, page))


def _tab_label(tab_bar: HtmlElement, panel_el: HtmlElement, panel: int, page: _Page) -> str | None:
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
    if not text or len(text) > 80 or _words(text) > 10:
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
    return (
        vocab.TEASER_HEADING_RE.search(text) is not None or _BLOCK_WORDS_RE.match(text) is not None
    )


def _clean_heading(text: str) -> str | None:
    # "Related Articles View all" -> "Related Articles", but "More Stories" stays itself.
    cleaned = _HEADING_AFFORDANCE_RE.sub("", text).strip(" :›»|")
    return cleaned or text.strip(" :›»|") or None


def _card_links(card: HtmlElement, page: _Page) -> list[tuple[HtmlElement, str]]:
    links = [card] if card.tag == "a" else []
    links.extend(card.iterdescendants("a"))
    out = []
    link_urls = page.link_urls
    for link in links:
        if link in link_urls:
            url = link_urls[link]
        else:  # a link in running text, resolved only now that it sits in a card
            url = link_urls[link] = page.resolve(link)
        if url is not None:
            out.append((link, url))
    return out


_HEADING_ORDER = ("h2", "h3", "h4", "h5", "h6", "h1")
_READ_MORE_TAIL_RE = re.compile(
    r"\s*(read more|continue reading|read the full story)\s*[»›→]?\s*$", re.IGNORECASE
)


def _card_heading(card: HtmlElement, page: _Page) -> HtmlElement | None:
    """The card's own title heading: the highest-ranked heading element with text."""
    if card.tag in _HEADING_ORDER:
        return card if page.text(card) else None
    best: HtmlElement | None = None
    rank = len(_HEADING_ORDER)
    for el in card.iterdescendants(*_HEADING_ORDER):
        r = _HEADING_ORDER.index(str(el.tag))
        if r < rank and page.text(el):
            best, rank = el, r
            if r == 0:
                break
    return best


def _nested(el: HtmlElement, outer: HtmlElement, stop: HtmlElement) -> bool:
    """Whether ``el`` is ``outer`` or inside it, looking no higher than ``stop``."""
    node: HtmlElement | None = el
    while node is not None:
        if node is outer:
            return True
        if node is stop:
            return False
        node = node.getparent()
    return False


def _first_line(link: HtmlElement, page: _Page) -> str:
    """A link's headline: its text, or its first line of three words or more when the link wraps
    a headline and a dek in separate block elements."""
    text = page.text(link)
    if _words(text) < 8 or link.find(".//*") is None:
        return text
    lines = [b.text for b in blocks(link)]
    if len(lines) < 2:
        return text
    for line in lines:
        if _words(line) >= 3 and page.find_date(line) != line:
            return line
    return text


def _read_card(card: HtmlElement, links: list[tuple[HtmlElement, str]], page: _Page) -> Card | None:
    # The main link: the one whose text reads like a title, else the first one.
    if len({url for _, url in links}) > 3:
        return None
    titled = [(link, url) for link, url in links if not vocab.READ_MORE_RE.match(page.text(link))]
    heading = _card_heading(card, page)
    title: str | None = None
    main_url: str
    inner = []
    linked_dek = False
    if heading is not None:
        inner = [
            u for link, u in links if _nested(link, heading, card) or _nested(heading, link, card)
        ]
        # A short heading outside every link beside a long linked headline is a kicker.
        if (
            not inner
            and len(links) <= 2
            and _words(page.text(heading)) <= 3
            and card.find(".//li") is None  # a heading over a list heads a group of links
        ):
            longest = max((_words(page.text(link)) for link, _ in titled), default=0)
            if longest >= 4:
                heading = None
    if heading is not None:
        title = page.text(heading)
        main_url = inner[0] if inner else (titled[0][1] if titled else links[0][1])
    elif titled:
        link, main_url = max(titled, key=lambda pair: len(page.text(pair[0])))
        title = _first_line(link, page) or link.get("title") or None
        # A link that wraps headline and dek: its dek is a blurb even though it is linked.
        linked_dek = title != page.text(link)
    else:
        main_url = links[0][1]
    if title is not None and vocab.READ_MORE_RE.match(title):
        title = None
    if title is not None and _NOT_A_STORY_RE.match(title):
        return None  # "See More Guides", "Advertise with us": a link to a list or a site page

    date_text: str | None = None
    date_attr: str | None = None
    time_el = card.find(".//time")
    if time_el is not None:
        date_attr = time_el.get("datetime")
        date_text = page.text(time_el) or None
    blurb: str | None = None
    # Most cards are their title alone: only a card with more text is read line by line.
    rest = page.text(card)
    if title:
        rest = rest.replace(title, "", 1)
    rest = rest.strip(" |·•-–—:")
    if date_text is None and rest:
        date_text, date_attr = _leaf_date(card, heading, title, page)
    lines = blocks(card) if rest else []
    for block in lines:
        text = block.text
        if title and (text == title or title in text and len(text) - len(title) < 3):
            continue
        if vocab.READ_MORE_RE.match(text):
            continue
        if date_text is None and len(text) <= 80:
            found = page.find_date(text)
            if found is not None:
                date_text = found
                rest = collapse(text.replace(found, " ")).strip(" |·•-–—,")
                if _words(rest) < 4:
                    continue
                text = rest
        if date_text and text == date_text:
            continue
        if title and text.startswith(title):
            text = text[len(title) :].strip(" |·•-–—:")
        text = _READ_MORE_TAIL_RE.sub("", text)
        if _words(text) < 4 or (
            block.link_density > 0.6 and heading is None and card.tag != "a" and not linked_dek
        ):
            continue
        if blurb is None or len(text) > len(blurb):
            blurb = text
    if title is None and blurb is None:
        return None
    return Card(card, main_url, title, blurb, date_text, date_attr)


def _leaf_date(
    card: HtmlElement, heading: HtmlElement | None, title: str | None, page: _Page
) -> tuple[str | None, str | None]:
    """A date shown in a text piece of its own ("14h", "~6 hours ago"), outside the title, and
    the machine-readable value its element carries, if any (``data-datetime``...).

    Such a date often shares its line with the title or a comment count ("14h261", "4,162
    comments - 7 hours ago"), where the line-by-line reading cannot tell it apart.
    """
    for el in card.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        in_title = heading is not None and (el is heading or heading in el.iterancestors())
        pieces = [] if in_title or el.tag == "a" else [(el.text, el)]
        if not (heading is not None and heading in el.iterancestors()):
            pieces.append((el.tail, el.getparent()))
        for piece, owner in pieces:
            text = (piece or "").strip(" \t\n\r-–—|·•,")
            if not text or len(text) > 40 or text == title:
                continue
            found = page.find_date(collapse(text))
            if found is not None:
                # The value belongs to the element showing the text (a tail's is its parent).
                return found, _machine_attr(owner) if owner is not None else None
    return None, None


def _machine_attr(el: HtmlElement) -> str | None:
    for name in _DATE_ATTRS:
        value = el.get(name)
        if value:
            return str(value)
    return None


_SKIP_CONTAINERS = frozenset(("p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "a"))


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
    page = _Page(zones, find_date, base_url, page_key(page_url))
    # Every element that holds a standalone article link, and how many children of each
    # ancestor hold one: a container needs two such children to be worth reading.
    linked = page.linked
    climbed: dict[HtmlElement, int] = {}
    linking_children: dict[HtmlElement, int] = {}
    link_urls = page.link_urls
    for link in _LINKS_XPATH(root):
        if _in_running_text(link):
            continue
        url = link_urls[link] = page.resolve(link)
        if url is None:
            continue
        node = link
        for remaining in range(7, 0, -1):
            # A climb that already passed here with as many levels left went on up: stop.
            if climbed.get(node, 0) >= remaining:
                break
            climbed[node] = remaining
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            if node not in linked:
                linked.add(node)
                linking_children[parent] = linking_children.get(parent, 0) + 1
            node = parent
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
    container: HtmlElement, page: _Page, excluded_kinds: frozenset[str]
) -> list[TeaserBlock]:
    zone = page.zone(container)
    # "Most commented" and Disqus "popular" lists are named like comment sections; they count
    # when a heading names them as a block of stories.
    comments = zone == "comments"
    if isinstance(zone, str) and zone in excluded_kinds and not comments:
        return []
    # A child holds a card when it holds a standalone article link: the search marked those.
    children = [child for child in container if child in page.linked]
    if len(children) < 2:
        return []
    # Cards are siblings of one kind; the odd one out (a "view all" link) is not a card.
    signatures = [_signature(child) for child in children]
    sig, count = Counter(signatures).most_common(1)[0]
    if count < 2 or count > MAX_CARDS:
        return []
    members = [
        child for child, child_sig in zip(children, signatures, strict=True) if child_sig == sig
    ]
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
        if comments:
            return []
        return [block for run in _link_runs(container, page) if (block := _block(run, page, zone))]
    # Cards of a dozen characters on average are menu items ("World", "Sign in"): no card of
    # theirs could carry the two-word titles a block needs, so none is read.
    if sizes < _MIN_MEAN_CARD_CHARS * len(members) or _is_ticker(container):
        return []
    linking = [(member, _card_links(member, page)) for member in members]
    block = _block(linking, page, zone, container)
    if block is None or (comments and not _names_a_block(block.heading)):
        return []
    return [block]


def _block(
    linking: list[tuple[HtmlElement, list[tuple[HtmlElement, str]]]],
    page: _Page,
    zone: object | None,
    container: HtmlElement | None = None,
) -> TeaserBlock | None:
    cards = []
    seen: set[str] = set()
    for child, links in linking:
        card = _read_card(child, links, page)
        if card is None or card.url in seen:
            continue
        seen.add(card.url)
        cards.append(card)
    if len(cards) < 2:
        return None
    heading, heading_el = _heading_of(cards[0].el, page)
    if container is None and not _names_a_block(heading):
        return None  # a run inside running text counts only under a "More:"-like heading
    if not _reads_like_teasers(cards, heading, zone):
        return None
    # A run has no element of its own: its first card stands for it.
    return TeaserBlock(
        container if container is not None else cards[0].el, heading, heading_el, cards
    )


def _names_a_block(heading: str | None) -> bool:
    return heading is not None and (
        vocab.TEASER_HEADING_RE.search(heading) is not None
        or _BLOCK_WORDS_RE.match(heading) is not None
    )


def _link_runs(
    container: HtmlElement, page: _Page
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
        links = _card_links(child, page) if child in page.linked else []
        sig = _signature(child)
        if links and _link_only(child, links, page) and (not run or sig == run_sig):
            run.append((child, links))
            run_sig = sig
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [(child, links)] if links and _link_only(child, links, page) else []
        run_sig = sig
    if len(run) >= 2:
        runs.append(run)
    return runs


def _link_only(el: HtmlElement, links: list[tuple[HtmlElement, str]], page: _Page) -> bool:
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
    dated = sum(1 for c in cards if c.date_text or c.date_attr)
    blurbed = sum(1 for c in cards if c.blurb)
    mean_words = sum(_words(t) for t in titles) / len(cards)
    named = heading is not None and vocab.TEASER_HEADING_RE.search(heading) is not None
    if dated or blurbed:
        return mean_words >= 2 or blurbed >= len(cards) / 2 or named
    if zone == "footer":
        return mean_words >= 5
    if named:
        return mean_words >= 2.5
    return mean_words >= 4.5
