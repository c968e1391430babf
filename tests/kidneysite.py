"""A site modelled on the seed site but unlike it, served on loopback, for the site-learning tests.

"Kidney Care Digest" publishes plain-language summaries of kidney research. What the seed site
has, it has in other markup and other words: class-free markup, a day-first date order, and a
disclaimer of three paragraphs after the related reads whose first paragraph names each
article's journal. What makes it a test of learning across pages rather than of one page:

- on most articles the disclaimer's last paragraph says it is not medical advice, so the
  parser recognises the block by its wording; on the articles of the old template
  (``OLD_TEMPLATE``) that paragraph is missing and the other two sit inside the ``<article>``,
  where nothing on the page alone tells them from the body;
- most pages print a date with a day above 12 (25/04/2025); the ``AMBIGUOUS`` articles print
  only dates like 03/04/2025, which read right only with the site's learned order.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SITE = "Kidney Care Digest"
JOURNALS = (
    "Kidney International",
    "The Lancet",
    "Nephrology Dialysis Transplantation",
    "JAMA Internal Medicine",
    "Clinical Journal of the American Society of Nephrology",
    "Nature Reviews Nephrology",
)
ARTICLES = 12
OLD_TEMPLATE = frozenset((2, 7, 10))
AMBIGUOUS = frozenset((1, 4, 9))
# (day, month) of each article: days above 12 settle the order, except on AMBIGUOUS ones.
_DAYS = ((25, 4), (18, 3), (30, 1), (14, 2), (3, 4), (21, 5), (16, 6), (27, 7), (19, 8), (7, 2))
_AMBIGUOUS_DAYS = ((3, 4), (7, 2), (11, 1), (5, 9))

_TOPICS = (
    "dialysis fatigue",
    "potassium in the diet",
    "transplant rejection",
    "blood pressure targets",
    "kidney stones",
    "anaemia treatment",
    "home dialysis",
    "protein intake",
    "diabetic kidney disease",
    "itching on dialysis",
    "living donors",
    "cystic kidneys",
)
_VERBS = ("lowered", "raised", "changed", "predicted", "slowed", "improved")
_THINGS = (
    "the number of hospital stays",
    "how tired people felt",
    "the rate of decline in kidney function",
    "the need for dialysis",
    "blood potassium levels",
    "the risk of losing a transplant",
)


def disclaimer(i: int) -> list[str]:
    """The disclaimer's paragraphs on article ``i`` (two on the old template)."""
    journal = JOURNALS[i % len(JOURNALS)]
    paragraphs = [
        f"Every summary on {SITE} is written for people living with kidney disease and the "
        f"families who look after them. The research behind this one appeared in {journal} "
        "and was written for specialists, so we have simplified its details for everyday "
        "readers.",
        "Findings change as new evidence arrives, and one study rarely settles a question on "
        "its own. Please talk it over with your kidney team before you change your diet, your "
        "dialysis routine or your medicines.",
    ]
    if i not in OLD_TEMPLATE:
        paragraphs.append(
            "This summary is for general information purposes only and is not a substitute "
            "for medical advice from your own doctor."
        )
    return paragraphs


@dataclass(frozen=True, slots=True)
class Article:
    i: int

    @property
    def path(self) -> str:
        return f"/stories/{self.topic.replace(' ', '-')}-{self.i:03d}"

    @property
    def topic(self) -> str:
        return _TOPICS[self.i % len(_TOPICS)]

    @property
    def title(self) -> str:
        return f"What a new study says about {self.topic}"

    @property
    def day(self) -> tuple[int, int]:
        if self.i in AMBIGUOUS:
            return _AMBIGUOUS_DAYS[self.i % len(_AMBIGUOUS_DAYS)]
        return _DAYS[self.i % len(_DAYS)]

    @property
    def date_text(self) -> str:
        day, month = self.day
        return f"{day:02d}/{month:02d}/2025"

    @property
    def iso(self) -> str:
        day, month = self.day
        return f"2025-{month:02d}-{day:02d}"

    def paragraphs(self) -> list[str]:
        rng = random.Random(self.i * 97 + 5)
        out = []
        for lead in ("Researchers followed", "For patients, this means", "The study had limits:"):
            sentences = [
                f"{lead} {rng.randint(40, 900)} adults with {self.topic} for "
                f"{rng.randint(2, 9)} years.",
                f"A change in routine {rng.choice(_VERBS)} {rng.choice(_THINGS)}.",
                f"Those who kept it up {rng.choice(_VERBS)} {rng.choice(_THINGS)} "
                f"more than the others did.",
                f"The team in study {self.i} says larger trials should now test this.",
            ]
            out.append(" ".join(sentences))
        return out

    def related(self) -> list[Article]:
        """Three other articles; an ambiguous article's cards show only ambiguous dates."""
        others = [Article(j) for j in range(ARTICLES) if j != self.i]
        if self.i in AMBIGUOUS:
            return [a for a in others if a.i in AMBIGUOUS] + [
                a for a in others if a.day[0] <= 12 and a.i not in AMBIGUOUS
            ][:2]
        return [others[(self.i * 5 + k) % len(others)] for k in range(3)]

    def blurb(self) -> str:
        return (self.paragraphs()[0] + " " + self.paragraphs()[1])[:110]

    def html(self) -> str:
        heads = ("Key findings", "What it means for you", "Caveats")
        body = "".join(
            f"<h2>{head}</h2><p>{text}</p>"
            for head, text in zip(heads, self.paragraphs(), strict=True)
        )
        notes = "".join(f"<p>{p}</p>" for p in disclaimer(self.i))
        cards = "".join(
            f'<div><p>{a.date_text}</p><p>{a.blurb()}</p><a href="{a.path}">Continue reading</a>'
            "</div>"
            for a in self.related()
        )
        inside, after = (notes, "") if self.i in OLD_TEMPLATE else ("", f"<div>{notes}</div>")
        return (
            '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{self.title} – {SITE}</title></head><body>"
            f'<div><a href="/">{SITE}</a> · <a href="/">Latest</a> · <a href="/about">About us</a>'
            "</div>"
            f"<article><h1>{self.title}</h1><p>Published {self.date_text}</p>"
            f"<p><b>A plain-language summary of new research on {self.topic}.</b></p>"
            f"{body}{inside}</article>"
            f"<div><h3>You may also like</h3>{cards}</div>{after}"
            f"<div>© 2025 {SITE}</div></body></html>"
        )


def home() -> str:
    links = "".join(
        f'<li><a href="{Article(i).path}">{Article(i).title}</a></li>' for i in range(ARTICLES)
    )
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{SITE}</title>'
        f"</head><body><h1>{SITE}</h1><ul>{links}</ul></body></html>"
    )


def about() -> str:
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>About {SITE}'
        f"</title></head><body><h1>About us</h1><p>{SITE} is written by two nurses who have "
        "looked after people on dialysis for twenty years, with help from readers.</p>"
        "</body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: KidneySite

    def do_GET(self) -> None:  # noqa: N802 (the http.server hook's name)
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] = self.server.hits.get(path, 0) + 1
        body = self.server.pages.get(path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        kind = "text/plain" if self.path.endswith(".txt") else "text/html"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass


class KidneySite(ThreadingHTTPServer):
    """The site on 127.0.0.1 (any free port); a context manager."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages: dict[str, str] = {
            "/": home(),
            "/about": about(),
            "/robots.txt": "User-agent: *\nAllow: /\n",
        }
        for i in range(ARTICLES):
            self.pages[Article(i).path] = Article(i).html()
        self.hits: dict[str, int] = {}  # requests per path
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> KidneySite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
