"""One teaser card read: its main link, title, blurb and date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.parse import vocab
from extractor.parse.dom import HtmlElement, ascii_word_count, blocks, collapse, tokens
from extractor.parse.teaser_card_parts import meta_line, short_dek, taxonomy_link
from extractor.parse.teaser_page import PageReader

_WORD_RE = re.compile(r"\w+")
# Han characters and kana: scripts written without spaces between words.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A run of katakana is mostly one loanword ("プライバシー"), however long.
_KATAKANA_RUN_RE = re.compile(r"[\u30a1-\u30fa\u30fc]+")
# Card titles that name a list or a page of the site, not a story; the legal and about pages
# of German and French sites too ("Impressum & Datenschutz", "Mentions légales").
_NOT_A_STORY_RE = re.compile(
    r"^\s*((see|view|show)\s+(more|all|full)\b|advertise\b|about us\b|contact us\b|"
    r"privacy policy\b|terms of (use|service)\b|careers?\s*$|jobs\s*$|sitemap\s*$|"
    r"about me\s*$|contact\s*$|kontakt\s*$|impressum\b|datenschutz(erklärung)?\s*$|"
    r"mentions légales\b|über (uns|mich)\s*$|à propos\s*$)",
    re.IGNORECASE,
)
_FULL_YEAR_RE = re.compile(r"(?<![\d])[12]\d{3}(?!\d)")
MAX_CARD_CHARS = 700
# A list item longer than a headline is a sentence or a paragraph, whatever it links.
_MAX_HEADLINE_ITEM_CHARS = 140
_MAX_HEADLINE_ITEM_WORDS = 18
# Attributes that hold a machine-readable date on the element that shows one.
_DATE_ATTRS = ("datetime", "data-datetime", "data-timestamp", "data-time", "data-date", "content")


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


@lru_cache(maxsize=8192)
def words(text: str) -> int:
    # Cached: a card's title and link texts are counted by several steps of the search.
    if text.isascii():
        return ascii_word_count(text)
    # Chinese and Japanese put no spaces between words, which run about two Han or hiragana
    # characters long: "热点推荐" is two words, not one.
    katakana = _KATAKANA_RUN_RE.findall(text)
    if katakana:
        text = _KATAKANA_RUN_RE.sub(" ", text)
    unspaced = len(_UNSPACED_RE.findall(text))
    if not unspaced:
        return len(_WORD_RE.findall(text)) + len(katakana)
    return len(_WORD_RE.findall(_UNSPACED_RE.sub(" ", text))) + len(katakana) + (unspaced + 1) // 2


def unspaced_chars(text: str) -> int:
    """How many Han and kana characters a text holds (each carries about half a word)."""
    return 0 if text.isascii() else len(_UNSPACED_RE.findall(text))


def in_running_text(link: HtmlElement) -> bool:
    """Whether a link sits inside a sentence rather than standing on its own."""
    tail: str | None = link.tail  # (typed: compiled, isspace is called directly)
    lead: str | None
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
    return words(lead or "") + words(tail or "") > 4


def ends_a_headline_item(link: HtmlElement) -> bool:
    """Whether a link ends or starts a short list item that holds no other link: a headline
    with only some of its words linked ("The strange life and <a>mysterious death of a
    virtuoso coder</a>", "<a>Taylor Swift and Deadpool</a> have one man in common").

    Its lead or tail reads like running text, but the item is one line, and the line is the
    headline. The link may sit in a paragraph that is the item's only content.
    """
    holder = link.getparent()
    if holder is None:
        return False
    item = holder
    # "<li><div><p><a>...</a> ...</p></div></li>": wrappers with the line as their only child.
    for _ in range(2):
        if item.tag == "li":
            break
        parent = item.getparent()
        if parent is None or len(parent) != 1 or (parent.text and not parent.text.isspace()):
            return False
        item = parent
    if item.tag != "li" or next(item.iterdescendants("a")) is not link:
        return False
    ends = link.getnext() is None and (not link.tail or link.tail.isspace())
    starts = (
        link.getprevious() is None
        and (not holder.text or holder.text.isspace())
        and link.getnext() is None
        and words(collapse("".join(link.itertext()))) >= 3
    )
    if not ends and not starts:
        return False
    if sum(1 for _ in item.iterdescendants("a")) > 1:
        return False
    text = collapse("".join(item.itertext()))
    return len(text) <= _MAX_HEADLINE_ITEM_CHARS and words(text) <= _MAX_HEADLINE_ITEM_WORDS


def signature(el: HtmlElement) -> str:
    return _signature(str(el.tag), el.get("class") or "")


# Classes that mark a card's place in its list ("first", "last", "odd"), not its kind: the
# last item of a "Most Popular" list is one of the list's cards.
_POSITION_CLASSES = frozenset(
    ("first", "last", "odd", "even", "alt", "first-child", "last-child", "first-item", "last-item")
)


@lru_cache(maxsize=4096)
def _signature(tag: str, classes: str) -> str:
    # Cached: a page repeats a few class strings over its many cards.
    cls = " ".join(
        sorted(
            t
            for t in classes.split()
            if not t[-1:].isdigit() and t.lower() not in _POSITION_CLASSES
        )
    )
    return f"{tag}.{cls.split(' ')[0] if cls else ''}"


def card_links(card: HtmlElement, page: PageReader) -> list[tuple[HtmlElement, str]]:
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


# A linked line this long below a linked headline is the card's dek, not its title.
_DEK_WORDS = 12
# A line this short that starts "By ..." names the card's authors.
_BYLINE_WORDS = 6
# "By Name", or a one-word kicker before it ("Récit Par Pierre Alonso"); the name is capitalised
# ("Attacked by a shark" is a summary).
_BYLINE_LINE_RE = re.compile(r"^\s*(\S+\s+)?(?i:by|von|par|por|door|di|av)\s+(?P<names>\w.*)$")
_NAME_JOINERS = frozenset(("and", "und", "et", "y", "e", "en", "&"))
# A teaser's dek is also called its blurb ("c-entry-blurb").
_DEK_TOKENS = vocab.SUMMARY_TOKENS | {"blurb"}

# A line of a comment count and the author's name, and nothing else.
_META_LINE_RE = re.compile(rf"^\s*{vocab.COMMENT_COUNT}(\s+\w+){{0,4}}\s*$", re.IGNORECASE)
# A card "title" that labels the medium and its length ("Video 02:46", "Audio 3:12"). (A time
# alone may be a live feed's clock time: "10:20" is that entry's title.)
_TITLE_LABEL_RE = re.compile(
    r"^\s*(video|audio|podcast|galerie|gallery|fotos?|photos?|bilder)\s*\d{1,2}:\d{2}\s*$",
    re.IGNORECASE,
)
# Class words of a card's headline line.
_TITLE_TOKENS = frozenset(("title", "headline", "heading", "hed"))
# A short headline-like line (no closing full stop) and a title short enough to be its kicker.
_HEADLINE_WORDS = 16
_KICKER_WORDS = 1
_SENTENCE_ENDS = frozenset(".!?…")
_READ_MORE_TAIL_RE = re.compile(
    r"\s*(read (more|now|article)|continue reading|read the full story)\s*[»›→]?\s*$",
    re.IGNORECASE,
)


def _card_heading(card: HtmlElement, page: PageReader) -> HtmlElement | None:
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
    if best is not None and _names_a_kicker(best):
        # "<h3 class='article_series'>Series</h3><h4 class='article_title'>Headline</h4>": the
        # higher heading names the series or section, the one named as a title is the title.
        titled = next(
            (
                el
                for el in card.iterdescendants(*_HEADING_ORDER)
                if el is not best
                and _TITLE_CLASS_RE.search(el.get("class") or "")
                and page.text(el)
            ),
            None,
        )
        return titled if titled is not None else best
    return best


# Class words of a kicker over a headline; of a headline itself.
_KICKER_CLASS_RE = re.compile(r"series|kicker|eyebrow|category|rubric|overline", re.IGNORECASE)
_TITLE_CLASS_RE = re.compile(r"title|headline", re.IGNORECASE)


def _names_a_kicker(el: HtmlElement) -> bool:
    cls = el.get("class") or ""
    return _KICKER_CLASS_RE.search(cls) is not None and _TITLE_CLASS_RE.search(cls) is None


def _heads_a_link_list(card: HtmlElement) -> bool:
    """Whether a card holds a list of three or more linked items."""
    count = 0
    for item in card.iterdescendants("li"):
        if next(item.iter("a"), None) is not None:
            count += 1
            if count >= 3:
                return True
    return False


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


def _in_header(link: HtmlElement, card: HtmlElement) -> bool:
    """Whether ``link`` sits in a <header> of the card."""
    for node in link.iterancestors():
        if node is card:
            return False
        if node.tag == "header":
            return True
    return False


def _first_line(link: HtmlElement, page: PageReader) -> str:
    """A link's headline: its text, or its first line of three words or more when the link wraps
    a headline and a dek in separate block elements."""
    text = page.text(link)
    if link.find(".//*") is None:
        return text
    named = _title_named_part(link, text, page)
    if named is not None:
        return named
    if words(text) < 8:
        return text
    lines = [b.text for b in blocks(link)]
    if len(lines) < 2:
        return _before_marked_dek(link, page) or text
    for line in lines:
        if words(line) >= 3 and page.find_date(line) != line:
            return line
    return text


# A class naming a title, not a subtitle: "transp__title", "card-headline".
_TITLE_PART_RE = re.compile(r"(?<!sub)(?<!sub[-_])(?:title|headline)", re.IGNORECASE)


def _title_named_part(link: HtmlElement, text: str, page: PageReader) -> str | None:
    """The text of the element a link names as its title, a line of its own when the link
    shows more lines (a kicker, "Environment and Conservation", over "The story of the
    loneliest tree")."""
    for el in link.iterdescendants():
        cls = el.get("class")
        if not cls or _TITLE_PART_RE.search(cls) is None or _names_a_kicker(el):
            continue
        part = page.text(el)
        if not part or part == text or words(part) < 2:
            return None
        # Only a line of its own: a title part inside a line ("1. <span>Headline</span>
        # [members]") leaves the rest of its line to be read as the title's.
        return part if part in (b.text for b in blocks(link)) else None
    return None


def _before_marked_dek(link: HtmlElement, page: PageReader) -> str:
    """The text ahead of a marked dek inside a link, when innermost elements hold all its text.

    Headline and dek are often inline siblings (``<span>Headline</span><span class="dek">...``):
    one block to the walker, two lines to the reader. Only a dek named so splits the link: two
    styled halves of one headline (``title-1``, ``title-2``) are inline siblings too. Text loose
    between elements is running words with some of them styled, which is one line.
    """
    if link.text and not link.text.isspace():
        return ""
    lines: list[str] = []
    for el in link.iterdescendants():
        if el.tail and not el.tail.isspace():
            return ""
        if len(el):
            if el.text and not el.text.isspace():
                return ""
            continue
        text = page.text(el)
        if not text:
            continue
        if lines and _names_dek(el, link):
            return " ".join(lines)
        lines.append(text)
    return ""


def _names_dek(el: HtmlElement, link: HtmlElement) -> bool:
    node: HtmlElement | None = el
    while node is not None and node is not link:
        if not _DEK_TOKENS.isdisjoint(tokens(node)):
            return True
        node = node.getparent()
    return False


def read_card(
    card: HtmlElement, links: list[tuple[HtmlElement, str]], page: PageReader
) -> Card | None:
    # The main link: the one whose text reads like a title, else the first one.
    heading = _card_heading(card, page)
    # Taxonomy links (rel="category tag") file the story; they lead to no other story.
    targets = len({url for link, url in links if not taxonomy_link(link)})
    # Two targets at most (the story and its section), or three under a linked heading (the
    # story, its author and its publication): more is a list of links, not a card.
    if targets > 2 and (
        targets > 3 or heading is None or not any(_nested(link, heading, card) for link, _ in links)
    ):
        return None
    titled = [(link, url) for link, url in links if not vocab.READ_MORE_RE.match(page.text(link))]
    title: str | None = None
    heading_date: HtmlElement | None = None
    main_url: str
    inner = []
    linked_dek = False
    if heading is not None:
        inner = [
            u for link, u in links if _nested(link, heading, card) or _nested(heading, link, card)
        ]
        if not inner and _heads_a_link_list(card):
            return None  # a column of links under its name ("ABOUT"), as footers have
        # A short heading outside every link beside a long linked headline is a kicker.
        if (
            not inner
            and len(links) <= 2
            and words(page.text(heading)) <= 3
            and card.find(".//li") is None  # a heading over a list heads a group of links
        ):
            longest = max((words(page.text(link)) for link, _ in titled), default=0)
            if longest >= 4:
                heading = None
    if heading is not None:
        title = page.text(heading)
        main_url = inner[0] if inner else (titled[0][1] if titled else links[0][1])
        linked = next((lk for lk, _ in links if _nested(lk, heading, card)), None)
        if linked is not None and (text := page.text(linked)) and len(text) < len(title):
            # "<h4><a>Headline</a> <span>(2018/6/18 14:10)</span></h4>": a date set in the
            # heading beside its link is the card's date, not words of its title.
            rest = title.replace(text, " ", 1)
            if page.find_date(rest.strip(" ()（）[]")):
                title = text
        elif linked is None:
            title, heading_date = _without_end_date(heading, title, page)
        if title and (kicker_text := _kicker_in(heading, title, page)):
            # "<h1><span class='kicker'>#heiseshow</span> <span>Headline</span></h1>"
            title = title[len(kicker_text) :].strip(" :|–—-") or title
    elif titled:
        link, main_url = max(titled, key=lambda pair: len(page.text(pair[0])))
        # A card that links its headline and, below it, its dek: the longest link is the dek.
        first = next(
            (lk for lk, url in titled if url == main_url and words(page.text(lk)) >= 3), link
        )
        if first is link and words(page.text(link)) >= _DEK_WORDS:
            # A headline of a word or two, set in the card's <header> over its linked dek.
            first = next(
                (
                    lk
                    for lk, url in titled
                    if url == main_url and lk is not link and _in_header(lk, card)
                ),
                link,
            )
        if first is not link and words(page.text(link)) >= _DEK_WORDS:
            title = page.text(first)
            linked_dek = True
        else:
            title = _first_line(link, page) or link.get("title") or None
            if card.tag == "li" and in_running_text(link) and ends_a_headline_item(link):
                title = page.text(card)  # the whole line is the headline, not its linked end
            # A link that wraps headline and dek: its dek is a blurb even though it is linked.
            linked_dek = title != page.text(link)
    else:
        main_url = links[0][1]
    if title is not None and vocab.READ_MORE_RE.match(title):
        title = None
    if title is not None and " : " in title:
        title = _after_hidden_colon(card, title, page)
    if title is not None and "©" in title:
        # A picture's credit set inside the linked title ("Wandern am Hochschwab © Österreich
        # Werbung / Tom Lamm") ends the title.
        title = title.partition("©")[0].rstrip(" |·•-–—/,") or None
    if title is not None and _NOT_A_STORY_RE.match(title):
        return None  # "See More Guides", "Advertise with us": a link to a list or a site page

    date_text: str | None = None
    date_attr: str | None = None
    time_el = next(card.iterdescendants("time"), None)
    if time_el is not None:
        date_attr = time_el.get("datetime")
        # A <time> is phrasing content: its pieces join as written ("20 Nov 2019</span><span>,")
        # where the text of a card joins its elements with spaces.
        date_text = collapse("".join(time_el.itertext())) or None
    if date_text is None and heading_date is not None:
        date_text, date_attr = page.text(heading_date), _machine_attr(heading_date)
    blurb: str | None = None
    blurb_el: HtmlElement = card
    # Most cards are their title alone: only a card with more text is read line by line.
    rest = page.text(card)
    if title:
        rest = rest.replace(title, "", 1)
    rest = rest.strip(" |·•-–—:")
    if date_text is None and rest:
        date_text, date_attr = _leaf_date(card, heading, title, page)
    lines = blocks(card) if rest else []
    # A short heading in capitals over a longer line ("RANDY ANDY" / "Andrew parties in ...")
    # is a kicker; the line is the headline.
    kicker = bool(title and heading is not None and title.isupper() and words(title) <= 4)
    for block in lines:
        text = block.text
        if title and (text == title or title in text and len(text) - len(title) < 3):
            continue
        if block.el.tag in _HEADING_ORDER and _names_a_kicker(block.el):
            continue  # the series or section named over the title, not a dek
        if vocab.READ_MORE_RE.match(text):
            continue
        end = _END_DATE_RE.search(text) if date_text is None else None
        if end is not None and page.find_date(end[1]) == end[1]:
            # "... commemorates the petition. (25.07.2019)": the dek ends with the card's date.
            date_text, text = end[1], text[: end.start()].rstrip()
        if date_text is None and len(text) <= 80 and not _is_duration(block.el):
            date_text = page.find_date(text)
        if date_text and date_text in text:
            # The date's line: what is left beside it is a byline ("Henry Gilbert • May 5")
            # unless it says more.
            rest = collapse(text.replace(date_text, " ")).strip(" |·•-–—,")
            if words(rest) < 4 or meta_line(block.el, card):
                continue
            text = rest
        if kicker and words(text) >= 4:
            title, kicker = text, False  # the line under an all-caps kicker is the headline
            continue
        if title and text.startswith(title):
            text = text[len(title) :].strip(" |·•-–—:")
        text = _READ_MORE_TAIL_RE.sub("", text)
        if heading is not None and blurb is None and short_dek(block.el, heading, text):
            blurb, blurb_el = text, block.el  # "Free. Games.": a one-line dek under the title
            continue
        if len(text) < 40 and sum(map(str.isalnum, text)) < 10:
            continue  # "（ 付） ［有料会員限定］": what a date leaves beside labels is no dek
        if words(text) < 4 or (
            block.link_density > 0.6 and heading is None and card.tag != "a" and not linked_dek
        ):
            continue
        if words(text) <= _BYLINE_WORDS and _is_byline(text):
            continue  # "By JERUSALEM POST STAFF", "Récit Par Pierre Alonso": who wrote it
        if _META_LINE_RE.match(text):
            continue  # "86 Kommentare Nicolas La Rocco": the comment count and the author
        if block.link_density > 0.8 and words(text) <= 8 and _links_in(block.el, text, page) > 1:
            continue  # a line of several links under the title: "Author in Publication"
        if blurb is None or len(text) > len(blurb):
            blurb, blurb_el = text, block.el
    if title is None and blurb is None:
        return None
    if (
        blurb is not None
        and words(blurb) <= _HEADLINE_WORDS
        and blurb[-1:] not in _SENTENCE_ENDS
        and _headline_line(title, blurb_el, card)
    ):
        title, blurb = blurb, None
    return Card(card, main_url, title, blurb, date_text, date_attr)


# Class words of text kept for screen readers only ("o-VisuallyHidden", "sr-only").
_SCREEN_READER_RE = re.compile(r"visually-?hidden|sr-only|screen-?reader", re.IGNORECASE)


def _after_hidden_colon(card: HtmlElement, title: str, page: PageReader) -> str:
    """The title without the kicker that a colon shown to screen readers only parts from it.

    "<span>Markenanwalt übt Kritik</span><span class='o-VisuallyHidden'>: </span><span>Greta
    Thunberg will ...</span>": the reader sees a kicker over a headline, and the headline is
    the title.
    """
    for el in card.iterdescendants():
        if (
            isinstance(el.tag, str)
            and page.text(el) == ":"
            and _SCREEN_READER_RE.search(el.get("class") or "")
        ):
            kicker, _, rest = title.partition(" : ")
            return rest if kicker and rest else title
    return title


# A date in brackets closing a dek.
_END_DATE_RE = re.compile(r"\s*[(\[]\s*([^()\[\]]{4,40}?)\s*[)\]]\s*$")


def _without_end_date(
    heading: HtmlElement, title: str, page: PageReader
) -> tuple[str, HtmlElement | None]:
    """A heading's title without the date element that opens or closes it, and that element.

    "<h2>Berlin Libya conference: A first step? <span class='date'>19.01.2020</span></h2>",
    "<h2><time>Jan 31</time> High Line Park New York</h2>": the date set in the card's heading
    is the card's date, not words of its title.
    """
    if not len(heading):
        return title, None
    first, last = heading[0], heading[-1]
    if not (heading.text and not heading.text.isspace()):
        shown = _date_element_text(first, title, page)
        if shown and title.startswith(shown):
            return title[len(shown) :].lstrip(" |·•-–—,:"), first
    if last.tail and not last.tail.isspace():
        return title, None
    shown = _date_element_text(last, title, page)
    if shown and title.endswith(shown):
        return title[: -len(shown)].rstrip(" |·•-–—,"), last
    return title, None


def _date_element_text(el: HtmlElement, title: str, page: PageReader) -> str | None:
    """The text of ``el`` when it shows a date and nothing else, and is not all the title."""
    if not isinstance(el.tag, str) or el.tag == "a":
        return None
    shown = page.text(el)
    if not shown or shown == title or page.find_date(shown) != shown:
        return None
    return shown


def _kicker_in(heading: HtmlElement, title: str, page: PageReader) -> str | None:
    """The text of a kicker set at the start of the title's own heading, if one is."""
    for el in heading.iterdescendants():
        cls = el.get("class")
        if cls and _names_a_kicker(el):
            text = page.text(el)
            return text if text and text != title and title.startswith(text) else None
    return None


def _headline_line(title: str | None, line: HtmlElement, card: HtmlElement) -> bool:
    """Whether a card's short line is its headline rather than a dek, given its title.

    Beside an empty link (a picture's overlay) the line is the headline when it is named or set
    as one ("article-title"); beside a one-word or a medium's label ("Urteil", "Video 02:46")
    unless it is named as a dek or a caption (the seed site's cut blurbs over "Read More").
    """
    if title is not None and not (_TITLE_LABEL_RE.match(title) or words(title) <= _KICKER_WORDS):
        return False
    node: HtmlElement | None = line
    while node is not None:
        names = tokens(node)
        if node.tag == "figcaption" or "caption" in (node.get("class") or "").lower():
            return False
        if not _DEK_TOKENS.isdisjoint(names):
            return False
        if node.tag in _HEADING_ORDER or not _TITLE_TOKENS.isdisjoint(names):
            return True
        if node is card:
            break
        node = node.getparent()
    return title is not None


def _is_byline(line: str) -> bool:
    found = _BYLINE_LINE_RE.match(line)
    return found is not None and all(
        word[:1].isupper() or word.lower() in _NAME_JOINERS
        for word in found["names"].replace(",", " ").split()
    )


def _links_in(el: HtmlElement, line: str, page: PageReader) -> int:
    """How many links under ``el`` show their text in ``line``."""
    return sum(1 for link in el.iter("a") if (text := page.text(link)) and text in line)


def _leaf_date(
    card: HtmlElement, heading: HtmlElement | None, title: str | None, page: PageReader
) -> tuple[str | None, str | None]:
    """A date shown in a text piece of its own ("14h", "~6 hours ago"), outside the title, and
    the machine-readable value its element carries, if any (``data-datetime``...).

    Such a date often shares its line with the title or a comment count ("14h261", "4,162
    comments - 7 hours ago"), where the line-by-line reading cannot tell it apart.
    """
    # The heading and what it holds, once: asking each element for its ancestors costs more.
    in_heading = set(heading.iter()) if heading is not None else set()
    # Most text and tails of a card are empty or layout whitespace: each is tested before
    # anything else is asked of its element.
    for el in card.iterdescendants():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        in_title = el in in_heading
        piece = el.text
        if piece and not piece.isspace() and not in_title and tag != "a":
            found = _piece_date(piece, title, page)
            if found is not None and not _is_duration(el):
                return found, _machine_attr(el)
        piece = el.tail
        if piece and not piece.isspace() and (not in_title or el is heading):
            found = _piece_date(piece, title, page)
            if found is not None:
                # The value belongs to the element showing the text: a tail's is its parent.
                owner = el.getparent()
                return found, _machine_attr(owner) if owner is not None else None
    return None, None


# Class and id words of a video's running time ("vod-duration", "runtime"): "18:08" there is
# how long the video runs, not when it was published.
_DURATION_RE = re.compile(r"duration|runtime|run-time|video-?length|play-?time", re.IGNORECASE)


def _is_duration(el: HtmlElement) -> bool:
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    return _DURATION_RE.search(names) is not None


def _piece_date(piece: str | None, title: str | None, page: PageReader) -> str | None:
    """The date a text piece of its own shows: short, not the title."""
    if not piece:
        return None
    text = piece.strip(" \t\n\r-–—|·•,")
    if not text or len(text) > 40 or text == title:
        return None
    return page.find_date(collapse(text))


def _machine_attr(el: HtmlElement) -> str | None:
    for name in _DATE_ATTRS:
        value = el.get(name)
        if value:
            return str(value)
    return None
