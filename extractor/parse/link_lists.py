"""Link runs and card lists inside the body: menus and tags out, sources and roundups in."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from extractor.parse.dom import Block


def page_hosts(*urls: str | None) -> frozenset[str]:
    """The hosts a page calls its own (its URL's and its canonical URL's), without "www."."""
    return frozenset(h for h in (_host(u) for u in urls if u) if h)


def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _is_link_line(block: Block) -> bool:
    # Most lines hold no link: told apart before any ratio is taken.
    return (
        block.link_chars > 0
        and block.link_density > 0.6
        and len(block.text) < 200
        and not block.heading_level
    )


def _is_linked_heading(block: Block) -> bool:
    # A heading that is one link: a card title when link lines surround it.
    return (
        block.link_chars > 0
        and bool(block.heading_level)
        and block.link_density > 0.9
        and len(block.text) < 200
    )


# How many times the text of a line's links to other sites must outweigh that of its links
# within the site for the line to cite a source.
_AWAY_SHARE = 3


def _links_elsewhere(block: Block, own_hosts: frozenset[str]) -> bool:
    """Whether a line's links go to other sites: a list of sources or bug reports the article
    cites, where a menu, a tag list or related stories link within the site.

    Measured by the links' text: a reference names its source by a long outside link and may
    link its publisher's page within the site ("Title of the story. Engadget."); a menu entry
    with a short outside link beside one within the site stays a menu entry.
    """
    if not own_hosts:
        return False
    away = home = 0
    for a in block.el.iter("a"):
        href = a.get("href")
        if href is None:
            continue
        host = _host(href) if href.lstrip()[:4].lower() == "http" else ""
        n = len("".join(a.itertext()).strip())
        if not host or host in own_hosts:
            home += n
        else:
            away += n
    return away > 0 and away >= _AWAY_SHARE * home


def without_link_lists(
    candidates: list[Block], own_hosts: frozenset[str] = frozenset()
) -> list[Block]:
    """The blocks less runs of link lines (tag lists, "more" menus left in the body).

    A lone link line between prose (a source link, a DOI under "Original study") stays, and so
    does a line whose links all leave the site. A linked heading counts in a run (cards of titles
    and links) but never starts one on its own.
    """
    lines = [_is_link_line(b) and not _links_elsewhere(b, own_hosts) for b in candidates]
    kept = []
    n = len(candidates)
    for i, block in enumerate(candidates):
        before = candidates[i - 1] if i else None
        after = candidates[i + 1] if i + 1 < n else None
        if lines[i]:
            run_before = before is None or lines[i - 1] or _is_linked_heading(before)
            if run_before or (after is not None and (lines[i + 1] or _is_linked_heading(after))):
                continue
        elif _is_linked_heading(block) and (
            (before is not None and lines[i - 1]) or (after is not None and lines[i + 1])
        ):
            continue
        kept.append(block)
    return kept


def cited_lists(
    listed: list[Block], zone_of: Callable[[Block], object], own_hosts: frozenset[str]
) -> list[Block]:
    """The blocks of link lists, found as teasers inside the body, whose links leave the site.

    A "Sources & links" list or a run of bug reports is the article's own matter: read as cards
    (a title, a link) they would leave the body, but related stories link within the site. A
    list whose lines mostly go elsewhere (one may cite the site's own post) is kept whole, its
    heading too; blocks are grouped into lists by ``zone_of``.
    """
    counts: dict[int, list[int]] = {}
    for block in listed:
        if not block.link_chars:
            continue
        count = counts.setdefault(id(zone_of(block)), [0, 0])
        count[0] += 1
        count[1] += _links_elsewhere(block, own_hosts)
    kept = {key for key, (lines, away) in counts.items() if away * 4 >= lines * 3}
    return [b for b in listed if id(zone_of(b)) in kept]


def prose_zones(blocks: list[Block], is_listed: Callable[[Block], bool]) -> set[int]:
    """The ids of teaser zones whose text is mostly paragraphs that open with a link and go on
    at length: a roundup's items ("<p><a>Story</a> — what it says, in two sentences</p>"),
    the article's own prose, not cards."""
    sizes: dict[int, list[int]] = {}
    for block in blocks:
        if not is_listed(block):
            continue
        size = sizes.setdefault(id(block.zone), [0, 0])
        n = len(block.text)
        size[0] += n
        own = n - block.link_chars
        if block.tag == "p" and block.link_chars and own >= 80 and own >= 2 * block.link_chars:
            size[1] += n
    return {key for key, (total, prose) in sizes.items() if prose >= 0.6 * total}


def table_zones(blocks: list[Block], is_listed: Callable[[Block], bool]) -> set[int]:
    """The ids of teaser zones that are rows of a data table: cells of one <table>, half of
    them or more with no link (a price, a grade, "yes"). A table of test results whose rows
    link to each product's test is the article's matter, not a list of cards; a table of
    related stories links in every cell but a date's."""
    cells: dict[int, list[int]] = {}
    tables: dict[int, object] = {}
    for block in blocks:
        if not is_listed(block):
            continue
        key = id(block.zone)
        count = cells.setdefault(key, [0, 0])
        table = next(block.el.iterancestors("table"), None) if block.tag in ("td", "th") else None
        if table is None or tables.setdefault(key, table) is not table:
            count[0] = -1  # a block outside the table: no data table
            continue
        if count[0] >= 0:
            count[0] += 1
            count[1] += not block.link_chars
    return {key for key, (n, plain) in cells.items() if n >= 4 and plain * 2 >= n}
