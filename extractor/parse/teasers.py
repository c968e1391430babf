"""Related-read teasers: blocks of two or more sibling cards that each link to another article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.etree

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, blocks, collapse, text_of

_LINKS_XPATH = lxml.etree.XPath("//a[@href]")
_WORD_RE = re.compile(r"\w+")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "sms:", "whatsapp:", "ftp:")
_HEADING_AFFORDANCE_RE = re.compile(
    r"\s*(view|see|show|read)?\s*(all|more)\s*(stories|articles|posts|news)?\s*[›»>→]*\s*$",
    re.IGNORECASE,
)
MAX_CARD_CHARS = 700
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


@dataclass(slots=True)
class TeaserBlock:
    """A container of cards and the heading shown above it."""

    el: HtmlElement
    heading: str | None
    heading_el: HtmlElement | None
    cards: list[Card]


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def article_url(href: str, base: str | None, page_url: str | None) -> str | None:
    """The absolute URL of a link when it may lead to another article, else None."""
    page = urlsplit(page_url) if page_url else None
    key = (_bare_host(page.hostname or ""), page.path.rstrip("/"), page.query) if page else None
    return _article_url(href.strip(), base, key)


@lru_cache(maxsize=256)
def _origin(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def _bare_host(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=16384)
def _article_url(href: str, base: str | None, page: tuple[str, str, str] | None) -> str | None:
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    if href.startswith(("http://", "https://")):
        url = href  # most links are absolute or root-relative: spare urljoin's general case
    elif base and href.startswith("/") and not href.startswith("//") and "/." not in href:
        url = _origin(base) + href
    else:
        url = urljoin(base, href) if base else href
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = _bare_host((parts.hostname or "").lower())
    if host in vocab.SOCIAL_HOSTS or host in vocab.AD_HOSTS:
        return None
    if parts.path in ("", "/") and not parts.query:
        return None  # a home page is navigation
    if vocab.NON_ARTICLE_PATH_RE.search(parts.path):
        return None
    same_path = page is not None and host == page[0] and parts.path.rstrip("/") == page[1]
    # Sites whose articles differ only in their query (news_view.html?idx=...) keep it.
    if same_path and page is not None and (not (parts.query and page[2]) or parts.query == page[2]):
        return None
    return url.split("#", 1)[0]


def _in_running_text(link: HtmlElement) -> bool:
    """Whether a link sits inside a sentence rather than standing on its own."""
    parent = link.getparent()
    if parent is None:
        return False
    before = link.getprevious()
    lead = (before.tail if before is not None else parent.text) or ""
    tail = link.tail or ""
    return _words(lead) + _words(tail) > 4


def _signature(el: HtmlElement) -> str:
    cls = " ".join(sorted(t for t in (el.get("class") or "").split() if not t[-1:].isdigit()))
    return f"{el.tag}.{cls.split(' ')[0] if cls else ''}"


def _heading_of(
    container: HtmlElement, zones: Mapping[HtmlElement, object]
) -> tuple[str | None, HtmlElement | None]:
    """The visible heading right above a block, or its own first heading child."""
    first = container[0] if len(container) else None
    if first is not None and first.tag in vocab.HEADING_TAGS:
        return _clean_heading(text_of(first)), first
    node: HtmlElement | None = container
    for _ in range(3):
        if node is None:
            break
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        while prev is not None and not text_of(prev) and prev.tag not in vocab.HEADING_TAGS:
            prev = prev.getprevious()
        if prev is not None:
            text = text_of(prev)
            if _looks_like_heading(prev, text):
                return _clean_heading(text), prev
            inner = prev.find(".//h2") if prev.tag not in vocab.HEADING_TAGS else None
            if inner is not None and text_of(inner) == text:
                return _clean_heading(text), prev
            return None, None
        node = node.getparent()
        if node is not None and node.tag in ("body", "html"):
            break
    return None, None


def _looks_like_heading(el: HtmlElement, text: str) -> bool:
    if not text or len(text) > 80 or _words(text) > 10:
        return False
    if el.tag in vocab.HEADING_TAGS:
        return True
    if text.endswith((".", ",", ";")):
        return False
    if el.find(".//h2") is not None or el.find(".//h3") is not None or el.find(".//h4") is not None:
        return True
    bold = (
        el.tag in vocab.BOLD_TAGS or el.find(".//strong") is not None or el.find(".//b") is not None
    )
    return bold or vocab.TEASER_HEADING_RE.search(text) is not None


def _clean_heading(text: str) -> str | None:
    text = _HEADING_AFFORDANCE_RE.sub("", text).strip(" :›»|")
    return text or None


def _card_links(
    card: HtmlElement, link_urls: Mapping[HtmlElement, str | None]
) -> list[tuple[HtmlElement, str]]:
    links = [card] if card.tag == "a" else []
    links.extend(card.iterdescendants("a"))
    out = []
    for link in links:
        url = link_urls.get(link)
        if url is not None:
            out.append((link, url))
    return out


def _read_card(
    card: HtmlElement,
    links: list[tuple[HtmlElement, str]],
    find_date: Callable[[str], str | None],
) -> Card | None:
    # The main link: the one whose text reads like a title, else the first one.
    urls = Counter(url for _, url in links)
    if len(urls) > 3:
        return None
    titled = [(link, url) for link, url in links if not vocab.READ_MORE_RE.match(text_of(link))]
    heading = None
    for tag in ("h2", "h3", "h4", "h5", "h6", "h1"):
        found = card.find(f".//{tag}") if card.tag != tag else card
        if found is not None and text_of(found):
            heading = found
            break
    title: str | None = None
    main_url: str
    if heading is not None:
        title = text_of(heading)
        inner = [
            u
            for link, u in links
            if link is heading
            or heading in link.iterancestors()
            or link in heading.iterdescendants()
        ]
        main_url = inner[0] if inner else (titled[0][1] if titled else links[0][1])
    elif titled:
        link, main_url = max(titled, key=lambda pair: len(text_of(pair[0])))
        title = text_of(link) or link.get("title") or None
    else:
        main_url = links[0][1]
    if title is not None and vocab.READ_MORE_RE.match(title):
        title = None

    date_text: str | None = None
    date_attr: str | None = None
    time_el = card.find(".//time")
    if time_el is not None:
        date_attr = time_el.get("datetime")
        date_text = text_of(time_el) or None
    parts = blocks(card)
    blurb: str | None = None
    for block in parts:
        text = block.text
        if title and (text == title or title in text and len(text) - len(title) < 3):
            continue
        if vocab.READ_MORE_RE.match(text):
            continue
        if date_text is None and len(text) <= 80:
            found = find_date(text)
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
        text = re.sub(
            r"\s*(read more|continue reading|read the full story)\s*[»›→]?\s*$",
            "",
            text,
            flags=re.IGNORECASE,
        )
        if _words(text) < 4 or (block.link_density > 0.6 and heading is None and card.tag != "a"):
            continue
        if blurb is None or len(text) > len(blurb):
            blurb = text
    if title is None and blurb is None:
        return None
    return Card(card, main_url, title, blurb, date_text, date_attr)


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
    # Group qualifying links by the container two or more of their cards share.
    # Every element that holds a standalone article link, and how many children of each
    # ancestor hold one: a container needs two such children to be worth reading.
    linked: set[HtmlElement] = set()
    linking_children: dict[HtmlElement, int] = {}
    link_urls: dict[HtmlElement, str | None] = {}
    for link in _LINKS_XPATH(root):
        url = article_url(link.get("href") or "", base_url, page_url)
        link_urls[link] = url
        if url is None or _in_running_text(link):
            continue
        node = link
        for _ in range(7):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            if node not in linked:
                linked.add(node)
                linking_children[parent] = linking_children.get(parent, 0) + 1
            node = parent
    parents = [el for el, count in linking_children.items() if count >= 2]

    found: list[TeaserBlock] = []
    taken: set[HtmlElement] = set()
    for container in parents:
        if container in taken:
            continue
        block = _read_block(container, link_urls, zones, find_date, excluded_kinds)
        if block is None:
            continue
        found.append(block)
        taken.add(container)
        taken.update(container.iterdescendants())
    # Keep the innermost blocks only: an outer container around a found block would repeat it.
    result = [
        block
        for block in found
        if not any(other is not block and block.el in other.el.iterancestors() for other in found)
    ]
    order = {el: i for i, el in enumerate(root.iter())} if len(result) > 1 else {}
    result.sort(key=lambda b: order.get(b.el, 0))
    return result


def _read_block(
    container: HtmlElement,
    link_urls: Mapping[HtmlElement, str | None],
    zones: Mapping[HtmlElement, object],
    find_date: Callable[[str], str | None],
    excluded_kinds: frozenset[str],
) -> TeaserBlock | None:
    zone = None
    for el in (container, *container.iterancestors()):
        if el in zones:
            zone = zones[el]
            break
    if isinstance(zone, str) and zone in excluded_kinds:
        return None
    if container.tag in ("p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "a"):
        return None
    children = [c for c in container if isinstance(c.tag, str)]
    linking = []
    for child in children:
        links = _card_links(child, link_urls)
        if links and not all(_in_running_text(link) for link, _ in links):
            linking.append((child, links))
    if len(linking) < 2:
        return None
    # Cards are siblings of one kind; the odd one out (a "view all" link) is not a card.
    sig_counts = Counter(_signature(child) for child, _ in linking)
    sig, count = sig_counts.most_common(1)[0]
    if count < 2:
        return None
    linking = [(c, links) for c, links in linking if _signature(c) == sig]
    if len(linking) > MAX_CARDS:
        return None
    texts = [text_of(c) for c, _ in linking]
    if any(len(t) > MAX_CARD_CHARS for t in texts):
        return None
    # A container whose own text is mostly outside the cards is running text, not a block.
    outside = len(text_of(container)) - sum(len(t) for t in texts)
    if outside > 0.6 * sum(len(t) for t in texts) + 200:
        return None
    cards = []
    seen: set[str] = set()
    for child, links in linking:
        card = _read_card(child, links, find_date)
        if card is None or card.url in seen:
            continue
        seen.add(card.url)
        cards.append(card)
    if len(cards) < 2:
        return None
    heading, heading_el = _heading_of(container, zones)
    if not _reads_like_teasers(cards, heading, zone):
        return None
    return TeaserBlock(container, heading, heading_el, cards)


def _reads_like_teasers(cards: list[Card], heading: str | None, zone: object | None) -> bool:
    """Tell a block of article cards from a menu, a tag list or previous/next links."""
    titles = [c.title or "" for c in cards]
    if len(cards) <= 3 and any(vocab.PREV_NEXT_RE.match(t) for t in titles if t):
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
