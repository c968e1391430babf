"""Who wrote the page: authors declared in JSON-LD, meta, microdata or rel=author, else bylines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import _Element as HtmlElement

from extractor.parse.bylines import (
    AGENCY_NAMES,
    HANDLE_RE,
    byline_names,
    dedupe,
    looks_like_name,
    person_names,
)
from extractor.parse.field_labels import AUTHOR_LABELS, label_values
from extractor.parse.jsonld import MAX_LIST, deref
from extractor.parse.signatures import signed_name

__all__ = ["AUTHOR_META", "declared_authors", "outlet_keys"]

# Meta names (lower-cased) that declare the author, in preference order.
AUTHOR_META: tuple[str, ...] = (
    "dc:creator",
    "dc.creator",
    "dcterms.creator",
    "dcterm:creator",
    "author",
    "article:author",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
    "og:article:author",
    "book:author",
)

_OUTLET_KEY_RE = re.compile(r"[\W_]+")
# A company's legal form ends its name: "Süddeutsche.de GmbH", "Acme Media Inc.", "Axel
# Springer SE". Declared as the author, it is the publisher; the names after it its address.
_COMPANY_RE = re.compile(
    r"\b(?:GmbH|AG|SE|KG|KGaA|e\.\s?V\.|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|PLC|plc|S\.A\.|SAS|SARL|"
    r"S\.p\.A\.|B\.V\.|N\.V\.|Pty)\s*$"
)


def declared_authors(
    tree: HtmlElement,
    *,
    jsonld_author: Any,
    by_id: dict[str, dict[str, Any]],
    meta_all: dict[str, list[str]],
    itemprop_authors: Callable[[], list[str]],
    author_links: list[str],
    outlets: frozenset[str],
) -> tuple[str, ...]:
    """Declared author names, from the most to the least structured source; the DOM as fallback."""
    sources: list[Callable[[], list[str]]] = [
        lambda: jsonld_authors(jsonld_author, by_id),
        lambda: _meta_authors(meta_all),
        lambda: [n for value in itemprop_authors() for n in person_names(value, declared=True)],
        lambda: [n for text in author_links for n in person_names(text, declared=True)],
        lambda: byline_names(tree, lambda name: _stands_in(name, outlets)),
        lambda: labelled_names(tree),
        lambda: signed_name(tree),
    ]
    handles: tuple[str, ...] = ()
    for source in sources:
        found = dedupe(source())
        companies = tuple(n for n in found if _COMPANY_RE.search(n))
        if companies:
            # "Süddeutsche.de GmbH, Munich, Germany": a company and its town, no person; a
            # person named beside it ("Jane Roe, Acme Media Inc.") is still the author.
            found = tuple(n for n in found if n not in companies and " " in n)
            if not found:
                handles = handles or companies
                continue
        if len(found) > 1:
            # "Troy L. Smith, Cleveland.com": the site itself is not one of the authors.
            found = tuple(n for n in found if not _is_outlet(n, outlets)) or found
        if not found:
            continue
        if not all(_stands_in(n, outlets) for n in found):
            if not handles or any(" " in n for n in found):
                return found
            # After a wire credit, a lone word is a dateline's city more often than a person.
            continue
        # "CC7567" is an account name, "CNN Wire" a wire service republished, "Deutsche Welle"
        # the site itself: a later source (the "By Leigh Ann Caldwell" over the text) may still
        # give the person's name.
        handles = handles or found
    return handles


def outlet_keys(site_names: Iterable[str | None], url: str | None) -> frozenset[str]:
    """The site's own names, letters and digits only: og:site_name, publisher, host."""
    keys = list(site_names)
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "http://[::1": a broken URL names no host
        host = ""
    host = host.removeprefix("www.")
    keys += [host, host.partition(".")[0]]
    return frozenset(k for n in keys if n and len(k := _OUTLET_KEY_RE.sub("", n.casefold())) > 2)


def _stands_in(name: str, outlets: frozenset[str]) -> bool:
    """Whether an author name stands in for a person: an account, a wire service, the site."""
    return (
        HANDLE_RE.match(name) is not None
        or name.casefold() in AGENCY_NAMES
        or _is_outlet(name, outlets)
    )


def _is_outlet(name: str, outlets: frozenset[str]) -> bool:
    key = _OUTLET_KEY_RE.sub("", name.casefold())
    return len(key) > 2 and any(key == o or (len(key) >= 5 and key in o) for o in outlets)


def _meta_authors(meta_all: dict[str, list[str]]) -> list[str]:
    """Authors from the first meta name that gives any (several article:author tags are kept)."""
    for name in AUTHOR_META:
        found = [n for v in meta_all.get(name, []) for n in person_names(v, declared=True)]
        if found:
            return found
    return []


def jsonld_authors(value: Any, by_id: dict[str, dict[str, Any]], depth: int = 0) -> list[str]:
    if depth > 4:
        return []
    if isinstance(value, list):
        return [n for item in value[:MAX_LIST] for n in jsonld_authors(item, by_id, depth + 1)]
    if isinstance(value, dict):
        name = deref(value, by_id).get("name")
        if isinstance(name, (str, list)):
            return jsonld_authors(name, by_id, depth + 1)
        return []
    if isinstance(value, str):
        return person_names(value, declared=True)
    return []


def labelled_names(tree: HtmlElement) -> list[str]:
    """The names a fact list gives under its author label ("<strong>Author</strong> Ben
    Knight", "<dt>Autor:</dt><dd>Jo Roe</dd>"): the first value that reads as names."""
    body = next(tree.iter("body"), None)
    for value in label_values(body if body is not None else tree, AUTHOR_LABELS):
        names = person_names(value, declared=False)
        if names and all(looks_like_name(n) for n in names):
            return names
    return []
