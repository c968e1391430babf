"""Teaser blocks of blogs and news sites met unseen: footer lists named as stories, cards linked
through a "weiterlesen" affordance under a topic kicker, and streams of whole stories."""

from __future__ import annotations

from datetime import UTC, datetime

from extractor.parse.teaser_links import article_url
from extractor.pipeline import extract
from tests.records import valid

NOW = datetime(2026, 11, 24, tzinfo=UTC)
URL = "https://blog.example/2019/06/19/the-story/"
BODY = "<p>" + "The article body has a sentence with some words, commas, and more. " * 6 + "</p>"
# Short titles, as blogs give them: a menu's length under a heading that names nothing.
SHORT = [
    ("/2017/08/02/autokorrektur/", "Autokorrektur im Alltag"),
    ("/2016/07/11/cut/", "Cut"),
    ("/2018/12/05/bloggedanken/", "Bloggedanken zum Jahresende"),
    ("/2010/03/08/der-berliner-szenemensch/", "Der Berliner Szenemensch"),
]


def _teasers(html: str) -> list[dict[str, object]]:
    return list(valid(extract(html, URL, now=NOW).to_dict())["teasers"])


def _page(after: str, rail: str = "") -> str:
    return (
        f"<html><body><h1>The story of the day</h1><article>{BODY * 3}</article>"
        f"<aside class='sidebar'>{rail}</aside>{after}</body></html>"
    )


def _list(heading: str, items: list[tuple[str, str]]) -> str:
    links = "".join(f"<li><a href='{href}'>{title}</a></li>" for href, title in items)
    return f"<div class='widget'><h4>{heading}</h4><ul>{links}</ul></div>"


def test_a_footer_column_named_as_stories_keeps_its_short_titles() -> None:
    teasers = _teasers(_page(f"<footer>{_list('Meistkommentiert', SHORT)}</footer>"))
    assert [t["title"] for t in teasers] == [title for _, title in SHORT]
    assert {t["block"] for t in teasers} == {"Meistkommentiert"}


def test_an_unnamed_footer_column_of_short_titles_stays_the_sites_links() -> None:
    assert _teasers(_page(f"<footer>{_list('Über uns', SHORT)}</footer>")) == []


def test_latest_features_in_german_name_a_block() -> None:
    teasers = _teasers(_page("", rail=_list("Letzte Features", SHORT)))
    assert [t["block"] for t in teasers] == ["Letzte Features"] * len(SHORT)


def _card(slug: str, title: str) -> str:
    return (
        "<div class='list__item'><header>"
        "<span class='topline'><a href='/thema/neue-rechte/'>Neue Rechte</a></span>"
        f"<h2 class='tertiary-title'>{title}</h2>"
        "<p>Recherchen haben zu den ersten Strafzahlungen wegen illegaler Spenden geführt.</p>"
        f"</header><div class='list__bar'><a href='/aktuelles/2019/03/12/{slug}/'>"
        "<span>weiterlesen</span></a><span>5 Minuten</span></div></div>"
    )


RELATED = (
    "<div class='list list--related'>"
    + _card("geldstrafe", "Geldstrafe für die Partei")
    + _card("plakate", "Das Geheimnis der Schweizer Plakate")
    + "</div>"
)


def test_a_card_linked_only_by_weiterlesen_under_a_topic_kicker() -> None:
    # The kicker leads to a topic page (/thema/...), the card's story behind "weiterlesen".
    teasers = _teasers(_page(RELATED))
    assert [(t["title"], t["url"]) for t in teasers] == [
        ("Geldstrafe für die Partei", "https://blog.example/aktuelles/2019/03/12/geldstrafe/"),
        (
            "Das Geheimnis der Schweizer Plakate",
            "https://blog.example/aktuelles/2019/03/12/plakate/",
        ),
    ]


def test_related_lists_of_the_stories_after_the_pages_own_belong_to_them() -> None:
    story = f"<article class='list__item'><h2>A story</h2>{BODY * 5}{RELATED}</article>"
    html = (
        "<html><body><h1>Aktuelle Artikel</h1>"
        f"<div class='list'>{story}{story.replace('A story', 'The next story')}</div>"
        "</body></html>"
    )
    teasers = _teasers(html)
    # The page's own story (the first) keeps its list; the next story's list is its own.
    assert [t["title"] for t in teasers] == [
        "Geldstrafe für die Partei",
        "Das Geheimnis der Schweizer Plakate",
    ]


def _promo(slug: str, title: str) -> str:
    return (
        f"<div class='teaser'><a href='/b2b'>B2B</a> <a class='teaser-title' href='/b2b/{slug}/1'>"
        f"{title}</a> <a class='teaser-text' href='/b2b/{slug}/1'>Die Schwesterfirma sucht nach "
        "Investoren aus der Branche für ihre selbstfahrenden Autos.</a></div>"
    )


PROMOS = _promo("waymo", "Waymo bittet Autohersteller um Geld") + _promo(
    "lyft", "Lyft gelingt milliardenschwerer Börsengang"
)


def _text_with(inner: str) -> str:
    return (
        "<html><body><h1>The story of the day</h1>"
        f"<article><div class='article-paragraphs'>{BODY * 3}{inner}</div></article></body></html>"
    )


def test_unheaded_story_cards_closing_the_text_are_a_block() -> None:
    teasers = _teasers(_text_with(PROMOS + "<div class='ad'></div>"))
    assert [t["title"] for t in teasers] == [
        "Waymo bittet Autohersteller um Geld",
        "Lyft gelingt milliardenschwerer Börsengang",
    ]
    assert all(t["blurb"] for t in teasers)


def test_unheaded_story_cards_between_paragraphs_stay_the_texts() -> None:
    assert _teasers(_text_with(PROMOS + BODY)) == []


def _table(head: str) -> str:
    rows = "".join(
        f"<tr><td><a href='/tests/detail.aspx?id={n}'>{name}</a></td><td>{price} Punkte</td>"
        f"<td>ja</td><td>1,{n}</td></tr>"
        for n, (name, price) in enumerate(
            [
                ("Britax Römer Baby-Safe 2 i-Size Flex Base", 370),
                ("Maxi-Cosi Cabriofix mit Familyfix Basis", 140),
                ("Hauck Comfort Fix mit Comfort Fix Isofixbasis", 220),
            ]
        )
    )
    return f"<table>{head}<tbody>{rows}</tbody></table>"


def test_rows_of_a_table_with_column_heads_are_records_not_stories() -> None:
    head = "<thead><tr><th>Modell</th><th>Preis</th><th>Isofix</th><th>Note</th></tr></thead>"
    assert _teasers(_page(_table(head))) == []


def test_rows_of_a_table_without_column_heads_may_be_stories() -> None:
    # The same rows with no heads to tabulate under are read as before: a list of links.
    assert len(_teasers(_page("<h3>Related</h3>" + _table("")))) == 3


def test_a_section_above_the_page_is_a_hub_not_a_story() -> None:
    page = "https://www.example.de/fahrzeug/tests/kindersicherheit/kindersitztest-2018/"
    assert article_url("/fahrzeug/tests/", page, page) is None
    assert article_url("https://www.example.de/fahrzeug", page, page) is None
    assert article_url("/fahrzeug/tests/reifen/winterreifen-2018/", page, page) is not None
    # A query names another page of the same path: a story of a news_view.html?idx= site.
    assert article_url("/fahrzeug/tests/?idx=4", page, page) is not None


def test_a_heading_linking_to_a_section_names_its_list_of_latest_stories() -> None:
    heading = "<a href='/blog/category/kategorien/produkte/'>Produkte</a>"
    teasers = _teasers(_page(f"<footer>{_list(heading, SHORT)}</footer>"))
    assert [t["title"] for t in teasers] == [title for _, title in SHORT]
    assert {t["block"] for t in teasers} == {"Produkte"}


def test_a_heading_linking_to_a_section_over_its_subsections_names_no_stories() -> None:
    heading = "<a href='/category/sports/'>Sports</a>"
    sections = [
        ("/sports/college-football", "College Football Scores Today"),
        ("/sports/high-school", "High School Sports Roundup"),
        ("/sports/golf", "Golf"),
    ]
    assert _teasers(_page(f"<footer>{_list(heading, sections)}</footer>")) == []


def test_the_same_heading_linking_nowhere_names_nothing() -> None:
    assert _teasers(_page(f"<footer>{_list('Produkte', SHORT)}</footer>")) == []


def _dw_card(slug: str, title: str, inner: str) -> str:
    return f"<div class='news'><a href='/en/{slug}/a-1'><h2>{title}{inner}</h2></a></div>"


def test_a_date_closing_the_cards_heading_is_its_date_not_its_title() -> None:
    cards = _dw_card(
        "libya", "Berlin Libya conference: A first step?", " <span class='date'>19.01.2020</span>"
    ) + _dw_card(
        "bougainville", "Germany's colonial legacy in Bougainville", " <span>09.12.2019</span>"
    )
    teasers = _teasers(_page(f"<div class='related'><h4>Related content</h4>{cards}</div>"))
    assert [(t["title"], t["date_text"]) for t in teasers] == [
        ("Berlin Libya conference: A first step?", "19.01.2020"),
        ("Germany's colonial legacy in Bougainville", "09.12.2019"),
    ]


def _dek_card(slug: str, title: str, dek: str) -> str:
    return f"<div class='linkList'><a href='/en/{slug}/a-2'><h2>{title}</h2><p>{dek}</p></a></div>"


def test_a_date_in_brackets_closing_the_dek_is_the_cards_date() -> None:
    cards = _dek_card(
        "dibobe",
        "German colonialism and the long-forgotten Dibobe Petition",
        "A plaque in Berlin commemorates the long-forgotten Dibobe Petition. (25.07.2019)&nbsp;",
    ) + _dek_card(
        "museum",
        "Berlin museum stirs debate with plans for a remembrance room",
        "For some, the Humboldt Forum's plan does not go far enough. (30.01.2019)",
    )
    teasers = _teasers(_page(f"<div class='group'><h4>DW recommends</h4>{cards}</div>"))
    assert [(t["date_text"], t["blurb"]) for t in teasers] == [
        ("25.07.2019", "A plaque in Berlin commemorates the long-forgotten Dibobe Petition."),
        ("30.01.2019", "For some, the Humboldt Forum's plan does not go far enough."),
    ]


def _further(slug: str, title: str) -> str:
    return (
        "<div class='col'><article class='tsr-FurtherTopic'><img src='/i.jpg' alt=''>"
        f"<div class='text'><a href='/aktuell/{slug}.html'><header><p class='tsr-Headline'>"
        f"{title}</p></header></a><div>Ein Satz, der die Geschichte in Kürze erzählt.</div>"
        "</div></article></div>"
    )


def test_a_lead_story_with_a_headline_named_by_class_and_a_deep_link_leads_the_list() -> None:
    # The lead's link sits ten levels down, deeper than links are climbed from.
    wrapped = "<a href='/aktuell/rivlin.html'><p class='tsr-Headline'>„Die Verantwortung ist enorm“"
    for _ in range(8):
        wrapped = f"<div class='wrap'>{wrapped}"
    wrapped += "</p></a>" + "</div>" * 8
    lead = (
        f"<div class='grid'><article class='tsr-Lead'><img src='/l.jpg' alt=''>{wrapped}"
        "</article></div>"
    )
    others = (
        _further("corona", "So gut ist man auf die Rückkehrer vorbereitet")
        + _further("greta", "Greta Thunberg will Fridays for Future schützen")
        + _further("dampf", "Solange es dampft, ist alles in Ordnung")
    )
    module = (
        "<div class='module'><div class='col-2'><p class='lbl'><span>Topmeldungen</span></p></div>"
        f"<div class='col-12'>{lead}<div class='grid'>{others}</div></div></div>"
    )
    teasers = _teasers(_page(module))
    assert teasers[0]["title"] == "„Die Verantwortung ist enorm“"
    assert len(teasers) == 4
    assert {t["block"] for t in teasers} == {"Topmeldungen"}


def _kicked(slug: str, kicker: str, title: str, hidden: str) -> str:
    return (
        f"<div class='tsr'><a href='/aktuell/{slug}.html'><p class='tsr-Headline'>"
        f"<span class='tsr-Kicker'>{kicker}</span><span class='{hidden}'>: </span>"
        f"<span class='tsr-HeadlineText'>{title}</span></p></a></div>"
    )


def _kicked_titles(hidden: str) -> list[object]:
    cards = _kicked(
        "greta", "Markenanwalt übt Kritik", "Greta Thunberg will die Marke schützen", hidden
    ) + _kicked("dampf", "Region im Umbruch", "Solange es dampft, ist alles in Ordnung", hidden)
    return [t["title"] for t in _teasers(_page(f"<div><h4>Weitere Themen</h4>{cards}</div>"))]


def test_a_kicker_parted_from_the_title_by_a_colon_for_screen_readers_is_no_title() -> None:
    assert _kicked_titles("o-VisuallyHidden") == [
        "Greta Thunberg will die Marke schützen",
        "Solange es dampft, ist alles in Ordnung",
    ]


def test_a_colon_shown_to_every_reader_keeps_the_title_whole() -> None:
    assert _kicked_titles("sep") == [
        "Markenanwalt übt Kritik : Greta Thunberg will die Marke schützen",
        "Region im Umbruch : Solange es dampft, ist alles in Ordnung",
    ]


def test_a_tab_names_the_panel_it_points_to_though_the_other_panels_are_empty() -> None:
    tabs = (
        "".join(
            f"<li><a href='#pane-{key}' role='tab'>{label}</a></li>"
            for key, label in (("featured", "Featured"), ("commented", "Last Comments"))
        )
        + "<li><a aria-controls='pane-popular' href='#' role='tab'>Popular</a></li>"
    )
    items = "".join(
        f"<article class='item'><h4><a href='/news/2020-01-{n}.html'>{title}</a></h4></article>"
        for n, title in enumerate(
            [
                "Inverse design of porous materials using neural networks",
                "BSNIP project releases spectra of more than 200 supernovae",
            ]
        )
    )
    widget = (
        f"<div class='categories'><ul class='controls' role='tablist'>{tabs}</ul>"
        f"<div class='tab-content'><div id='pane-featured' role='tabpanel'>{items}</div>"
        "<div id='pane-commented' role='tabpanel'></div>"
        "<div id='pane-popular' role='tabpanel'></div></div></div>"
    )
    teasers = _teasers(_page("", rail=widget))
    assert [t["block"] for t in teasers] == ["Featured", "Featured"]


def test_a_date_opening_the_cards_heading_is_its_date_not_its_title() -> None:
    cards = "".join(
        f"<article class='entry'><a href='/home/2017/{n}/post-{n}'><h2 class='entry-title'>"
        f"<time datetime='2019-01-3{n}'>Jan 3{n} </time> {title}</h2></a></article>"
        for n, title in enumerate(
            ["High Line Park New York - auf Linie gebracht", "Sommerfeeling New York - aktiv"]
        )
    )
    teasers = _teasers(_page(f"<h2>Related Posts</h2><section id='related'>{cards}</section>"))
    assert [(t["title"], t["date_text"]) for t in teasers] == [
        ("High Line Park New York - auf Linie gebracht", "Jan 30"),
        ("Sommerfeeling New York - aktiv", "Jan 31"),
    ]


def test_a_plain_element_classed_as_a_headline_heads_the_list_after_it() -> None:
    items = "".join(
        f"<span class='Feeds__Item'><a href='/artikel/{n}_1.html'>{title}</a></span>"
        for n, title in enumerate(
            [
                "Bestes Handynetz: O2, Vodafone, Telekom im Test",
                "Soundbar Test 2019: Die besten Modelle im Vergleich",
            ]
        )
    )
    column = (
        "<div class='col'><div class='Feeds__Headline'>NEUE TESTS BEI CHIP ONLINE</div>"
        f"<div class='Feeds__List'>{items}</div></div>"
    )
    teasers = _teasers(_page(column))
    assert [t["block"] for t in teasers] == ["NEUE TESTS BEI CHIP ONLINE"] * 2


def test_a_short_headline_in_the_cards_header_over_a_linked_dek_is_the_title() -> None:
    def card(slug: str, title: str) -> str:
        href = f"/reise/tipps/{slug}/"
        return (
            f"<div class='slide'><article><figure><a href='{href}'><img src='/i.jpg'></a></figure>"
            f"<header class='mm-header'><a href='{href}'>{title}</a></header><div class='mm-copy'>"
            f"<p><a href='{href}'>Fragen und Antworten zur Umweltprämie und Sonderrabatten. Wir "
            "vergleichen die Prämien von 15 Automarken.</a></p></div></article></div>"
        )

    slides = card("praemien", "Diesel-Umtauschprämien") + card("hoehlen", "Höhlenwelten")
    teasers = _teasers(_page(f"<aside><span>Weitere Themen</span><div>{slides}</div></aside>"))
    assert [t["title"] for t in teasers] == ["Diesel-Umtauschprämien", "Höhlenwelten"]
    assert all(str(t["blurb"]).startswith("Fragen und Antworten") for t in teasers)


LONG = [
    ("/articles/-/3144366", "Special report: tensions rise on the Korean peninsula as talks stall"),
    ("/articles/-/3144367", "The newsroom is hiring: join the staff that runs the news site"),
]


def test_a_block_headed_pr_is_promotion() -> None:
    assert _teasers(_page("", rail=_list("Special PR", LONG))) == []


def test_a_heading_with_pr_inside_a_word_names_no_promotion() -> None:
    assert len(_teasers(_page("", rail=_list("Special Projects", LONG)))) == 2


def _featured(slug: str, title: str, heading: str = "") -> str:
    href = f"/2019/09/29/{slug}/"
    return (
        f"<aside class='widget featured_post'>{heading}<a href='{href}'><img src='/i.jpg'></a>"
        f"<a href='{href}'><h4 class='post_title'>{title}</h4></a></aside>"
    )


STACKED = [
    ("bleistiftrock", "1 Teil – 5 Looks: Schwarzer Bleistiftrock"),
    ("jeans", "Jeans Kombinationen die immer gut aussehen"),
    ("oktober", "7 Looks für 7 Tage – Styling Tipps für Oktober"),
]


def _stack(first_heading: str, second_heading: str = "") -> str:
    widgets = [
        _featured(slug, title, first_heading if n == 0 else second_heading if n == 1 else "")
        for n, (slug, title) in enumerate(STACKED)
    ]
    # Text widgets of another kind, one of them longer than any card, as a blog's sidebar has:
    # the sidebar is no list of its own.
    about = "Alles über mich und meine Arbeit als Beraterin für Stil und Auftreten. " * 12
    others = "".join(
        f"<aside class='widget widget_text'><h3>{name}</h3><p>{about}</p>"
        f"<p><a href='/{name.lower()}/'>Mehr dazu</a></p></aside>"
        for name in ("Presse", "Kooperationen", "Buch", "Vorträge")
    )
    return others + "".join(widgets)


def test_one_story_widgets_stacked_under_the_first_ones_heading_are_one_block() -> None:
    teasers = _teasers(_page("", rail=_stack("<h3>Beliebteste Beiträge</h3>")))
    assert [t["title"] for t in teasers] == [title for _, title in STACKED]
    assert {t["block"] for t in teasers} == {"Beliebteste Beiträge"}


def test_stacked_widgets_under_a_heading_naming_no_block_stay_single_promos() -> None:
    assert _teasers(_page("", rail=_stack("<h3>Werbung</h3>"))) == []


def test_a_stacked_widget_with_a_heading_of_its_own_parts_the_stack() -> None:
    rail = _stack("<h3>Beliebteste Beiträge</h3>", "<h3>Mein Buch</h3>")
    assert _teasers(_page("", rail=rail)) == []
