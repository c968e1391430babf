"""Which links may lead to another article: the URL side of teaser detection."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from extractor.parse import vocab

PageKey = tuple[str, str, str]  # bare host, path without final slash, query

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "sms:", "whatsapp:", "ftp:")

# Link shorteners, affiliate redirectors and social sites beyond vocab's list: a teaser through
# them is a paid or shared link, never the site's own recommendation of an article.
_OFF_HOSTS = frozenset(
    (
        "bit.ly",
        "goo.gl",
        "ow.ly",
        "t.co",
        "tinyurl.com",
        "buff.ly",
        "amzn.to",
        "bhpho.to",
        "zdbb.net",
        "evyy.net",
        "redirectingat.com",
        "anrdoezrs.net",
        "dpbolvw.net",
        "jdoqocy.com",
        "kqzyfj.com",
        "tkqlhce.com",
        "shareasale.com",
        "awin1.com",
        "pntra.com",
        "skimresources.com",
        "stubhub.com",
        "ticketmaster.com",
        "stumbleupon.com",
        "digg.com",
        "delicious.com",
        "addthis.com",
        "sharethis.com",
        "github.com",
        "feedburner.com",
        "ard.yahoo.co.jp",  # Yahoo Japan's ad clicks
    )
)
# Forums, legal pages, hubs of people, quotes and collections, event listings ("/event/<name>/"),
# subscription and donation pages, licences (a photo credit's "CC BY-SA 4.0"), mailing lists,
# a shop's product pages ("/dp/<ASIN>"), and files and feeds: not articles.
_OFF_PATH_RE = re.compile(
    r"/(forums?|discussions?|threads?|community|players?|quotes?|collections|"
    r"disclaimer|policies|policy|legal|imprint|impressum|copyright|terms-of-use|terms-of-service|"
    r"about-us|contact-us|abuse_reports|help|faq|advertise|advertising|careers|jobs|"
    r"stellenanzeigen|stellenangebote|stellenmarkt|jobboerse|"
    r"sitemap|wikis?|embed|roundups?|event|checkout|membership|pricing|donate|news-?tips|"
    r"advertorials?|sponsored(-content)?|licen[cs]es?|mailman|dp/[a-z0-9]{10}|gp/product|"
    r"(user|visitor|subscriber|mobile-app|app|license)-agreement|sign-up(-for-[\w-]*)?)(/|$|\.)",
    re.IGNORECASE,
)
_OFF_HOST_PREFIX = (
    "forum.",
    "forums.",
    "community.",
    "discussions.",
    "shop.",
    "store.",
    # Help desks, legal pages, accounts and subscription checkouts of the site.
    "help.",
    "support.",
    "policies.",
    "myaccount.",
    "account.",
    "accounts.",
    "subs.",
    "subscription.",
    "subscriptions.",
    "subscribe.",
    "deals.",  # a shopping site of the publisher: offers, not stories
)
_FILE_RE = re.compile(r"\.(png|jpe?g|gif|webp|svg|pdf|mp3|mp4|zip|xml|rss|atom)$", re.IGNORECASE)
_NOT_ARTICLE_RE = re.compile(
    "|".join((vocab.NON_ARTICLE_PATH_RE.pattern, _OFF_PATH_RE.pattern, _FILE_RE.pattern)),
    re.IGNORECASE,
)
# The same pattern (all lower case) for lower-cased ASCII paths: ignoring case makes the
# search of a long path ~8 times slower, and most paths are ASCII.
_NOT_ARTICLE_LOWER_RE = re.compile(_NOT_ARTICLE_RE.pattern)
# A story filed under a hub path: a slug of five words or more one to three levels below a
# category, topic or archive word ("/videos/category/history/the-1930s-were-not-a-good-time/").
_SLUG_BELOW_HUB_RE = re.compile(
    r"/(categor(y|ies)|topics?|archive|thema|themen)(/[^/]+){1,3}/[^/]*[^\W_]+([-_][^\W_]+){4,}/?$",
    re.IGNORECASE,
)
_HUB_WORD_RE = re.compile(r"/(categor(y|ies)|topics?|archive|thema|themen)(?=/)", re.IGNORECASE)
# A fragment naming one comment ("#comment-954190"): a "Ben commented on <post>" link. A link
# to a post's comment section ("#comments", a card's comment count) still names the post.
# The paths of click counters and redirectors ("/cl/", "/click", "/redirect"), without the
# final slash that _target strips.
_CLICK_PATH_RE = re.compile(
    r"^/(cl|c|clk|click|aclk|r|redir|redirect|track|tracking|go|out)(\.\w+)?$", re.IGNORECASE
)
_COMMENT_ANCHOR_RE = re.compile(r"#comment[-_]?\d+$", re.IGNORECASE)
# A site's home page in one language ("/en/", "/es") is navigation like "/".
_LANGUAGE_ROOT_RE = re.compile(r"^/[a-z]{2}(-[a-z]{2})?/?$", re.IGNORECASE)


def page_key(page_url: str | None) -> PageKey | None:
    """What identifies the current page, to drop links back to it."""
    if not page_url:
        return None
    page = urlsplit(page_url)
    return (bare_host((page.hostname or "").lower()), page.path.rstrip("/"), page.query)


def article_url(href: str, base: str | None, page_url: str | None) -> str | None:
    """The absolute URL of a link when it may lead to another article, else None."""
    return link_target(href.strip(), base, page_key(page_url))


def bare_host(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=256)
def _origin(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=256)
def _base_host(base: str) -> str | None:
    split = _split(_origin(base) + "/")
    return split[0] if split else None


@lru_cache(maxsize=4096)
def _off_host(host: str) -> bool:
    if host.startswith(_OFF_HOST_PREFIX):
        return True
    # Match the registrable tail too: m.facebook.com, r.zdbb.net, go.redirectingat.com.
    parts = host.split(".")
    for i in range(len(parts) - 1):
        tail = ".".join(parts[i:])
        if tail in _OFF_HOSTS or tail in vocab.SOCIAL_HOSTS or tail in vocab.AD_HOSTS:
            return True
    return False


# An http(s) URL with a plain host (and port): host, then path and query up to any fragment.
_PLAIN_URL_RE = re.compile(r"(?i:https?)://([A-Za-z0-9.-]+)(?::\d+)?(?=[/?#]|\Z)([^#]*)")


def url_host(url: str) -> str:
    """The bare lower-case host of a URL, as urlsplit gives it (a plain URL by one pattern)."""
    m = _PLAIN_URL_RE.match(url)
    if m is not None:
        return bare_host(m[1].lower())
    return bare_host((urlsplit(url).hostname or "").lower())


def _split(url: str) -> tuple[str, str, str] | None:
    """Bare lower-case host, path and query of an http(s) URL, else None.

    Plain URLs are split by one pattern, several times faster than urlsplit; anything unusual
    (user info, IPv6, odd schemes) goes through urlsplit.
    """
    m = _PLAIN_URL_RE.match(url)
    if m is not None:
        path, _, query = m[2].partition("?")
        return bare_host(m[1].lower()), path, query
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return bare_host((parts.hostname or "").lower()), parts.path, parts.query


def link_target(href: str, base: str | None, page: PageKey | None) -> str | None:
    """``article_url`` for a stripped href and a precomputed page key."""
    if not href or href[:11].lower().startswith(_SKIP_SCHEMES):  # "javascript:" is the longest
        return None
    if "#" in href and _COMMENT_ANCHOR_RE.search(href):
        return None  # a link to one comment, not to the post
    # The cache is keyed by what the answer depends on, not by the page: an absolute link is
    # the same on every page, a root-relative one on every page of its site. A crawl's pages
    # share their navigation, and entries tied to one page URL were never hit again.
    if href.startswith(("http://", "https://")):
        target = _target(href, None)
    elif base and href.startswith("/") and not href.startswith("//") and "/." not in href:
        target = _target(href, _origin(base))
    else:
        target = _target(href, base)
    if target is None:
        return None
    url, host, path, query = target
    if page is not None and host == page[0]:
        # Sites whose articles differ only in their query (news_view.html?idx=...) keep it.
        if path == page[1] and (not (query and page[2]) or query == page[2]):
            return None
        if not query and path and page[1].startswith(path + "/"):
            return None  # a section above this page ("/tests/" over "/tests/kindersitze/"): a hub
    elif query and _CLICK_PATH_RE.match(path):
        return None  # another site's click counter ("td.oo34.net/cl/?aaid="): an ad
    return url


def links_one_comment(href: str) -> bool:
    """Whether an href leads to one comment of a post ("/the-post/#comment-632327")."""
    return "#" in href and _COMMENT_ANCHOR_RE.search(href.strip()) is not None


def _slug_below_hub(path: str) -> bool:
    """Whether a path is a story's slug filed under a hub word, and nothing else marks it."""
    if _SLUG_BELOW_HUB_RE.search(path) is None:
        return False
    return _NOT_ARTICLE_RE.search(_HUB_WORD_RE.sub("", path, count=1)) is None


def forget_links() -> None:
    """Empty the cache of link answers (for timings of pages seen for the first time)."""
    _target.cache_clear()


@lru_cache(maxsize=4096)
def _target(href: str, base: str | None) -> tuple[str, str, str, str] | None:
    """URL without fragment, bare host, path without final slash and query of a link that may
    lead to an article on any page (``base`` only as far as the link depends on it), else None."""
    split: tuple[str, str, str] | None
    if href.startswith(("http://", "https://")):
        url = href  # most links are absolute or root-relative: spare urljoin's general case
        split = _split(url)
    elif base and href.startswith("/") and not href.startswith("//") and "/." not in href:
        url = _origin(base) + href
        path, _, query = href.split("#", 1)[0].partition("?")
        host = _base_host(base)
        split = (host, path, query) if host else _split(url)
    else:
        url = urljoin(base, href) if base else href
        split = _split(url)
    if split is None:
        return None
    host, path, query = split
    if _off_host(host):
        return None
    # ("/xx-yy/" and a final newline "$" lets through: 8 characters at most)
    if not query and (path in ("", "/") or (len(path) <= 8 and _LANGUAGE_ROOT_RE.match(path))):
        return None  # a home page is navigation
    if (
        _NOT_ARTICLE_LOWER_RE.search(path.lower())
        if path.isascii()
        else _NOT_ARTICLE_RE.search(path)
    ) and not _slug_below_hub(path):
        return None
    return url.split("#", 1)[0], sys.intern(host), path.rstrip("/"), query
