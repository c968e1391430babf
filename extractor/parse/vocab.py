"""Vocabulary as data: class/id tokens, roles and phrases that the parser's logic looks up."""

from __future__ import annotations

import re

# Elements whose content is never displayed text.
DROP_TAGS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "annotation",  # MathML's TeX source beside the formula it renders
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "select",
    "textarea",
    "button",
    "input",
    "head",
)

# Elements that start a new block of text; anything else is inline.
BLOCK_TAGS: frozenset[str] = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "html",
        "legend",
    ]
)
HEADING_TAGS: frozenset[str] = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
BOLD_TAGS: frozenset[str] = frozenset(("b", "strong"))

# Whole class names that hide an element from a desktop reader (phone-only copies included).
HIDDEN_CLASSES: frozenset[str] = frozenset(
    [
        "hidden",
        "hide",
        "is-hidden",
        "invisible",
        "sr-only",
        "sronly",
        "screen-reader-text",
        "screen-reader-only",
        "visually-hidden",
        "visuallyhidden",
        "a11y-hidden",
        "offscreen",
        "u-hidden",
        "d-none",
        "js-hidden",
        "visible-xs",
        "visible-xs-block",
        "visible-xs-inline",
        "visible-sm",
        "visible-sm-block",
        "hidden-lg",
        "hidden-md",
        "hidden-desktop",
        "hide-for-large",
        "hide-for-medium",
        "show-for-small-only",
        "mobile-only",
        "only-mobile",
        "show-mobile",
        "hidden-lg-up",
        "hidden-md-up",
        "d-md-none",
        "d-lg-none",
        "modal",  # a dialog that shows only when opened (Bootstrap's display: none)
        "collapse",  # a panel folded until a button opens it, unless "show" or "in" says open
        "vjs-hidden",  # video.js: a player control or dialog not shown (display: none)
        "hide-text",  # Bootstrap's image replacement (a logo's text set to 0 px): not read
        "text-hide",
        # Hidden at a desktop's width: a box for phones and tablets.
        "hide-desktop",
        "hide-on-desktop",
        "hidden-on-desktop",
        "hide-from-desktop",
        # Blogger's edit links on each widget, shown to the blog's owner alone.
        "item-control",
    ]
)
# Whole class names that say an element shows on a desktop, whatever else it says.
DESKTOP_CLASSES: frozenset[str] = frozenset(
    [
        "visible-lg",
        "visible-lg-block",
        "visible-md",
        "visible-md-block",
        "show-for-large",
        "show-for-medium",
        "d-md-block",
        "d-lg-block",
        "show",
        "in",
    ]
)
# A responsive utility that shows an element from a tablet's or desktop's width up, whatever a
# "hidden" beside it says for phones: Tailwind's "lg:flex", Bootstrap's "d-md-flex".
DESKTOP_CLASS_RE = re.compile(
    r"(?:(?:sm|md|lg|xl):|d-(?:sm|md|lg|xl)-)(?:block|flex|grid|inline|inline-block|inline-flex|table)"
)
# Tailwind's "md:hidden", "lg:hidden": shown on phones only, like Bootstrap's "d-lg-none".
PHONE_ONLY_CLASS_RE = re.compile(r"(?:md|lg):hidden")

# Class/id tokens (after splitting on non-alphanumerics) that name a kind of boilerplate.
# Looked up token by token, so "nav" matches "main-nav" but not "canvas".
BOILERPLATE_TOKENS: dict[str, str] = {
    **dict.fromkeys(
        [
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menubar",
            "mainmenu",
            "megamenu",
            "topnav",
            "sitenav",
            "skiplink",
            "skip",
            "masthead",
            "toolbar",
            "sidebar-nav",
            "subnav",
            "pagination",
            "pager",
            "tabs-nav",
            # MediaWiki's cross-reference notes ("Main article: Firefox") and link boxes.
            "hatnote",
            "navbox",
            "tags",
            "keywords",
            "article-keyword",
            "tag-list",
            # The box of previous/next post links under a story ("grid-container next-prev").
            "next-prev",
            "prev-next",
            "nextprev",
            "prevnext",
        ],
        "navigation",
    ),
    **dict.fromkeys(["breadcrumb", "breadcrumbs", "crumbs", "crumb"], "breadcrumb"),
    # The author's box under the article: a bio of the writer, not the story.
    **dict.fromkeys(
        [
            "author-bio",
            "authorbio",
            "author-box",
            "about-author",
            "about-the-author",
            "author-info",
            "author-description",
            "author-content",
            "entry-author-bio",
            "user-bio",
            "bio",
        ],
        "other",
    ),
    # A gallery embedded in the story: its buttons ("Full Screen", "Autoplay"), slide titles
    # and captions, none of it the article's text ("wp-volt-gal-button").
    **dict.fromkeys(["gallery", "carousel", "gal"], "other"),
    **dict.fromkeys(["disclaimer", "disclaimers", "legal-notice"], "disclaimer"),
    **dict.fromkeys(
        ["footer", "foot", "sitefooter", "site-footer", "colophon", "copyright"], "footer"
    ),
    **dict.fromkeys(
        ["cookie", "cookies", "consent", "gdpr", "cookiebar", "cookie-banner", "cmp"], "cookie"
    ),
    **dict.fromkeys(
        [
            "share",
            "sharing",
            "social",
            "socials",
            "sharebar",
            "share-buttons",
            "sharethis",
            "addthis",
            "social-share",
        ],
        "share",
    ),
    **dict.fromkeys(
        [
            "newsletter",
            "subscribe",
            "subscription",
            "signup",
            "sign-up",
            "paywall",
            "regwall",
            "optin",
            # A box set into the text to ask for money or a sign-up (German "Störer").
            "disturber",
            "stoerer",
            "donation-box",
            "donate-box",
        ],
        "subscribe",
    ),
    **dict.fromkeys(
        [
            "comment",
            "comments",
            "disqus",
            "respond",
            "discussion",
            "replies",
            # WordPress's recent-comments widget: commenters' own sites, not stories.
            "recentcomments",
            "recent-comments",
        ],
        "comments",
    ),
    **dict.fromkeys(
        [
            "ad",
            "ads",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "adslot",
            "adunit",
            "ad-slot",
            "dfp",
            "gpt",
            "sponsor",
            "sponsored",
            "taboola",
            "outbrain",
            "zergnet",
            "native-ad",
            "promoted",
            "banner-ad",
        ],
        "advert",
    ),
}
# ARIA landmark roles and HTML5 sectioning tags with a boilerplate meaning.
BOILERPLATE_ROLES: dict[str, str] = {
    "navigation": "navigation",
    "banner": "navigation",
    "contentinfo": "footer",
    "search": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "complementary": "other",
}
BOILERPLATE_TAGS: dict[str, str] = {"nav": "navigation", "footer": "footer"}

# Tokens of a box of related reads ("related-content"): out of the body, yet the teasers' own.
RELATED_TOKENS: frozenset[str] = frozenset(["related", "related-content", "related-posts"])

# Tokens that mark a container as holding the article body.
CONTENT_TOKENS: frozenset[str] = frozenset(
    [
        "article",
        "article-body",
        "articlebody",
        "article-content",
        "entry-content",
        "post-content",
        "post-body",
        "story-body",
        "story-content",
        "content",
        "main-content",
        "body-text",
        "article-text",
        "postbody",
        "entry",
        "story",
        "text",
        "rich-text",
    ]
)

# Tokens that mark a dek / standfirst.
SUMMARY_TOKENS: frozenset[str] = frozenset(
    [
        "dek",
        "standfirst",
        "subtitle",
        "subheadline",
        "sub-headline",
        "subhead",
        "summary",
        "lede",
        "lead",
        "intro",
        "excerpt",
        "deck",
        "strapline",
        "kicker-summary",
        "article-summary",
        # Not "description" alone: as a part it names the body's own paragraph wrappers
        # ("text-description") and slideshow captions ("slideshow-description").
        "article-description",
        "teaser-text",
    ]
)
TEASER_HEADING_RE = re.compile(
    r"\b(related|recommended|more (from|on|in|stories|news|articles|like)|read (next|more)|"
    r"latest|most (read|popular|viewed|shared|emailed)|popular|trending|top stories|"
    r"you (may|might) (also )?(like|enjoy)|also (read|see)|further reading|don.t miss|"
    r"editor.s picks|recent posts|see also|what to read next)\b"
    # The same blocks in other languages: French, German, Spanish, Portuguese, Italian, Dutch,
    # Russian.
    r"|\b(à lire aussi|lire aussi|les plus (lus|partagés|commentés)|voir aussi|sur le même sujet|"
    r"meistgelesen|meistkommentiert|mehr zum thema|auch interessant|"
    r"(neu(e)?ste|letzte|aktuelle|ähnliche|verwandte|weitere|beliebteste|meistgelesene) "
    r"(beiträge|artikel|posts|meldungen|nachrichten|themen|geschichten|features)|neues|lesetipps?|"
    r"(das )?könnte (dich|sie|dir|ihnen|euch) auch (interessieren|gefallen)|"
    r"(dir|ihnen|euch) könnte auch gefallen|zum weiterlesen|zuletzt (erschienen|veröffentlicht)|"
    r"top-?(meldungen|themen|artikel)|"
    r"lo más (leído|visto)|te puede interesar|noticias relacionadas|relacionad[oa]s|"
    r"leia também|mais lidas|veja também|leggi anche|i più letti|"
    r"gerelateerde artikelen|meest gelezen|lees ook|ook interessant|"
    r"читайте также|материалы по теме|популярное|по теме)\b"
    # More of them in English, German and French: "Keep reading", "Lesen Sie auch", "Passend
    # zum Thema", "Articles similaires", "Dans la même rubrique", "Vous aimerez aussi".
    r"|\b(keep reading|in case you missed it|also on|editors?.? (choice|recommendations)|"
    r"lesen sie auch|auch lesenswert|passend zum thema|ebenfalls interessant|siehe auch|"
    r"aus der (gleichen|selben) kategorie|"
    r"(beliebte|empfohlene|ausgewählte) (beiträge|artikel|posts)|am meisten gelesen|"
    r"mehr aus (dem|der) (ressort|rubrik|kategorie)|"
    r"articles? (similaires|récents|liés|connexes|populaires|recommandés)|derniers articles|"
    r"dans la même (rubrique|catégorie)|sur le même thème|vous aimerez (peut-être )?aussi|"
    r"(à )?lire également|à découvrir (aussi|également)|les plus populaires)\b"
    # Korean, Japanese and Chinese write them without word boundaries.
    r"|관련 ?기사|많이 본|인기 ?기사|関連記事|人気記事|おすすめ記事"
    r"|相关(阅读|新闻|文章)|热门|推荐阅读",
    re.IGNORECASE,
)

# Link texts that are an affordance, not a title.
READ_MORE_RE = re.compile(
    r"^\s*(read|see|view|learn|continue|find out)?\s*(more|full (story|article)|reading|"
    r"the full story|article)\s*(»|›|→|>|…|\.\.\.)?\s*$",
    re.IGNORECASE,
)

# Paths that are not articles: taxonomy, accounts, sharing.
NON_ARTICLE_PATH_RE = re.compile(
    r"/(tag|tags|category|categories|topic|topics|author|authors|user|users|profile|login|"
    r"signin|signup|register|account|search|subscribe|newsletter|feeds?|rss|cart|shop|"
    r"contact|about|privacy|terms|cookie-policy|label|archive|page/\d+|"
    # German topic pages ("/thema/ruhr/").
    r"thema|themen)(/|$|\?)",
    re.IGNORECASE,
)
SOCIAL_HOSTS: frozenset[str] = frozenset(
    [
        "facebook.com",
        "twitter.com",
        "x.com",
        "linkedin.com",
        "pinterest.com",
        "reddit.com",
        "whatsapp.com",
        "instagram.com",
        "tiktok.com",
        "youtube.com",
        "t.me",
        "telegram.me",
        "plus.google.com",
        "tumblr.com",
        "mastodon.social",
        "threads.net",
        "bsky.app",
        "flipboard.com",
        "getpocket.com",
        "wa.me",
    ]
)
AD_HOSTS: frozenset[str] = frozenset(
    [
        "taboola.com",
        "outbrain.com",
        "zergnet.com",
        "doubleclick.net",
        "googlesyndication.com",
        "revcontent.com",
        "mgid.com",
        "adnxs.com",
        "amazon-adsystem.com",
        "postquare.com",
        "googleadservices.com",
        "gemini.yahoo.com",  # Yahoo's native ads click through beap.gemini.yahoo.com
    ]
)

# Text cues, for pages with no class names to lean on.
COOKIE_RE = re.compile(
    r"\b(cookies?|consent|gdpr)\b.*\b(accept|agree|consent|privacy|settings|preferences|use)\b"
    r"|\b(accept|allow)( all)? cookies\b|\b(we|this (site|website)) uses? cookies\b"
    r"|\bcookies? (help|to (improve|give|enhance|personali[sz]e|provide))\b",
    re.IGNORECASE | re.DOTALL,
)
FOOTER_RE = re.compile(
    r"(©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bprivacy policy\b|"
    r"\bterms (of (use|service)|and conditions)\b)",
    re.IGNORECASE,
)
SHARE_RE = re.compile(
    r"^\s*(share( (this|on|via|article|story))?|sharing is caring|"
    r"like this (story|article)\? share it|tweet|email|print|copy link|"
    r"facebook|twitter|"
    r"linkedin|whatsapp|pinterest|reddit)\b[\w\s:|/•·!-]*$",
    re.IGNORECASE,
)
# The frame an embedded Instagram post is drawn in: its call to open the post and the line
# naming who shared it when; the post's own caption between them is quoted text.
EMBED_CHROME_RE = re.compile(
    r"^\s*(?:(?:view this post on instagram|sieh dir diesen beitrag auf instagram an|"
    r"voir cette publication sur instagram|ver esta publicación en instagram|"
    r"visualizza questo post su instagram)\s*$"
    r"|(?:a post shared by|ein beitrag geteilt von|une publication partagée par|"
    r"una publicación compartida por|un post condiviso da) .{1,80}\(@[\w.]+\))",
    re.IGNORECASE,
)
SUBSCRIBE_RE = re.compile(
    r"\b(subscribe|newsletter|sign up|signup|get (our|the) .{0,40}(emails?|updates|newsletter)|"
    r"join our mailing list|(delivered )?(to|in) your inbox)\b",
    re.IGNORECASE,
)
# A count of readers' comments in six languages ("86 Kommentare", "3 comments"), for patterns.
COMMENT_COUNT = r"\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties)"
COMMENTS_RE = re.compile(
    r"^\s*(\d+\s+)?(comments?|leave a (comment|reply)|post a comment|join the discussion|"
    r"add a comment)\b",
    re.IGNORECASE,
)
ADVERT_RE = re.compile(
    r"^\s*(advertisement|advertising|sponsored( content)?|ad|promoted)\s*$", re.IGNORECASE
)
# A disclaimer speaks about the site's content and the reader's own judgement.
DISCLAIMER_RE = re.compile(
    r"\b(disclaimer|not (intended as|a substitute for) (medical|professional|legal|financial)|"
    r"(for|is for) (general )?information(al)? purposes|consult(ing)? (with )?(a |your )?"
    r"(doctor|physician|healthcare|health care|medical|qualified)|"
    r"does not (constitute|provide) (medical|legal|financial|professional) advice|"
    r"views (and opinions )?expressed|opinions expressed|not (been )?(reviewed|endorsed)|"
    r"we (recommend|encourage) (reviewing|consulting|readers)|"
    r"should not be (used as|relied|construed)|no responsibility|not responsible for)\b",
    re.IGNORECASE,
)
# A line that sends the reader to another story ("READ MORE: ...", "See also: ...") and the
# labels of boxes of such links set in the body ("Don't miss", "Related articles").
PROMO_LINE_RE = re.compile(
    r"^\s*((read|see|watch|view|also read|read also)( more| also)?\s*[:>|»›]|"
    r"also on [\w-]+\.[a-z]{2,}\b)",
    re.IGNORECASE,
)
PROMO_LABEL_RE = re.compile(
    r"^\s*(don'?t miss|must read|most read|trending( now)?|recommended( for you)?|"
    r"related( articles| stories| posts| content| reading| links)?|you (may|might) (also )?like)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)

# A line that labels the page's dates ("PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: ...").
DATE_LABEL_RE = re.compile(
    r"^\s*(published|updated|posted|last (updated|modified)|modified|first published)"
    r"( on| at)?\s*[:|-]?\s",
    re.IGNORECASE,
)

# Lower-case substrings one of which every match of the pattern above them contains: a cheap
# test that rules a text out before the regex runs (keep them in step with the patterns).
COOKIE_KEYS = ("cookie", "consent", "gdpr")
FOOTER_KEYS = ("©", "(c)", "copyright", "rights reserved", "privacy policy", "terms ")
SUBSCRIBE_KEYS = (
    "subscribe",
    "newsletter",
    "sign up",
    "signup",
    "email",
    "update",
    "mailing list",
    "your inbox",
)
DISCLAIMER_KEYS = (
    "disclaimer",
    "intended as",
    "substitute for",
    "purposes",
    "consult",
    "does not",
    "expressed",
    "reviewed",
    "endorsed",
    "we recommend",
    "we encourage",
    "should not be",
    "responsib",
)
NAVIGATION_WORDS_RE = re.compile(
    r"^\s*(home|menu|skip to (main )?content|search|log ?in|sign ?in|back to top|next|previous|"
    r"older posts|newer posts|(read more|view this image)\s*[›»→]?)\s*$",
    re.IGNORECASE,
)
PREV_NEXT_RE = re.compile(
    r"^\s*(«|‹|<|←)?\s*(previous|prev|next|older|newer)( (post|article|story|entry|page))?\b",
    re.IGNORECASE,
)
# The word before a byline's names ("By", "Von", "Par" ...): a line that opens with it and a name
# is a byline; BYLINE_WORD_RE is the word alone, to read the name after it.
_BYLINE_WORD = r"^\s*(by|von|par|por|door|di|av)\s+"
BYLINE_TEXT_RE = re.compile(_BYLINE_WORD + r"\S", re.IGNORECASE)
BYLINE_WORD_RE = re.compile(_BYLINE_WORD, re.IGNORECASE)

ELLIPSIS_RE = re.compile(r"(…|\.\.\.+|\[…\]|\[\.\.\.\]|\.\.)\s*$")

# Separators between an article title and the site name in <title>.
TITLE_SEPARATORS_RE = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:|›)\s+")

# A slide counter opening a heading ("1/50 United goin down", "3 of 12"): a gallery caption.
SLIDE_COUNTER_RE = re.compile(r"^\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\b", re.IGNORECASE)
# A line of nothing but a gallery's slide labels ("Image 1 of 5 Image 2 of 5 ...").
SLIDE_LABELS_RE = re.compile(
    r"^(?:\s*(?:image|photo|picture|slide)\s*\d{1,3}\s*(?:/|of)\s*\d{1,3})+\s*$", re.IGNORECASE
)

# Class tokens of an element that captions or credits a picture.
CAPTION_TOKENS: frozenset[str] = frozenset(
    [
        "caption",
        "captions",
        "wp-caption",
        "wp-caption-text",
        "image-caption",
        "img-caption",
        "photo-caption",
        "media-caption",
        "credit",
        "credits",
        "photo-credit",
        "image-credit",
        "img-credit",
    ]
)

# A caption set as a plain line, its credit in brackets at the end ("... (Image: GETTY)").
CAPTION_LINE_RE = re.compile(
    r"\((?:image|photo|picture|pic|credit|video)s?\s*:\s*[^()]{1,60}\)\s*$", re.IGNORECASE
)
# The news agencies' caption opening ("In this Dec. 12, 2006, file photo, ...").
AGENCY_CAPTION_RE = re.compile(r"^\s*in this\b.{0,80}?\b(?:file )?(?:photo|image|picture)\b", re.I)
# A promo line that sends the reader away by "clicking here".
CLICK_HERE_RE = re.compile(r"\bclick(?:ing)? here\b", re.IGNORECASE)
# Class tokens of cards shown only while the pointer rests on their trigger.
POPUP_TOKENS: frozenset[str] = frozenset(("rollover", "tooltip", "popover", "hovercard"))

# The label of a post's tag line ("Tags: Bilt, Cent, Eimsbüttel"), its items links to tag pages.
TAG_LINE_RE = re.compile(
    r"^\s*(?:tags|tagged(?: with)?|filed under|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter"
    r"|étiquettes|mots[- ]clés)\s*:",
    re.IGNORECASE,
)

# A gallery's link and its count of pictures, set as a line of the text ("Slideshow ( 15 images )").
GALLERY_COUNT_RE = re.compile(
    r"^\s*(?:slideshow|slide show|gallery|photo gallery|bildergalerie|galerie)\s*"
    r"\(\s*\d{1,3}\s*(?:images|photos|pictures|bilder|fotos)\s*\)\s*$",
    re.IGNORECASE,
)

# A wire story's closing credits ("Additional reporting by ...; Editing by ..."): its staff, not
# its text.
CREDIT_LINE_RE = re.compile(
    r"^\s*\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research)"
    r"(?: and \w+)? by\b[^.;]*(?:;|\)\s*$|$)",
    re.IGNORECASE,
)
