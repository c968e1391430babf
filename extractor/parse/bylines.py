"""Bylines: person names from author fields and visible "By ..." lines, roles and outlets cut."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import lxml.etree
from lxml.etree import _Element as HtmlElement

from extractor.parse.jsonld import MAX_LIST, collapse

__all__ = [
    "AGENCIES",
    "AGENCY_NAMES",
    "BYLINE_PREFIX_RE",
    "HANDLE_RE",
    "dedupe",
    "element_text",
    "is_foreign",
    "looks_like_name",
    "names_a_byline",
    "person_names",
    "byline_names",
    "find_byline",
]

# Class/id token fragments that mark a byline element (DOM fallback when nothing is declared).
BYLINE_TOKENS: tuple[str, ...] = (
    "byline",
    "author",
    "autor",  # Spanish, Portuguese, German, Polish, Czech ...
    "auteur",  # French: "auteurs", "auteur-article"
    "writer",
    "contributor",
    "by-line",
    "writtenby",
)
# Class/id token fragments that mark a byline as somebody else's (comment authors, bios).
# Matched as prefixes of class/id words (split at underscores too), so "comment-list" and
# "sf_comment_author" count and "hasnt-bio" does not.
NOT_BYLINE_TOKENS: tuple[str, ...] = (
    "comment",
    "reply",
    "avatar",
    "bio",
    "author-bio",
    "related",
    "more-",
    "popular",
    "recommend",
    "teaser",
)
# Lower-case words that may sit inside a person's name.
NAME_PARTICLES: frozenset[str] = frozenset(
    (
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
    )
)
# Words that name a role rather than a person, dropped from bylines.
ROLE_WORDS: frozenset[str] = frozenset(
    (
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "columnist",
        "photographer",
        "photographers",
        "producer",
        "senior",
        "chief",
        "associate",
        "contributing",
        "special",
        "national",
        "international",
        "political",
        "business",
        "science",
        "health",
        "desk",
        "team",
        "news",
        "wire",
        "agency",
        "ma",
        "phd",
        "md",
        "rn",
        "mph",
        "msc",
        "bsc",
        "ms",
        "in",
        "for",
        "of",
        "the",
        "and",
        "updated",
        "published",
        "posted",
        "last",
    )
)
# Nouns that end a role ("AP Auto Writer", "Reuters Staff").
ROLE_NOUNS: frozenset[str] = frozenset(
    (
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "columnist",
        "contributor",
        "contributors",
        "photographer",
        "producer",
        "staff",
        "desk",
    )
)
# News agencies and outlets that follow a name in a byline ("Jill Lawless, Associated Press").
AGENCIES: tuple[str, ...] = (
    "the associated press",
    "associated press",
    "ap",
    "reuters",
    "afp",
    "agence france-presse",
    "dpa",
    "efe",
    "ansa",
    "upi",
    "pa",
    "pti",
    "ians",
    "xinhua",
    "kyodo",
    "bloomberg",
    "usa today",
    "cnn",
    "bbc",
    "nyt",
    "the new york times",
    "the washington post",
)
AGENCY_NAMES = frozenset(AGENCIES)
# "CNN's Christine Romans contributed to this report": a credit for help, not the byline.
_CONTRIBUTED_RE = re.compile(r"\bcontributed\b|\bcontributing\b", re.IGNORECASE)
BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:(?:(?:written|posted|words|reported|story|text|photos?|edited|compiled)\s+by"
    r"|by|von|par|por|door|av|autor(?:a|in)?|author)\s*[:\-–—]?\s+"
    # Labels in front of a name need their colon: "Текст: Венера Ерофеева".
    r"|(?:text|texto|testo|tekst|текст|автор|auteur|autor(?:a|in)?|author)\s*:\s*)",
    re.IGNORECASE,
)

# A byline's label alone, with no name after it.
_LABEL_ONLY_RE = re.compile(
    r"^\W*(?:(?:written|posted)\s+by|by|von|par|por|door|av|di|autor(?:a|in)?|author|auteur)"
    r"\W*$",
    re.IGNORECASE,
)

_MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 160

_NOT_NAMED_TAGS = frozenset(("script", "style", "meta", "link"))
# Class and id names read by one regex search per element: 28 contains() tests per element in
# XPath cost 5-10x more on a large page (17 ms on a Wikipedia article).
_BYLINE_NAME_RE = re.compile("|".join(map(re.escape, BYLINE_TOKENS)), re.IGNORECASE)
# A cheap contains() gate first: normalize-space() on every text node is the costly part. The
# text nodes are searched and their elements read from them: a sixth cheaper than testing the
# text children of every element ("//body//*[...][text()[...]]"), with the same elements in
# the same order (body's own text has no element of its own to list).
_BY_TEXT_XPATH = lxml.etree.XPath(
    "//body/descendant::text()[contains(., 'y ') or contains(., 'Y ') or contains(., 'y:')]"
    "[starts-with(translate(substring(normalize-space(.), 1, 3), 'BY', 'by'), 'by ')"
    # "Written by: Julie Mollins", "Posted by Ned": the label and its name's link.
    " or starts-with(translate(substring(normalize-space(.), 1, 10), 'WRITENBYPOSD', "
    "'writenbyposd'), 'written by') or starts-with(translate(substring(normalize-space(.), 1, 9),"
    " 'WRITENBYPOSD', 'writenbyposd'), 'posted by')]"
    "/parent::*[not(self::script or self::style or self::body)]"
)

_URL_RE = re.compile(r"^(?:https?:)?//|^www\.|^/", re.IGNORECASE)
_URL_ANY_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"\S+@\S+\.\S+")
_DATE_CUT_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b(?:updated|published|posted|last updated|on)\b\s*[:\d]"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
_DECLARED_DATE_CUT_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d",
    re.IGNORECASE,
)
_INVERTED_RE = re.compile(r"^\s*([^\W\d][\w'’-]+),\s*([^\W\d][\w'’-]+(?:\s[^\W\d]\.?)?)\s*$")
HANDLE_RE = re.compile(r"^@?\w*\d\w*$|^@\w+$")
_NAME_PUNCT_RE = re.compile(r"[\"“”<>{}=*#@!?:;/\\]")
_SEPARATOR_RE = re.compile(r"\s*(?:\||•|·|/|\s[-–—]\s|\n)\s*")
# The short conjunctions are lower-case words between spaces: "Sarah E. Needleman" and
# "Bruce Y. Lee" are one person each.
_AND_RE = re.compile(
    r"\s*(?i:,|;|&|\b(?:edited|photos?|illustrations?|with)\s+by\b)\s*"
    r"|\s+(?:(?i:and)|und|et|y|e)\s+"
)
# "Finian Cunningham. Sputnik International": a full stop after a word ends the name.
_SENTENCE_STOP_RE = re.compile(r"(?<=\w\w\w)\.\s+(?=\w)")
_AGENCY_TAIL_RE = re.compile(
    r"\s*[,(]?\s*\b(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\)?\s*$", re.IGNORECASE
)
# Placeholders some CMSs declare for "no date": year 1, the Unix epoch.


def element_text(el: HtmlElement) -> str:
    """Text of an element, whitespace collapsed (plain lxml nodes lack text_content())."""
    if not isinstance(el.tag, str):
        return ""
    return collapse(" ".join(el.itertext()))


def dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())[:MAX_LIST]


def person_names(text: str, *, declared: bool) -> list[str]:
    """Person names in a byline or author field: prefixes, roles, dates, emails and URLs removed."""
    text = collapse(text)
    if not text or len(text) > 500 or _URL_RE.match(text):
        return []
    text = _EMAIL_RE.sub(" ", _URL_ANY_RE.sub(" ", text))
    text = BYLINE_PREFIX_RE.sub("", text)
    if _LABEL_ONLY_RE.match(text):
        return []  # "By" in a box of its own, the name in the next: a label, no name
    cut = (_DECLARED_DATE_CUT_RE if declared else _DATE_CUT_RE).search(text)
    if cut is not None:
        text = text[: cut.start()]
    # "Jane Doe | Reuters", "Jane Doe - Staff Writer": the name comes first.
    if not declared or "|" in text:
        text = _SEPARATOR_RE.split(text, maxsplit=1)[0]
    stop = _SENTENCE_STOP_RE.search(text)
    if stop is not None and len(text[: stop.start()].split()) >= 2:
        text = text[: stop.start()]
    inverted = _INVERTED_RE.match(text) if declared else None
    if (
        inverted is not None
        and inverted.group(2).casefold() not in ROLE_WORDS
        and not {inverted.group(1).casefold(), inverted.group(2).casefold()} & set(AGENCIES)
    ):
        # Citation style "Doe, Jane" is one person, not two.
        text = f"{inverted.group(2)} {inverted.group(1)}"
    pieces = [p.strip(" .:-–—()[]\"'") for p in _AND_RE.split(text)]
    roles = [_is_role(p) for p in pieces] if len(pieces) > 1 else [False]
    if all(roles):
        roles = [False] * len(pieces)  # "Reuters, AP": agencies are the byline then
    out: list[str] = []
    for piece, role in zip(pieces, roles, strict=True):
        if role:
            continue
        # "Jill Lawless Associated Press", "Kevin McCoy USA TODAY": the agency is not a name.
        person = _AGENCY_TAIL_RE.sub("", piece)
        if person != piece and len(person.split()) >= 2:
            piece = person
        name = _strip_roles(piece)
        if name:
            out.append(name)
    if len(out) > 1:
        # "Jane Doe, CNN", "Jo Roe, MA", "Victor Tangermann, Futurism": a lone capitalised word
        # after a full name is an outlet or a degree, not a person.
        out = [
            n
            for i, n in enumerate(out)
            if not (
                " " not in n
                and i > 0
                and " " in out[i - 1]
                and (n.isupper() and len(n) <= 5 or n[:1].isupper())
            )
        ] or out
    return out


def _is_role(piece: str) -> bool:
    """A role rather than a person: "AP Auto Writer", "Reuters staff", "Associated Press"."""
    folded = " ".join(piece.casefold().split())
    words = folded.split()
    if not words:
        return False
    if folded in AGENCIES:
        return True
    return words[-1] in ROLE_NOUNS and (
        any(folded.startswith(a + " ") for a in AGENCIES) or all(w in ROLE_WORDS for w in words)
    )


def _is_edge_noise(word: str) -> bool:
    """A role word or bare punctuation at either end of a name ("Jo Roe - Staff Writer")."""
    return not any(ch.isalnum() for ch in word) or word.strip(".,()").casefold() in ROLE_WORDS


# Lower-case words that leave a name's last word hanging: "jovelstefan on [Google+ icon]", an
# account's badge whose service is a picture.
_DANGLING_WORDS = frozenset(("on", "at", "via", "auf", "bei", "sur", "op", "em"))


def _strip_roles(piece: str) -> str | None:
    words = piece.split()
    while words and (_is_edge_noise(words[-1]) or words[-1] in _DANGLING_WORDS):
        words.pop()
    while words and _is_edge_noise(words[0]):
        words.pop(0)
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    name = " ".join(words)
    if sum(ch.isalpha() for ch in name) < 2:
        # "Science X staff" is all role words but for one letter: keep it whole.
        name = " ".join(piece.split())
        if len(piece.split()) > _MAX_NAME_WORDS:
            return None
    if not any(ch.isalpha() for ch in name) or len(name) > 80:
        return None
    return BYLINE_PREFIX_RE.sub("", name) or None


def find_byline(tree: HtmlElement) -> tuple[str, ...]:
    """Author names from the visible byline (class/id byline/author/writer, or "By ..." text).

    The fallback for pages that declare no author; read_metadata already uses it then.
    """
    return dedupe(byline_names(tree))


def byline_names(tree: HtmlElement, stands_in: Callable[[str], bool] | None = None) -> list[str]:
    """Names from the visible byline when the page declares no author (bounded search).

    ``stands_in`` tells a name that stands for no person (the site's own name in its author
    box); such names, like a news agency's, count only when no byline names a person.
    """
    agency: list[str] = []
    for el in _iter_bylines(tree):
        text = element_text(el)
        if not text or len(text) > _MAX_BYLINE_CHARS or _CONTRIBUTED_RE.search(text):
            continue
        names = person_names(text, declared=False)
        if names and (all(looks_like_name(n) for n in names) or _author_pages_name(el, names)):
            if not all(
                n.casefold() in AGENCY_NAMES or (stands_in is not None and stands_in(n))
                for n in names
            ):
                return names
            # "CNN" in the byline box, "By Leigh Ann Caldwell" over the text: the agency
            # credit stands only when no person is named.
            agency = agency or names
    return agency


# The path of a site's page of one author's posts ("/author/john/", "/autor/jane-doe").
_AUTHOR_PAGE_RE = re.compile(r"/(?:author|autor|auteur|autore)/[^/?#]+/?(?:$|[?#])", re.IGNORECASE)


def _author_pages_name(el: HtmlElement, names: list[str]) -> bool:
    """Whether each name is the text of a link to its author's page: a blog's account name
    ("john"), shown as the author however it is written."""
    linked = {
        collapse("".join(a.itertext())).casefold()
        for a in el.iter("a")
        if _AUTHOR_PAGE_RE.search(a.get("href") or "")
    }
    return bool(linked) and all(n.casefold() in linked for n in names)


def looks_like_name(name: str) -> bool:
    """Whether visible text reads as a name: capitalised words ("By clicking Submit" is not)."""
    if _NAME_PUNCT_RE.search(name):
        return False
    for word in name.split():
        first = word.lstrip("(")[:1]
        if first.isalpha() and first.islower() and word.casefold() not in NAME_PARTICLES:
            return False
    return True


def _iter_bylines(tree: HtmlElement) -> Iterator[HtmlElement]:
    count = 0
    body = next(tree.iter("body"), None)
    # A walk that stops at the first byline giving names: an XPath listing every element with a
    # class or id builds the whole list first, and costs twice as much on average.
    for el in body.iterdescendants() if body is not None else ():
        # The class and id first, the tag only for a match: most elements have neither name.
        cls = el.get("class")
        ident = el.get("id")
        if not ((cls and names_a_byline(cls)) or (ident and _BYLINE_NAME_RE.search(ident))):
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _NOT_NAMED_TAGS:
            continue
        count += 1
        if count > 60:
            break
        if not is_foreign(el):
            yield el
    for count, el in enumerate(_BY_TEXT_XPATH(tree)):
        if count > 30:
            break
        if not is_foreign(el):
            yield el


@lru_cache(maxsize=8192)
def names_a_byline(cls: str) -> bool:
    # Cached: a page repeats its class strings, unlike its ids. No token holds a space, so a
    # class and an id are searched apart with the result of one search over both.
    return _BYLINE_NAME_RE.search(cls) is not None


def is_foreign(el: HtmlElement) -> bool:
    """Whether a byline-looking element belongs to comments, bios or teasers, not the article."""
    depth = 0
    node: HtmlElement | None = el
    while node is not None and depth < 8:
        # Underscores join words of one name ("sf_comment_author"); hyphens are kept, as
        # "hasnt-bio" is no bio.
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower().replace("_", " ")
        found = [word for word in words.split() if word.startswith(NOT_BYLINE_TOKENS)]
        if found and (
            # A column named for teasers ("teaser-body") around a whole article is a layout
            # name: the story's own byline sits in it. Comments and bios are foreign however
            # long.
            not all(word.startswith(_LIST_TOKENS) for word in found)
            or _TEXT_LENGTH(node) <= _MAX_TEASER_CHARS
        ):
            return True
        node = node.getparent()
        depth += 1
    return False


# The names of lists of other stories, and the most text one such box holds.
_LIST_TOKENS = ("related", "more-", "popular", "recommend", "teaser")
_MAX_TEASER_CHARS = 3000
_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))", smart_strings=False)
