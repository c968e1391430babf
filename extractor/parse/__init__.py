"""The pure page parser: HTML and its URL in, the page's parts out (no network, disk or clock)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING

from extractor.models import Boilerplate, PageParts, Teaser
from extractor.parse import boilerplate as bp
from extractor.parse import dates, vocab
from extractor.parse.body import (
    body_text,
    build_sections,
    find_content_roots,
    is_pseudo_heading,
    without_restated_lead,
)
from extractor.parse.body_scope import BodyScope, own_article_roots
from extractor.parse.bylines import person_names
from extractor.parse.dom import (
    Block,
    HtmlElement,
    blocks,
    clean,
    parse_document,
    tokens,
)
from extractor.parse.headline import find_headline, find_summary
from extractor.parse.landing import landing_content
from extractor.parse.link_lists import (
    cited_lists,
    page_hosts,
    prose_zones,
    table_zones,
    without_link_lists,
)
from extractor.parse.metadata import PageMetadata, read_metadata
from extractor.parse.page_dates import marked_page_date, url_date
from extractor.parse.teasers import TeaserBlock, find_teaser_blocks

if TYPE_CHECKING:
    from extractor.profiles import Profile

__all__ = ["parse_page", "body_text"]


@dataclass(frozen=True, slots=True, eq=False)
class _TeaserZone:
    """The zone mark of a teaser block: its text is teasers, neither body nor boilerplate."""

    block: TeaserBlock


MIN_BODY_CHARS = 100
# Paragraphs of the body a container holds to be the body's, whatever its name says.
_BODY_PARAGRAPHS = 3
_MERGED_KINDS = frozenset(
    ("navigation", "breadcrumb", "share", "footer", "cookie", "subscribe", "advert", "comments")
)
_JOINERS = {"navigation": " · ", "breadcrumb": " › ", "share": " · "}


def parse_page(
    html: str | bytes,
    url: str | None = None,
    *,
    now: datetime | None = None,
    content_type: str | None = None,
    date_order: str | None = None,
    profile: Profile | None = None,
) -> PageParts:
    """Split one page into headline, summary, sections, teasers, boilerplate and metadata.

    ``now`` is the moment relative dates ("4 hours ago") are read against: the fetch time, or
    the caller's clock for a file. ``date_order`` ("MD" or "DM") is a site's learned month/day
    order, used when the page's own dates do not settle it. ``profile`` (a site profile, see
    ``extractor.profiles``) pins parts by selector; what it does not find stays generic.
    """
    root = parse_document(html, content_type)
    meta = read_metadata(root, url)
    base = meta.document_base  # read in the metadata walk; an unjoinable <base> leaves the URL
    clean(root)
    taken = None
    if profile is not None:
        from extractor.profiles.apply import take  # here: extractor.profiles imports parse

        taken = take(root, profile, base, url)
    body = root.find("body")
    if body is None:
        body = root

    headline_el, headline = find_headline(
        root, [text for _, text in meta.headline_candidates], meta.title_tag, meta.site_name
    )
    zones: dict[HtmlElement, object] = dict(
        bp.mark_containers(body, [headline_el] if headline_el is not None else [])
    )

    languages = _languages(meta.lang)

    def date_text_of(text: str) -> str | None:
        found = dates.find_date(text, languages=languages)
        return found.text if found is not None else None

    post_navigation: list[HtmlElement] = []
    teaser_blocks = find_teaser_blocks(
        body,
        base_url=base,
        page_url=url,
        zones=zones,
        find_date=date_text_of,
        post_navigation=post_navigation,
    )
    for box in post_navigation:
        # Previous/next post links the teaser search told apart: navigation, not text.
        zones.setdefault(box, "navigation")
    for tblock in teaser_blocks:
        zone = _TeaserZone(tblock)
        zones[tblock.el] = zone
        # A block found as a run of cards inside the text has no element of its own (its
        # ``el`` is the first card): every card leaves the body with it.
        for card in tblock.cards:
            zones.setdefault(card.el, zone)
        if tblock.heading_el is not None and tblock.heading_el not in zones:
            zones[tblock.heading_el] = zone

    all_blocks = blocks(body, zones)
    headline_index = _headline_index(all_blocks, headline_el)
    own_hosts = page_hosts(url, meta.canonical_url)
    content = without_restated_lead(
        _content_blocks(all_blocks, headline_el, headline_index, own_hosts)
    )

    byline_blocks = _byline_blocks(all_blocks, headline_index, meta, languages)
    skip = {id(b) for b in byline_blocks}
    if headline:
        # A site that sets the title in its header's <h1> repeats it over the article: the
        # repeat is the headline, not a heading of the body.
        folded = headline.casefold()
        skip.update(
            id(b)
            for b in content[:3]
            if b.el.tag in vocab.HEADING_TAGS and b.text.casefold() == folded
        )
    summary_block, summary = find_summary(
        content, all_blocks, headline_index, meta.description, skip
    )
    if summary_block is not None and not _opens_the_body(summary_block, content, skip):
        skip.add(id(summary_block))
    content = [b for b in content if id(b) not in skip]

    kinds = _text_kinds(all_blocks, content, _LEGAL_PAGE_RE.search(headline or "") is not None)
    content = [b for b in content if id(b) not in kinds]
    sections = build_sections(content)

    content_ids = {id(b) for b in content} | skip
    if headline_index is not None:
        content_ids.add(id(all_blocks[headline_index]))
    boilerplate = _boilerplate(all_blocks, content_ids, kinds, content)

    published_text = meta.published_text
    published = meta.published
    page_day = _day(published)
    order = dates.infer_order(_date_texts(teaser_blocks, published_text)) or date_order
    if published is None:
        # The author's own line first: a date beside the name is the article's, where a date
        # next to the headline may be the site header's "today" (a headline set in the header).
        author_lines = _author_lines(all_blocks, meta, languages)
        published_text, published = _visible_date(
            [*author_lines, *byline_blocks], order, now, languages, len(author_lines)
        )
        if published is None:
            # Further off: a line labelled as published, or set in a post's date element.
            marked_text, published = marked_page_date(
                all_blocks, headline_index, order, now, languages
            )
            published_text = marked_text or published_text
        if published is None:
            # Last: the day the site filed the story under ("/2012/05/11/slug").
            url_text, published = url_date(url)
            published_text = published_text or url_text
        page_day = _day(published)
    teasers = _teasers(teaser_blocks, order, now, page_day, languages)

    parts = PageParts(
        headline=headline,
        summary=summary,
        authors=tuple(meta.authors) or _dated_byline(byline_blocks, languages),
        published=published,
        published_text=published_text,
        modified=meta.modified,
        modified_text=meta.modified_text,
        lang=meta.lang,
        canonical_url=meta.canonical_url,
        image=meta.image,
        site_name=meta.site_name,
        sections=sections,
        teasers=teasers,
        boilerplate=boilerplate,
        metadata=meta.to_record_metadata(),
    )
    if taken is not None:
        return taken.apply(
            parts,
            lambda tb: _teasers(
                tb,
                dates.infer_order(_date_texts(tb, published_text)) or date_order,
                now,
                page_day,
                languages,
            ),
        )
    return parts


def _headline_index(all_blocks: list[Block], headline_el: HtmlElement | None) -> int | None:
    if headline_el is None:
        return None
    for block in all_blocks:
        if block.el is headline_el:
            return block.index
    inside = set(headline_el.iterdescendants())
    for block in all_blocks:
        if block.el in inside:
            return block.index
    return None


def _content_blocks(
    all_blocks: list[Block],
    headline_el: HtmlElement | None,
    headline_index: int | None,
    own_hosts: frozenset[str] = frozenset(),
) -> list[Block]:
    roots = own_article_roots(find_content_roots(all_blocks), headline_el)
    # Asked block by block, after the cheaper tests: most of the roots' elements hold no block.
    scope = BodyScope(roots)
    start = -1
    if headline_index is not None and headline_el is not None and scope.holds(headline_el):
        start = headline_index
    candidates = [
        b
        for b in all_blocks
        if b.zone is None and b.index > start and b.el is not headline_el and scope.holds(b.el)
    ]
    listed = [
        b
        for b in all_blocks
        if b.zone is not None and b.index > start and _is_listed(b) and scope.holds(b.el)
    ]
    if listed:
        cited = cited_lists(listed, _zone_of, own_hosts)
        prose = prose_zones(listed, _is_listed) | table_zones(listed, _is_listed)
        if prose:
            # A roundup's paragraphs, read as cards for the teasers, are the article's text too.
            seen = {id(b) for b in cited}
            cited += [b for b in listed if id(b.zone) in prose and id(b) not in seen]
        if cited:
            candidates = sorted(candidates + cited, key=_index_of)
    content = without_link_lists(candidates, own_hosts)
    if roots:
        landing = landing_content(all_blocks, content, roots[0], _is_listed)
        if landing is not None:
            return landing
    if sum(len(b.text) for b in content) >= MIN_BODY_CHARS:
        return content
    # No container stands out (a short page, a page of short lines): every unmarked block
    # after the headline that is not a list of links, and the text of teaser blocks that read
    # as a roundup's paragraphs rather than cards.
    start = headline_index if headline_index is not None else -1
    prose = prose_zones(all_blocks, _is_listed)
    fallback = [
        b
        for b in all_blocks
        if (b.zone is None or (prose and id(b.zone) in prose))
        and b.index > start
        and b.el is not headline_el
        and not (b.link_density > 0.6 and not b.heading_level)
    ]
    return fallback if len(fallback) >= len(content) else content


def _is_listed(block: Block) -> bool:
    return isinstance(block.zone, _TeaserZone)


def _zone_of(block: Block) -> object:
    return block.zone


def _index_of(block: Block) -> int:
    return block.index


def _byline_blocks(
    all_blocks: list[Block],
    headline_index: int | None,
    meta: PageMetadata,
    languages: tuple[str, ...],
) -> list[Block]:
    """Short lines right around the headline that give the author or the date."""
    if headline_index is None:
        return []
    names = [a.casefold() for a in meta.authors]
    found = []
    for block in all_blocks[headline_index + 1 : headline_index + 8]:
        text = block.text
        if len(text) > 160 or block.zone is not None:
            continue
        folded = text.casefold()
        if vocab.BYLINE_TEXT_RE.match(text) or any(_names_in(n, folded) for n in names):
            found.append(block)
            continue
        parsed = dates.find_date(text, languages=languages)
        if parsed is not None and (
            len(text) - len(parsed.text) < 40 or vocab.DATE_LABEL_RE.match(text)
        ):
            found.append(block)
    return found + _dates_over(all_blocks, headline_index, languages)


def _dates_over(
    all_blocks: list[Block], headline_index: int, languages: tuple[str, ...]
) -> list[Block]:
    """A line of nothing but a date set just over the headline, in the same box ("19.11.2012"
    over the <h1>): the article's date, where one further off may be the header's "today"."""
    box = _near_boxes(all_blocks[headline_index].el)
    found = []
    for block in reversed(all_blocks[max(0, headline_index - 2) : headline_index]):
        if block.zone is not None or len(block.text) > 40:
            continue
        parsed = dates.find_date(block.text, languages=languages)
        if parsed is None or len(block.text) - len(parsed.text) > 3:
            continue
        if box & _near_boxes(block.el):
            found.append(block)
    return found


# "... von jovelstefan", "... by Jane Doe": the byline word and the names after it, at a line's end.
_TRAILING_BYLINE_RE = re.compile(
    r"\b(?:by|von|par|por|door|di|av)\s+(\S+(?:\s+\S+){0,3})\s*$", re.I
)


def _dated_byline(byline_blocks: list[Block], languages: tuple[str, ...]) -> tuple[str, ...]:
    """The author a line under the headline names after its date ("11.09.2011, 16:20 von
    jovelstefan"), for a page that declares none: the line dates the page and signs it."""
    for block in byline_blocks:
        found = _TRAILING_BYLINE_RE.search(block.text)
        if found is None:
            continue
        # The date, with its time, right before the byline word: "date, time von name".
        before = block.text[: found.start()].strip(" ,|-–—·")
        parsed = dates.find_date(before, languages=languages)
        if parsed is None or len(before) - len(parsed.text) > 12:
            continue
        names = person_names(found.group(1), declared=False)
        if len(names) == 1:
            return (names[0],)
    return ()


def _near_boxes(el: HtmlElement) -> set[HtmlElement]:
    """The three elements around ``el`` (parent and two more), short of the page's body."""
    return {a for a in islice(el.iterancestors(), 3) if a.tag not in ("body", "html")}


def _opens_the_body(block: Block, content: list[Block], bylines: set[int]) -> bool:
    """Whether the summary's block is the body's first paragraph (a news lede), not a dek.

    A dek is named so, or set apart from the paragraphs after it (another tag, another
    container, above the byline); a lede is one more paragraph of the body's own container,
    and stays in the text while it also serves as the summary.
    """
    if block not in content:
        return False
    # A class naming a summary ("speakable-summary", "story-intro") does not make a dek of a
    # paragraph that the body's next paragraph follows in the same container: news sites mark
    # their lede so for voice assistants and share cards. Any other named block is a dek.
    named = any(t in vocab.SUMMARY_TOKENS for t in tokens(block.el))
    if named and block.tag != "p":
        return False
    at = content.index(block)
    if at + 1 >= len(content):
        return False
    nxt = content[at + 1]
    after = content[at + 2] if at + 2 < len(content) else None
    if id(nxt) in bylines or is_pseudo_heading(nxt, after):
        return False  # a line above the byline, or above the first (bold) heading, is a dek
    if any(a is block.el for a in nxt.el.iterancestors()):
        return True  # loose text at the head of the element that holds the body's paragraphs
    parent = block.el.getparent()
    if parent is None or block.tag != "p":
        return False
    if nxt.tag == "li" and parent.tag != "header":
        # A line that a list of the same container follows introduces the list.
        holder = nxt.el.getparent()
        return holder is not None and holder.getparent() is parent
    if nxt.tag == "p" and nxt.el.getparent() is parent:
        # A container named for a summary that holds several of the body's paragraphs is the
        # body's own ("field--type-text-with-summary"): its first paragraph is the lede.
        if any(t in vocab.SUMMARY_TOKENS for t in tokens(parent)):
            return sum(1 for b in content if b.el.getparent() is parent) >= _BODY_PARAGRAPHS
        return True
    # A wrapper of its own around the lede ("story-intro") set first among the body's paragraphs.
    return nxt.tag == "p" and nxt.el.getparent() is parent.getparent() and len(parent) == 1


def _author_lines(
    all_blocks: list[Block], meta: PageMetadata, languages: tuple[str, ...]
) -> list[Block]:
    """Short lines outside marked zones that give an author's name, with a date or as their
    first words ("Patricio Candia | Palma de Mallorca | 08/01/2014"), in page order.

    A bar of share buttons may hold the date and byline beside them ("23.01.2019 · By Urs
    Gehriger"): its lines count too.
    """
    names = [a.casefold() for a in meta.authors]
    if not names:
        return []
    found = []
    for index, block in enumerate(all_blocks):
        if (block.zone is not None and block.zone != "share") or len(block.text) > 160:
            continue
        folded = block.text.casefold()
        if not any(_names_in(n, folded) for n in names):
            continue
        bare = vocab.BYLINE_WORD_RE.sub("", folded, count=1)
        opens = any(bare.startswith(n) for n in names)
        if dates.find_date(block.text, languages=languages) is not None:
            found.append(block)
        elif opens:
            found.append(block)
            # The date set on a line of its own beside the byline, in the same box
            # ("<h5>23.01.2019</h5><div>By Urs Gehriger</div>").
            found.extend(_date_beside(all_blocks, index))
    return found


def _date_beside(all_blocks: list[Block], index: int) -> list[Block]:
    """The short lines right before and after a byline that share its parent element."""
    parent = all_blocks[index].el.getparent()
    beside = []
    for other in (index - 1, index + 1):
        if 0 <= other < len(all_blocks):
            block = all_blocks[other]
            if len(block.text) <= _DATE_LINE_CHARS and block.el.getparent() is parent:
                beside.append(block)
    return beside


# A line holding a date and little else ("23.01.2019", "Mittwoch, 23. Januar 2019").
_DATE_LINE_CHARS = 40


def _names_in(name: str, folded: str) -> bool:
    """Whether a short line gives an author's name: a sentence of the article that mentions a
    word of it ("Mac", read from a bad author field) is no byline."""
    return len(name) >= 4 and name in folded and len(folded) <= len(name) + 60


# The headline of a page of terms, policies or legal notices: its disclaimers are its text.
_LEGAL_PAGE_RE = re.compile(
    r"\b(terms (of (use|service)|and conditions)|privacy (policy|notice|statement)|"
    r"cookie policy|disclaimer|legal notice|nutzungsbedingungen|datenschutzerklärung|"
    r"datenschutzhinweise|impressum|haftungsausschluss|allgemeine geschäftsbedingungen|"
    r"mentions légales|conditions générales|politique de confidentialité)\b",
    re.IGNORECASE,
)


def _text_kinds(
    all_blocks: list[Block], content: list[Block], legal: bool = False
) -> dict[int, str]:
    """Boilerplate kinds read from text, with disclaimers spread over their paragraph group.

    ``legal``: the page itself is a legal text (its headline says so), whose paragraphs speak
    as disclaimers and are its content all the same.
    """
    kinds: dict[int, str] = {}
    groups: list[list[Block]] = []
    last_parent: HtmlElement | None = None
    for block in all_blocks:
        if block.zone is not None:
            last_parent = None
            continue
        parent = block.el.getparent() if block.el.tag in ("p", "li") else block.el
        if parent is not last_parent or not groups:
            groups.append([])
        groups[-1].append(block)
        last_parent = parent
        kind = bp.kind_of_text(block)
        if kind is not None and not (legal and kind == "disclaimer"):
            kinds[id(block)] = kind
    content_chars = sum(len(b.text) for b in content) or 1
    for group in groups:
        # A short box whose text asks to subscribe (or to accept cookies) is that box whole,
        # its bold title included; a list's items are separate points, each judged alone.
        boxed = [kinds[id(b)] for b in group if kinds.get(id(b)) in ("subscribe", "cookie")]
        if (
            boxed
            and len(group) <= 4
            and all(len(b.text) < 200 for b in group)
            and group[0].el.tag != "li"
        ):
            for b in group:
                kinds[id(b)] = boxed[0]
        if legal or not any(bp.is_disclaimer(b.text) for b in group):
            continue
        prose = [b for b in group if not b.heading_level]
        if len(prose) > 8 or sum(len(b.text) for b in prose) > 0.6 * content_chars:
            # A long run of prose is an article about disclaimers, not one: mark the matches only.
            for b in prose:
                if bp.is_disclaimer(b.text):
                    kinds[id(b)] = "disclaimer"
            continue
        for b in prose:
            kinds[id(b)] = "disclaimer"
    return kinds


def _boilerplate(
    all_blocks: list[Block], content_ids: set[int], kinds: dict[int, str], content: list[Block]
) -> tuple[Boilerplate, ...]:
    first = content[0].index if content else len(all_blocks)
    items: list[tuple[str, object, list[str]]] = []
    for block in all_blocks:
        if id(block) in content_ids or isinstance(block.zone, _TeaserZone):
            continue
        kind = kinds.get(id(block))
        key: object = block.zone
        if kind is None:
            if isinstance(block.zone, str):
                kind = block.zone
            elif block.link_density > 0.5:
                kind = "navigation" if block.index < first else "footer"
                key = block.el.getparent()
            else:
                kind = "other"
                key = block.el.getparent()
        if (
            items
            and items[-1][0] == kind
            and kind in _MERGED_KINDS
            and (items[-1][1] is key or kind != "other")
        ):
            items[-1][2].append(block.text)
        else:
            items.append((kind, key, [block.text]))
    return tuple(
        Boilerplate(kind, _JOINERS.get(kind, "\n").join(texts)) for kind, _, texts in items
    )


def _date_texts(teaser_blocks: list[TeaserBlock], published_text: str | None) -> list[str]:
    texts = [c.date_text for b in teaser_blocks for c in b.cards if c.date_text]
    if published_text:
        texts.append(published_text)
    return texts


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _visible_date(
    byline_blocks: list[Block],
    order: str | None,
    now: datetime | None,
    languages: tuple[str, ...],
    decisive: int = 0,
) -> tuple[str | None, str | None]:
    """The first date the lines give; the first ``decisive`` lines (the author's own) end the
    search with their date even when its day and month order is unknown: no other line's date
    stands in for it."""
    for index, block in enumerate(byline_blocks):
        parsed = dates.find_date(block.text, order=order, reference=now, languages=languages)
        if parsed is not None and (parsed.iso or (index < decisive and parsed.ambiguous)):
            return parsed.text, parsed.iso
    return None, None


def _languages(lang: str | None) -> tuple[str, ...]:
    """The page's language for date parsing, with English, the web's most common fallback."""
    primary = (lang or "").split("-")[0].lower()
    return (primary, "en") if primary and primary != "en" else ("en",)


def _teasers(
    teaser_blocks: list[TeaserBlock],
    order: str | None,
    now: datetime | None,
    page_day: date | None,
    languages: tuple[str, ...],
) -> tuple[Teaser, ...]:
    out: list[Teaser] = []
    for tblock in teaser_blocks:
        capped = _capped_length(tblock)
        for card in tblock.cards:
            iso = None
            # A machine value on the element showing the date is exact where the text is
            # relative or has no year ("4 hours ago", "Nov 18"); a full date is read as shown.
            machine = dates.to_iso_datetime(card.date_attr) if card.date_attr else None
            if machine and not card.shows_year:
                iso = machine[:10]
            elif card.date_text:
                parsed = dates.parse_date(
                    card.date_text,
                    order=order,
                    reference=now,
                    page_date=page_day,
                    languages=languages,
                )
                if parsed is not None and parsed.iso:
                    iso = parsed.iso[:10]
            if iso is None and machine:
                iso = machine[:10]
            blurb = card.blurb
            truncated = bool(blurb) and (
                vocab.ELLIPSIS_RE.search(blurb or "") is not None
                or (capped is not None and len(blurb or "") == capped)
            )
            out.append(
                Teaser(card.url, card.title, blurb, iso, card.date_text, truncated, tblock.heading)
            )
    return tuple(out)


def _capped_length(tblock: TeaserBlock) -> int | None:
    """The length every blurb of a block is cut at, when the site caps them (seed: 100)."""
    lengths = [len(c.blurb) for c in tblock.cards if c.blurb]
    if len(lengths) < 2:
        return None
    length, count = Counter(lengths).most_common(1)[0]
    if count >= 2 and count >= 0.5 * len(lengths) and length >= 40:
        return length
    return None
