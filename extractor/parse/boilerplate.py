"""Boilerplate typed by kind: containers marked by tag, role and class, and blocks by their text."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.etree

from extractor.parse import vocab
from extractor.parse.dom import (
    Block,
    HtmlElement,
    split_tokens,
    text_length,
    text_of,
    token_groups,
    tokens,
)

# Tags judged as containers even without a class, id or role.
_NAMED_TAGS = frozenset(("nav", "footer", "header", "aside", "form", "dialog"))
_CONTENT_TAGS = frozenset(("article", "main"))


def container_kind(el: HtmlElement) -> str | None:
    """The boilerplate kind an element's tag, role or class names, if any."""
    return _kind(str(el.tag), el.get("role"), el.get("class"), el.get("id"))


# Drupal marks every node (an article on most Drupal sites) with its publishing state:
# "node-promoted" / "node--promoted" means shown on the front page, not an advert.
_NODE_STATE_RE = re.compile(r"(?<!\S)node-{1,2}(?:promoted|sticky|published|unpublished)(?!\S)")


@lru_cache(maxsize=8192)
def _kind(tag: str, role: str | None, cls: str | None, ident: str | None) -> str | None:
    kind = vocab.BOILERPLATE_TAGS.get(tag)
    if kind is not None:
        return kind
    if role:
        kind = vocab.BOILERPLATE_ROLES.get(role.strip().lower())
        if kind is not None:
            return kind
    if cls and "node-" in cls:
        cls = _NODE_STATE_RE.sub(" ", cls)
    if not cls and not ident:
        return None
    # The tokens of "class id" in split_tokens' order are the class's words, the id's words,
    # then each one's wholes and underscore spellings: the first kind other than navigation
    # among them wins, else navigation if any token names it. Read per string, as a page's
    # ids are mostly one-offs while its classes repeat.
    c = _name_kinds(cls) if cls else _NO_KINDS
    i = _name_kinds(ident) if ident else _NO_KINDS
    return c[0] or i[0] or c[1] or i[1] or c[2] or i[2] or ("navigation" if c[3] or i[3] else None)


_NO_KINDS: tuple[str | None, str | None, str | None, bool] = (None, None, None, False)


def _name_hint_pattern(tokens: list[str]) -> str:
    """A pattern finding any of the tokens as token_groups reads them from a lower-cased name: a
    word as a whole [a-z0-9] run, a hyphenated one as a whole whitespace-separated part in
    either spelling.

    The tokens are grouped by their first letter, and each group checks the character before
    that letter only once the letter matched: a pattern that starts with a literal of each
    alternative lets the regex engine skip every position whose character starts no token, where
    a leading look-behind makes it try all the tokens at every position (1.5 times as slow).
    """
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for token in tokens:
        groups.setdefault(token[0], ([], []))[1 if "-" in token else 0].append(token[1:])
    parts = []
    for first, (words, hyphenated) in sorted(groups.items()):
        letter = re.escape(first)
        alternatives = []
        if words:
            rest = "|".join(re.escape(w) for w in words)
            alternatives.append(f"(?<![a-z0-9]{letter})(?:{rest})(?![a-z0-9])")
        if hyphenated:
            rest = "|".join(re.escape(w).replace(r"\-", "[-_]") for w in hyphenated)
            alternatives.append(f"(?<!\\S{letter})(?:{rest})(?!\\S)")
        parts.append(f"{letter}(?:{'|'.join(alternatives)})")
    return "|".join(parts)


# Finds every boilerplate token that token_groups can read from a lower-cased class or id. Most
# names hold none, and one search rules them out.
_NAME_HINT_RE = re.compile(_name_hint_pattern(list(vocab.BOILERPLATE_TOKENS)))


@lru_cache(maxsize=8192)
def _name_kinds(raw: str) -> tuple[str | None, str | None, str | None, bool]:
    """For one class or id string, per token group of ``token_groups``: the first boilerplate
    kind other than navigation the group names, and whether any token names navigation."""
    if _NAME_HINT_RE.search(raw.lower()) is None:
        return _NO_KINDS
    tokens = vocab.BOILERPLATE_TOKENS
    nav = False
    words, joined, underscored = token_groups(raw)
    firsts: list[str | None] = []
    for group in (words, joined, underscored):
        first = None
        for token in group:
            kind = tokens.get(token)
            if kind == "navigation":
                nav = True
            elif kind is not None:
                first = kind
                break
        firsts.append(first)
    return firsts[0], firsts[1], firsts[2], nav


class PageChars:
    """The length of a page's text (``text_length`` of its root), counted when first asked: only
    a container of more than 1500 characters is weighed against it, and most pages have none."""

    __slots__ = ("_chars", "_root")

    def __init__(self, root: HtmlElement, chars: int | None = None) -> None:
        self._root = root
        self._chars = chars

    def get(self) -> int:
        chars = self._chars
        if chars is None:
            chars = self._chars = text_length(self._root)
        return chars


def mark_containers(
    root: HtmlElement, protect: list[HtmlElement], total_chars: int | None = None
) -> dict[HtmlElement, str]:
    """Outermost containers of each boilerplate kind, never one that holds a protected element.

    ``protect`` lists elements that belong to the article (the headline): a container around
    one of them is a wrapper, not boilerplate. A container holding most of the page's text is a
    wrapper too, whatever its class says. ``total_chars`` is ``text_length(root)``, counted
    here when left out and needed.
    """
    page = PageChars(root, total_chars)
    guarded: set[HtmlElement] = set()
    for el in protect:
        guarded.update(el.iterancestors())
        guarded.add(el)
    marks: dict[HtmlElement, str] = {}
    kind = _judge(root, guarded, page)
    if kind is not None:
        marks[root] = kind
    elif len(root):
        _mark_below(root, guarded, page, marks)
    return marks


def _mark_below(
    parent: HtmlElement, guarded: set[HtmlElement], page: PageChars, marks: dict[HtmlElement, str]
) -> None:
    """Mark the outermost containers under ``parent``, in document order.

    A pre-order walk that never enters a marked container: only the outermost is wanted, and a
    page's menus and footers are large subtrees not worth visiting. Compiled, a recursion over
    children lists built in C costs half as much per element as lxml's iterwalk.
    """
    for el in parent[:]:
        kind = _judge(el, guarded, page)
        if kind is not None:
            marks[el] = kind
        elif len(el):
            _mark_below(el, guarded, page, marks)


def _judge(el: HtmlElement, guarded: set[HtmlElement], page: PageChars) -> str | None:
    """The boilerplate kind of one element as a container, or None to look inside it."""
    tag = el.tag
    # One read of all the attributes: three get() calls cost more, each encoding its name
    # and searching the attributes again, and most elements have one attribute or none.
    attributes: list[tuple[str, str]] = el.items()
    if not attributes and tag not in _NAMED_TAGS:
        return None  # most elements: nothing to judge them by
    cls: str | None = None
    ident: str | None = None
    role: str | None = None
    pair: tuple[str, str]  # typed: compiled, read by index rather than unpacked
    for pair in attributes:
        name = pair[0]
        # The first of a repeated name, as get() reads it.
        if name == "class":
            if cls is None:
                cls = pair[1]
        elif name == "id":
            if ident is None:
                ident = pair[1]
        elif name == "role" and role is None:
            role = pair[1]
    if cls is None and ident is None and role is None and tag not in _NAMED_TAGS:
        return None
    if el in guarded or tag == "html" or tag == "body" or not isinstance(tag, str):
        return None
    kind = _kind(tag, role, cls, ident)
    if kind is None and tag not in _UNNAMED_KINDS:
        return None
    return _mark_of(el, tag, kind, page)


# Tags that _mark_of may mark with no kind named by their tag, role or class.
_UNNAMED_KINDS = frozenset(("header", "form", "dialog"))


def _mark_of(el: HtmlElement, tag: str, kind: str | None, page: PageChars) -> str | None:
    """The boilerplate kind of one container whose names give ``kind``, or None to look
    inside it."""
    if kind is None:
        if tag == "header":
            kind = "navigation"
        elif tag in ("form", "dialog"):
            text = text_of(el)
            if vocab.SUBSCRIBE_RE.search(text):
                kind = "subscribe"
            elif vocab.COOKIE_RE.search(text):
                kind = "cookie"
            else:
                return None
        else:
            return None  # an aside may hold related reads or a pull quote; judged by its content
    if tag not in ("nav", "footer", "header") and _holds_prose(el, kind, page):
        return None
    if kind == "comments" and _wraps_the_article(el, page):
        return None
    if kind == "advert" and _advert_by_modifier(el, tag):
        return None
    if kind == "share" and next(el.iterdescendants("blockquote"), None) is not None:
        # A "social-media-embed" holds a post the article quotes, not buttons to share it.
        return None
    return kind


# A BEM modifier ("block__element--modifier"): the part after "--" says how an element is shown.
_BEM_MODIFIER_RE = re.compile(r"(?<=[A-Za-z0-9])--[\w-]+")


def _advert_by_modifier(el: HtmlElement, tag: str) -> bool:
    """Whether an element is named an advert only by a BEM modifier of its class.

    "TestReport__Section TestReport__Section--Ads" is a section of the report laid out to
    take ads between its paragraphs: what it is, a section, is named before the "--".
    """
    cls = el.get("class")
    if not cls or "--" not in cls:
        return False
    bases = _BEM_MODIFIER_RE.sub("", cls)
    if _kind(tag, el.get("role"), bases, el.get("id")) is not None:
        return False
    # Read as the article's only when its text is prose, not a box of links to shops.
    size = text_length(el)
    return size > 0 and sum(map(len, _LINK_TEXTS(el))) < 0.3 * size


def _holds_prose(el: HtmlElement, kind: str, page: PageChars) -> bool:
    """Whether a container reads as the article, whatever its class says.

    "article-body pagination-first" names a pager by one token and the body by another; a
    container with the body's name, or with long text and few links, is kept as content.
    """
    if _names_content_apart(el.get("class"), el.get("id")):
        return True
    if kind not in ("navigation", "other", "subscribe"):
        return False  # comments, footers and disclaimers are prose too, and still boilerplate
    # A "paywall" wraps the article it hides, and a long low-link text under it is that article.
    size = text_length(el)
    if el.tag == "p" and kind == "subscribe" and size >= 80 and _names_paywall(el):
        # Some publishers mark each paragraph behind the paywall ("<p class='paywall'>"): a
        # paragraph that does not itself ask to subscribe is the article's.
        return vocab.SUBSCRIBE_RE.search(text_of(el)) is None
    if size < 800:
        return False
    if size > 1500 and size > 0.5 * page.get() > 0:
        return True
    # The links' text read by one XPath counts a link inside a link once; a reader counts it for
    # each link, which only adds to a sum already too large or, rarely, needs the long count.
    limit = 0.2 * size
    if sum(map(len, _LINK_TEXTS(el))) >= limit:
        return False
    if _NESTED_LINK(el):
        return sum(len(t) for a in el.iter("a") for t in a.itertext()) < limit
    return True


def _wraps_the_article(el: HtmlElement, page: PageChars) -> bool:
    """Whether a container named like a comment section wraps the page's one article instead.

    GitHub names the column around a README "new-discussion-timeline"; a thread of comments
    holds many comments (often an ``<article>`` each), not one article with most of the text.
    """
    size = text_length(el)
    if size < 1500 or size < 0.5 * page.get():
        return False
    articles = el.iterdescendants("article")
    first = next(articles, None)
    return first is not None and next(articles, None) is None and 2 * text_length(first) >= size


def _names_paywall(el: HtmlElement) -> bool:
    return not _PAYWALL_TOKENS.isdisjoint(tokens(el))


_PAYWALL_TOKENS = frozenset(("paywall", "regwall"))
_LINK_TEXTS = lxml.etree.XPath("descendant-or-self::a//text()", smart_strings=False)
_NESTED_LINK = lxml.etree.XPath("boolean(descendant-or-self::a//a)")


@lru_cache(maxsize=4096)
def names_related(cls: str | None, ident: str | None) -> bool:
    """Whether a class or id names a box of related reads ("related-content").

    Such a box in the body's containers leaves the body (see parse.body_scope) rather than being
    marked as boilerplate for the whole page: the teaser reader takes its cards for itself.
    """
    return any(t in vocab.RELATED_TOKENS for t in split_tokens(f"{cls or ''} {ident or ''}"))


@lru_cache(maxsize=8192)
def _names_content_apart(cls: str | None, ident: str | None) -> bool:
    """Whether a class or id names the body in a word of its own ("article-body pagination").

    A word that also names boilerplate says what part of the content it is ("related-content",
    "article-keywords"): that is the boilerplate's name, not the body's.
    """
    for word in f"{cls or ''} {ident or ''}".split():
        parts = split_tokens(word)
        if any(t in vocab.CONTENT_TOKENS for t in parts) and not any(
            t in vocab.BOILERPLATE_TOKENS for t in parts
        ):
            return True
    return False


@lru_cache(maxsize=8192)
def has_content_token(cls: str | None, ident: str | None) -> bool:
    if not cls and not ident:
        return False
    return any(t in vocab.CONTENT_TOKENS for t in split_tokens(f"{cls or ''} {ident or ''}"))


# The line patterns kind_of_text tries from the start of a text, as one: a text none of them
# starts (most of a page's lines) is ruled out of all of them by one match instead of nine.
_LINE_START_PATTERNS = (
    vocab.SHARE_RE,
    vocab.PROMO_LINE_RE,
    vocab.PROMO_LABEL_RE,
    vocab.SLIDE_LABELS_RE,
    vocab.AGENCY_CAPTION_RE,
    vocab.COMMENTS_RE,
    vocab.ADVERT_RE,
    vocab.NAVIGATION_WORDS_RE,
    vocab.PREV_NEXT_RE,
    vocab.TAG_LINE_RE,
    vocab.GALLERY_COUNT_RE,
    vocab.CREDIT_LINE_RE,
    vocab.EMBED_CHROME_RE,
)
_LINE_STARTS_RE = re.compile(
    "|".join(f"(?:{r.pattern})" for r in _LINE_START_PATTERNS), re.IGNORECASE
)
# The same pattern for lower-cased ASCII text, where it finds the same lines (its letters are
# all lower-case: tests/test_boilerplate.py keeps it so). Ignoring case, the regex engine steps
# into every alternative; matching case, it skips those whose first letter differs (half the
# cost, and the test runs on every short line of a page).
_LINE_STARTS_LOWER_RE = re.compile(_LINE_STARTS_RE.pattern)


# A web address written out in the text, its host captured ("https://www.facebook.com/x").
_ADDRESS_RE = re.compile(r"https?://(?:www\.|m\.)?([a-z0-9.-]+)")
# Short forms of social hosts that SOCIAL_HOSTS does not list.
_SOCIAL_SHORT_HOSTS = frozenset(("fb.me", "fb.com", "youtu.be", "line.me", "instagr.am"))


def _social_addresses(folded: str) -> int:
    """How many written-out addresses in a lower-cased text lead to social networks."""
    return sum(
        1
        for host in _ADDRESS_RE.findall(folded)
        if host in vocab.SOCIAL_HOSTS or host in _SOCIAL_SHORT_HOSTS
    )


def kind_of_text(block: Block) -> str | None:
    """A boilerplate kind read from a block's text alone, for pages with no names to lean on."""
    text = block.text
    n = len(text)
    if n >= 400:
        return None  # every test below is for a short line or box
    # Substring tests on the lower-cased text rule out most blocks before a regex runs.
    folded = text.lower()
    if _has_any(folded, vocab.COOKIE_KEYS) and vocab.COOKIE_RE.search(text):
        return "cookie"
    density = block.link_density
    if (
        n < 300
        and _has_any(folded, vocab.FOOTER_KEYS)
        and vocab.FOOTER_RE.search(text)
        and (density > 0.3 or n < 160)
    ):
        return "footer"
    starts = (
        _LINE_STARTS_LOWER_RE.match(folded) if text.isascii() else _LINE_STARTS_RE.match(text)
    ) is not None
    if starts and n < 120 and vocab.SHARE_RE.match(text):
        return "share"
    if starts and n < 200 and vocab.EMBED_CHROME_RE.match(text):
        return "share"
    if (
        n < 250
        and _has_any(folded, vocab.SUBSCRIBE_KEYS)
        and vocab.SUBSCRIBE_RE.search(text)
        and (density > 0.2 or (n < 140 and block.el.tag != "li") or _is_newsletter_ask(text))
        and not _prices_a_deal(text)
    ):
        # A list item that says "sign up" without a link is a step of the article ("Sign up
        # for the bundle using the same email"), not a box asking to subscribe.
        return "subscribe"
    if starts and n < 200 and density > 0.5 and vocab.PROMO_LINE_RE.match(text):
        return "other"
    if starts and n < 40 and vocab.PROMO_LABEL_RE.match(text):
        return "other"
    if n < 250 and text.endswith(")") and vocab.CAPTION_LINE_RE.search(text):
        return "other"  # a picture's caption set as a plain line
    if starts and vocab.SLIDE_LABELS_RE.match(text):
        return "other"
    if starts and n < 60 and vocab.GALLERY_COUNT_RE.match(text):
        return "other"
    if starts and n < 250 and vocab.CREDIT_LINE_RE.match(text):
        return "other"
    if starts and vocab.AGENCY_CAPTION_RE.match(text):
        return "other"
    if n < 150 and density > 0.1 and vocab.CLICK_HERE_RE.search(text):
        return "other"
    if n < 300 and "://" in text and _social_addresses(folded) >= 2:
        return "share"  # "Follow us: Facebook https://fb.me/site Twitter https://twitter.com/site"
    if not starts:
        return None
    if n < 80 and vocab.COMMENTS_RE.match(text):
        return "comments"
    if n < 40 and vocab.ADVERT_RE.match(text):
        return "advert"
    if n < 60 and vocab.NAVIGATION_WORDS_RE.match(text):
        return "navigation"
    if n < 200 and density > 0.5 and vocab.PREV_NEXT_RE.match(text):
        return "navigation"  # "← Previous: the post before this one"
    if n < 300 and density > 0.4 and vocab.TAG_LINE_RE.match(text):
        return "navigation"  # "Tags: Bilt, Cent, Eimsbüttel", each a link to a tag's page
    return None


def _is_newsletter_ask(text: str) -> bool:
    """Whether a text asks twice over to subscribe to mail ("Sign up for the free daily
    newsletter"): a promo however plain its paragraph. A deal to "sign up" for a service that
    one can "subscribe" to names no newsletter and stays."""
    cues = {m.group(1).lower() for m in vocab.SUBSCRIBE_RE.finditer(text)}
    return len(cues) >= 2 and any("newsletter" in c or "inbox" in c for c in cues)


# An amount of money ("$11.99", "5 €", "£4/month"): newsletters are free, so a line that prices
# what it asks one to sign up for is a deal of the article.
_PRICE_RE = re.compile(r"[$€£¥]\s?\d|\d\s?[€£]")
_MAIL_RE = re.compile(r"newsletter|e-?mails?|inbox", re.IGNORECASE)


def _prices_a_deal(text: str) -> bool:
    return _PRICE_RE.search(text) is not None and _MAIL_RE.search(text) is None


def _has_any(folded: str, keys: tuple[str, ...]) -> bool:
    # A plain loop: a generator under any() costs more than the few substring tests it runs.
    for key in keys:  # noqa: SIM110
        if key in folded:
            return True
    return False


def is_disclaimer(text: str) -> bool:
    """Whether a paragraph speaks as a disclaimer."""
    return (
        _has_any(text.lower(), vocab.DISCLAIMER_KEYS)
        and vocab.DISCLAIMER_RE.search(text) is not None
    )
