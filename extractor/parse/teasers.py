"""Related-read teasers: blocks of two or more sibling cards that each link to another article."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from extractor.parse import vocab
from extractor.parse.bylines import names_a_byline
from extractor.parse.dom import HtmlElement, previous_element, tokens
from extractor.parse.teaser_ads import served_by_network
from extractor.parse.teaser_card_parts import excerpt_card
from extractor.parse.teaser_cards import (
    MAX_CARD_CHARS,
    Card,
    card_links,
    ends_a_headline_item,
    in_running_text,
    read_card,
    signature,
    unspaced_chars,
    words,
)
from extractor.parse.teaser_headings import (
    CJK_BLOCK_RE,
    heading_of,
    names_a_block,
    names_a_post_list,
)
from extractor.parse.teaser_kinds import (
    fullest_kind,
    has_lead_linked_items,
    mostly_other_links,
    with_variants,
)
from extractor.parse.teaser_layout import (
    hidden_on_desktop,
    holds_a_list,
    in_marked_aside,
    is_lead_card,
    pictured_sidebar_list,
    sharing_a_class,
    shows_stories,
    ticker_kind,
)
from extractor.parse.teaser_links import article_url, page_key, url_host
from extractor.parse.teaser_listings import comment_entries, in_archive_tree, price_tagged
from extractor.parse.teaser_nav import is_post_navigation
from extractor.parse.teaser_page import PageReader
from extractor.parse.teaser_shapes import (
    closing_cards,
    data_table_rows,
    in_a_later_story,
    links_a_section,
    story_path,
)
from extractor.parse.teaser_stacks import stacked_stories

__all__ = ["Card", "TeaserBlock", "article_url", "find_teaser_blocks"]

# Headings of paid, commerce and network blocks: their cards are not the site's articles.
# ("Around the web" is not one: partner sites' headline lists go by that name too, and the
# ad widgets that use it are known by their ad-network links and names.)
_OFF_HEADING_RE = re.compile(
    r"\b(sponsored|paid (partner|content|post)|partners?|promoted|advertisements?|"
    r"from our partners|tickets?|shop(ping)? now|our network|classifieds?)\b"
    # Readers' comments and event listings link to posts and events, not to stories; a
    # "Contact" column links to ways of reaching the site.
    r"|\b(recent|latest|newest) comments\b|\bupcoming events\b|^\W*contact( us)?\W*$"
    # The same in other languages, and a comment count over the comments' own links
    # ("3 Kommentare": the pingbacks of other blogs).
    r"|\b(neu(e)?ste|letzte|aktuelle) kommentare\b|\bderniers commentaires\b"
    r"|\bcomentarios recientes\b|\bultimi commenti\b"
    rf"|^\W*{vocab.COMMENT_COUNT}\b"
    # Job offers link to a job board's listings.
    r"|\b(jobs?|job offers|careers?|stellenangebote|stellenanzeigen|stellenmarkt|stellenbörse|"
    r"jobbörse|karrierechancen"
    r"|offres d.emploi|ofertas de empleo)\b"
    # Paid and classified boxes in German and French ("Anzeige", "Werbung", "Contenu
    # sponsorisé", "Kleinanzeigen"), a "Special PR" box, and blogrolls, which link other blogs.
    r"|^\W*(anzeigen?|werbung|publicité)\W*$"
    r"|\b(gesponsert|sponsorisée?s?|contenus? sponsorisés?|publi-?reportage|kleinanzeigen|"
    r"petites annonces|blogroll)\b|(?-i:\bPR\b)"
    # A blog's archive tree lists its posts under months: navigation. Trackbacks, pingbacks
    # and webmentions are comments left by other blogs.
    r"|^\W*(blog[- ]?)?archiv(e|es|o)?\b|\barchives du blog\b"
    r"|\b(trackbacks?|pingbacks?|webmentions?)\b"
    # A list of the article's sources: cited pages, not recommended stories.
    r"|^\W*(sources?|quellen(angaben)?|references|références|referencias|riferimenti|bronnen|"
    r"einzelnachweise|literatur(verzeichnis)?|bibliograph(y|ie)|bibliografía|fuentes|fonti|"
    r"footnotes|fußnoten|notes)\W*$",
    re.IGNORECASE,
)
# The site's own header: what it holds (menus, story strips) is navigation, not a block.
_SITE_HEADER_TOKENS = frozenset(
    {"site-header", "masthead", "global-header", "siteheader", "topbar", "top-bar"}
)
_LETTER_RE = re.compile(r"[^\W\d_]")
# Two to four capitalised words: how a writer's name reads ("Benjamin Fischer").
_PERSON_NAME_RE = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*$")
# A card title that is a price or a buying prompt belongs to a shopping widget.
_COMMERCE_RE = re.compile(
    r"^\W*[$€£]\s?\d[\d,.]*\*?\s*$|\b(buy now|buy it|get it|also at|tickets? available|in stock)\b",
    re.IGNORECASE,
)
_MIN_MEAN_CARD_CHARS = 16
MAX_CARDS = 60


@dataclass(slots=True)
class TeaserBlock:
    """A container of cards and the heading shown above it."""

    el: HtmlElement
    heading: str | None
    heading_el: HtmlElement | None
    cards: list[Card]


# A lead story beside a list may set its headline as large as the page's own.
_LEAD_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
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
    post_navigation: list[HtmlElement] | None = None,
) -> list[TeaserBlock]:
    """Every block of two or more sibling cards linking to other articles, in page order.

    Boxes of previous/next post links met on the way go to ``post_navigation`` when given.
    """
    page = PageReader(zones, find_date, base_url, page_key(page_url))
    # Every element that holds a standalone article link, and how many children of each
    # ancestor hold one: a container needs two such children to be worth reading.
    linked = page.linked
    climbed: dict[HtmlElement, int] = {}
    linking_children = page.linking_children
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
        if blocks_found and blocks_found[0].el is container and _holds_a_block(container, found):
            # The innermost blocks are kept: this one would be dropped for a block found inside
            # it, and what it would take (its other lists) is still to be read on its own.
            continue
        for block in blocks_found:
            found.append(block)
            for card in block.cards if block.el is not container else ():
                taken.add(card.el)
                taken.update(card.el.iterdescendants())
        if blocks_found and blocks_found[0].el is container:
            taken.add(container)
            cards = {card.el for card in blocks_found[0].cards}
            for child in container:
                # A child that is no card but holds a list of its own (a column of widgets
                # read as one block) is left to be read: its list is a block, and the column's
                # block then gives way to it as an outer one.
                if child not in cards and child in linked and holds_a_list(child, page):
                    continue
                taken.add(child)
                taken.update(child.iterdescendants())
    # Keep the innermost blocks only: an outer container around a found block would repeat it.
    result = [
        block
        for block in found
        if not any(other is not block and _repeats(block, other) for other in found)
    ]
    for block in result:
        if block.heading is None and block.el is not block.cards[0].el:
            _take_lead_before(block, page, result)
    result.extend(_stacks(parents, page, taken, result, excluded_kinds))
    # The heading over a lead story may name the list as paid ("Sponsored Posts").
    result = [b for b in result if b.heading is None or not _OFF_HEADING_RE.search(b.heading)]
    if len(result) > 1:
        result.sort(key=lambda b: _document_position(b.el))
    if post_navigation is not None:
        post_navigation.extend(page.post_navigation)
    return result


def _stacks(
    containers: list[HtmlElement],
    page: PageReader,
    taken: set[HtmlElement],
    blocks: list[TeaserBlock],
    excluded_kinds: frozenset[str],
) -> list[TeaserBlock]:
    """Stacks of one-story widgets under one heading that no block found holds."""
    stacks = []
    for heading_el, heading, cards in stacked_stories(containers, page, taken):
        zone = page.zone(heading_el)
        if isinstance(zone, str) and zone in excluded_kinds:
            continue
        if any(
            block.el is card.el or block.el in card.el.iterancestors()
            for block in blocks
            for card in cards
        ):
            continue
        if _reads_like_teasers(cards, heading, zone) and not is_post_navigation(
            cards, heading, page
        ):
            stacks.append(TeaserBlock(cards[0].el, heading, heading_el, cards))
    return stacks


# A year as a segment of a story's path ("/2014/kernel-panic/", "/2019/06/19/slug"): a post's.
_DATED_PATH_RE = re.compile(r"/(?:19|20)\d\d/")


def _hub_sections(cards: list[Card], named: bool) -> bool:
    """Whether undated cards of one-word titles over deks, under no heading ``named`` as a
    block, are a hub's sections, not stories."""
    if named or any(card.date_text or card.date_attr for card in cards):
        return False
    if not all(card.title for card in cards) or not any(card.blurb for card in cards):
        return False  # untitled cards with deks are stories told by their deks
    return sum(words(card.title or "") for card in cards) < _MAX_HUB_WORDS * len(cards)


# Titles of a word or so on average: section names.
_MAX_HUB_WORDS = 1.5


def _headed_dated_stories(cards: list[Card], heading: str | None, page: PageReader) -> bool:
    """Whether a headed box links only dated posts of the site ("Heute vor 5 Jahren").

    (Not in the page's footer: a column of short titles there is the site's own links unless a
    heading names it a list of stories.)
    """
    return (
        heading is not None
        and _all_on_site(cards, page)
        and all(card.title and _DATED_PATH_RE.search(card.url) for card in cards)
    )


def _repeats(outer: TeaserBlock, inner: TeaserBlock) -> bool:
    """Whether ``outer`` would repeat ``inner``, a block inside its element.

    It does when ``inner`` lies in one of its cards, or in a child of the kind its cards are (a
    column of widget boxes, one of which holds a list). A list beside the cards in a child of
    another kind (a "Most popular" box after a run of story cards) is a block of its own.
    """
    if outer.el not in inner.el.iterancestors():
        return False
    cards = {card.el for card in outer.cards}
    if outer.el in cards:
        return True  # a run of cards stands for itself by its first card
    node = inner.el
    parent = node.getparent()
    while parent is not outer.el and parent is not None:
        node, parent = parent, parent.getparent()
    return node in cards or signature(node) in {signature(el) for el in cards}


def _take_lead_before(block: TeaserBlock, page: PageReader, blocks: list[TeaserBlock]) -> None:
    """Prepend the lead story drawn right before an unheaded list (a picture and a headline of
    its own, then the list of the others) and take the heading above the lead."""
    lead = previous_element(block.el)
    if lead is None or not is_lead_card(lead, page, _LEAD_HEADINGS):
        return
    if any(lead is other.el or lead in other.el.iterancestors() for other in blocks):
        return
    # (Its link may sit deeper than the search climbs from links: read here, not marked.)
    links = card_links(lead, page)
    if not links:
        return
    card = read_card(lead, links, page)
    if card is None or card.title is None or any(c.url == card.url for c in block.cards):
        return
    heading, heading_el = heading_of(lead, page)
    if heading is None:
        return  # a lone promo before the list, not its lead
    block.cards.insert(0, card)
    block.heading, block.heading_el = heading, heading_el


def _holds_a_block(container: HtmlElement, found: list[TeaserBlock]) -> bool:
    return any(container in block.el.iterancestors() for block in found)


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


# A class or id that names a tab panel: the name is a tab word, or ends in one ("widget-tab",
# "tab-pane", BEM's "b-tabs__content"). A name with a tab word inside ("mvp-side-tab-story")
# names something a panel holds, a story of a tab's list, not the panel.
_TAB_NAME_RE = re.compile(
    r"(?:^|[-_])(?:tabs?|tabpanel|tabcontent|tab[-_]pane|tab[-_]panel)"
    r"(?:__(?:content|pane|panel|body|item))?$"
)


def _all_on_site(cards: list[Card], page: PageReader) -> bool:
    if page.key is None:
        return False
    host = page.key[0]
    return all(url_host(card.url) == host for card in cards)


def _in_site_header(el: HtmlElement, page: PageReader) -> bool:
    """Whether ``el`` sits in the site's header: a banner holding less than half the page.

    Some templates name a wrapper of the whole page "site_header"; that is no header.
    """
    for node in el.iterancestors():
        if node.get("role") == "banner" or not _SITE_HEADER_TOKENS.isdisjoint(tokens(node)):
            # The page's length once per search: every block of a page may ask.
            if page.page_chars is None:
                page.page_chars = page.size(node.getroottree().getroot())
            return bool(2 * page.size(node) < page.page_chars)
    return False


def _tab_panels(cards: list[Card]) -> bool:
    """Whether every card is a tab panel of its own (a tab widget with one card per tab)."""
    return all(card.el.get("role") == "tabpanel" or _names_a_tab(card.el) for card in cards)


def _names_a_tab(el: HtmlElement) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return "tab" in names and any(_TAB_NAME_RE.search(name) for name in names.split())


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
    # A sidebar marked as navigation for its links still holds "Related" boxes; a <nav> does not.
    in_nav = zone == "navigation" and in_marked_aside(container, page)
    if (
        isinstance(zone, str)
        and zone in excluded_kinds
        and not comments
        and not in_ads
        and not in_nav
    ):
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
        members = fullest_kind(children, signatures, members, page)
        count = len(members)
    by_class = False
    if count < len(children):
        # Cards of one component often differ in their first classes (a category, a post
        # type: "post-list-article blog-post category-sports"); a class they all share
        # still makes them one kind.
        # A class carried by one child alone makes no block either way: it is not sized. (With
        # every kind alone, the first child is the only card and no lead variant precedes it.)
        shared = sharing_a_class(children, page, max(count, 2))
        # (Kinds as many as each other, a picture box beside a text box, were settled above
        # by fullest_kind: the boxes with the text are the cards.)
        if len(shared) > count:
            members, count, by_class = shared, len(shared), True
        else:
            members = with_variants(children, members)
            count = len(members)
    if count < 2 or count > MAX_CARDS:
        return []
    if children[0] is not members[0] and is_lead_card(children[0], page):
        members = [children[0], *members]  # the list's lead story, drawn larger than the rest
    # Sizes come from libxml2 (normalize-space), several times faster than reading the text;
    # they reject most containers before any card is looked into.
    sizes = 0
    for member in members:
        size = page.size(member)
        if size > MAX_CARD_CHARS and not excerpt_card(member, size, page):
            return []
        sizes += size
    # A container whose own text is mostly outside the cards is running text, not a block;
    # it may still hold a run of link-only paragraphs or lists between its paragraphs.
    if page.size(container) - sizes > 0.6 * sizes + 200:
        if comments or in_ads:
            return []
        return [block for run in _link_runs(container, page) if (block := _block(run, page, zone))]
    # Cards of a dozen characters on average are menu items ("World", "Sign in"): no card of
    # theirs could carry the two-word titles a block needs, so none is read.
    ticker = ticker_kind(container)
    if ticker == "strip" and pictured_sidebar_list(container, members):
        ticker = None
    if _short_cards(members, sizes, page) or ticker == "strip":
        return []
    # A box hidden at a desktop's width is the phone copy of one shown elsewhere, or none.
    if hidden_on_desktop(container):
        return []
    members = [member for member in members if not hidden_on_desktop(member, ancestors=False)]
    linking = [(member, card_links(member, page)) for member in members]
    block = _block(linking, page, zone, container)
    # A paragraph of story links ("DON'T MISS" + three links) is a block only under a heading
    # that names one; otherwise its links are the text's.
    named_only = comments or container.tag == "p"
    if block is None or (named_only and not names_a_block(block.heading)):
        return []
    if in_nav and (block.heading is None or not vocab.TEASER_HEADING_RE.search(block.heading)):
        return []
    if by_class and 2 * sum(1 for card in block.cards if card.title) < len(block.cards):
        # Untitled cards grouped only by a shared class are whole posts listed one after
        # another (a page of quotes), not teasers of them.
        return []
    if ticker == "breaking" and not shows_stories(block.cards):
        return []
    if _quotes(block.cards, page):
        return []
    if _author_credits(block.cards, page):
        return []
    if data_table_rows(block.cards, page):
        return []
    if comment_entries(block.cards):
        return []
    if price_tagged(block.cards, page):
        return []
    if _tab_panels(block.cards):
        return []  # one card per tab: each is a single promo, seen one at a time
    if _in_site_header(container, page):
        return []
    if in_a_later_story(container, page):
        return []
    if in_archive_tree(container):
        return []
    if in_ads and not _all_on_site(block.cards, page):
        return []
    if mostly_other_links(container, members, page):
        return []
    if not _all_on_site(block.cards, page) and served_by_network(container, page.size):
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
    if container is None and not names_a_block(heading) and not closing_cards(linking, cards, page):
        return None  # a run inside running text counts only under a "More:"-like heading
    if not names_a_block(heading) and has_lead_linked_items(cards):
        return None
    section = links_a_section(heading_el) and all(story_path(card.url) for card in cards)
    if not section and _hub_sections(cards, names_a_block(heading)):
        # The site's sections in boxes, each explained ("Start", "Create", "Customize"): the
        # body leaves them out as navigation.
        if container is not None:
            page.post_navigation.append(container)
        else:
            page.post_navigation.extend(card.el for card in cards)
        return None
    if not _reads_like_teasers(cards, heading, zone, section) and (
        # A list named for posts by its class ("widget_recent_entries"), or a headed box of
        # the site's dated posts, is named as a heading would name it, and may hold short
        # titles ("Kalligrafie", "Meiji-Zeit", "Kernel Panic").
        section
        or container is None
        or not (
            names_a_post_list(container)
            or (zone != "footer" and _headed_dated_stories(cards, heading, page))
        )
        or not _reads_like_teasers(cards, heading, zone, True)
    ):
        return None
    if is_post_navigation(cards, heading, page):
        # The links to the previous and next posts: the body leaves them out as navigation.
        if container is not None:
            page.post_navigation.append(container)
        else:
            page.post_navigation.extend(card.el for card in cards)
        return None
    # A run has no element of its own: its first card stands for it.
    return TeaserBlock(
        container if container is not None else cards[0].el, heading, heading_el, cards
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
        if not links and not page.has_text(child):
            continue  # an empty ad slot between the links does not end their run
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


def _quotes(cards: list[Card], page: PageReader) -> bool:
    """Whether most cards show more digits than letters: market quotes, scores, weather rows
    ("Nikkei 225 (yen) 6/19 close 22,278.48 -401.85 -1.77%"), not stories."""
    numeric = 0
    for card in cards:
        text = page.text(card.el)
        # Counted by regex, in C; a text under a quarter digits is a story's (most cards).
        digits = len(_DIGIT_RE.findall(text))
        if 4 * digits > len(text) and digits > len(_LETTER_RE.findall(text)):
            numeric += 1
    return 2 * numeric > len(cards)


_DIGIT_RE = re.compile(r"\d")


def _author_credits(cards: list[Card], page: PageReader) -> bool:
    """Whether every card is a writer's credit: a name whose link sits in an author box or
    byline list ("cbx-Author_NameLink", "MetaItem-author"), leading to the writer's page."""
    for card in cards:
        if not card.title or _PERSON_NAME_RE.match(card.title) is None:
            return False
        link = next((a for a in card.el.iter("a") if page.link_urls.get(a) == card.url), None)
        node = link
        while node is not None:
            cls = node.get("class")
            if cls and names_a_byline(cls):
                break
            if node is card.el:
                return False
            node = node.getparent()
        else:
            return False
    return True


def _link_only(el: HtmlElement, links: list[tuple[HtmlElement, str]], page: PageReader) -> bool:
    total = len(page.text(el))
    linked = sum(len(page.text(link)) for link, _ in links)
    return 0 < total <= MAX_CARD_CHARS and linked >= 0.8 * total


def _reads_like_teasers(
    cards: list[Card], heading: str | None, zone: object | None, section: bool = False
) -> bool:
    """Tell a block of article cards from a menu, a tag list, a shop or previous/next links.

    ``section``: the heading links to a section of the site, which names the list as much as
    "Latest" does.
    """
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
    named = section or (
        heading is not None
        and (
            vocab.TEASER_HEADING_RE.search(heading) is not None
            or CJK_BLOCK_RE.search(heading) is not None
        )
    )
    if dated or blurbed:
        if zone == "footer":
            # Taglines under short titles in the page's footer are the site's own promos
            # ("Start a wiki", "Community Apps"); stories there have headlines.
            return named or mean_words >= 4
        if _hub_sections(cards, named):
            return False
        return mean_words >= 2 or named or blurbed >= len(cards) / 2
    if zone == "footer":
        # A footer column named as a list of stories ("Meistkommentiert") holds short titles
        # as any such list does; unnamed, short lines there are the site's own links.
        return mean_words >= (2.5 if named else 5)
    if named:
        return mean_words >= 2.5
    return mean_words >= 4.5
