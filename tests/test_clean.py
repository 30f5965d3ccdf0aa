"""The clean stage: one role per line, from hand-written page dumps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.article import ROLES, Article
from newsprism.clean import classify_text, clean_article, split_lines

HEADLINE = "Dockworkers walk out at Port of Calderra as pay talks collapse"
PARA1 = (
    "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, halting container traffic."
)
PARA2 = "The union said the walkout would last at least 72 hours, and the port authority said its offer stood."
PARA3 = "Transport Minister Anton Krell urged both sides to return to the table and said he would meet union leaders on Thursday."
PARA4 = "Shipping lines began diverting vessels to the smaller port of Lisk, about 140 kilometres up the coast."


def roles(text: str, title_hint: str | None = None) -> dict[str, str]:
    """Role of each non-blank line, keyed by the line's text (the fixtures repeat no line)."""
    out: dict[str, str] = {}
    for ln in classify_text(text, title_hint):
        line = text[ln.start : ln.end]
        if line.strip():
            out.setdefault(line, ln.role)
    return out


def role_list(text: str) -> list[str]:
    return [ln.role for ln in classify_text(text)]


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_clean_furniture_labels_are_boilerplate() -> None:
    text = page("Home", "News", "Business", HEADLINE, PARA1, PARA2, "Share this article", "Most Read", "Advertisement")
    r = roles(text)
    for label in ("Home", "News", "Business", "Share this article", "Most Read", "Advertisement"):
        assert r[label] == "boilerplate", label
    assert r[HEADLINE] == "title"
    assert r[PARA1] == r[PARA2] == "body"


def test_clean_repeated_title_is_boilerplate() -> None:
    text = page("Menu", HEADLINE, HEADLINE, PARA1, PARA2, HEADLINE.upper())
    assert role_list(text) == ["boilerplate", "title", "boilerplate", "body", "body", "boilerplate", "blank"]


def test_clean_title_hint_picks_the_title() -> None:
    text = page("Calderra strike latest", HEADLINE, PARA1, PARA2)
    lines = classify_text(text, title_hint=HEADLINE)
    assert [ln.role for ln in lines][:2] == ["boilerplate", "title"]
    assert lines[1].why == "given title"


@pytest.mark.parametrize(
    "caption",
    [
        "Elias Brun (left) and fellow crane drivers at the North Gate picket on Wednesday.",
        "Striking dockworkers gather at the North Gate on Tuesday. (Photo: Ada Rusk / Calderra Courier)",
        "Pictured: container ships waiting at anchor off Calderra on Wednesday.",
        "Cranes at the Vesnia Quay terminal. Photo by Jan Morrow for The National Standard",
    ],
)
def test_clean_photo_caption(caption: str) -> None:
    text = page(HEADLINE, PARA1, caption, PARA2, PARA3)
    r = roles(text)
    assert r[caption] == "caption"
    assert r[PARA1] == r[PARA2] == r[PARA3] == "body"


def test_clean_quote_with_left_is_not_a_caption() -> None:
    # A paragraph of reported speech that happens to contain "(left)" stays body.
    quote = '"We have left nothing on the table (left or right)," said Mara Telling, the union\'s general secretary.'
    text = page(HEADLINE, PARA1, quote, PARA2)
    assert roles(text)[quote] == "body"


def test_clean_truncated_caption_copy_is_caption() -> None:
    caption = "Cranes stand idle at the Vesnia Quay terminal after dockworkers walked out on Tuesday. (Photo: Ada Rusk / Calderra Courier)"
    truncated = "Cranes stand idle at the Vesnia Quay terminal after dockworkers walked"
    text = page(HEADLINE, truncated, caption, PARA1, PARA2)
    r = roles(text)
    assert r[truncated] == "caption"
    assert r[caption] == "caption"


def test_clean_truncated_caption_copy_after_the_caption() -> None:
    caption = "Cranes stand idle at the Vesnia Quay terminal after dockworkers walked out on Tuesday. (Photo: Ada Rusk / Calderra Courier)"
    truncated = "Cranes stand idle at the Vesnia Quay terminal after dockworkers walked"
    text = page(HEADLINE, PARA1, caption, truncated, PARA2, PARA3)
    assert roles(text)[truncated] == "caption"


def test_clean_repeated_caption_is_caption() -> None:
    caption = "Elias Brun (left) and fellow crane drivers at the North Gate picket."
    text = page(HEADLINE, caption, caption, PARA1, PARA2)
    lines = classify_text(text)
    assert [ln.role for ln in lines[1:3]] == ["caption", "caption"]


@pytest.mark.parametrize(
    "meta",
    [
        "March 4, 2025 | 7:42 PM",
        "Tuesday, 4 March 2025",
        "2025-03-04",
        "By Lena Hartwig and Tomas Brandt",
        "Published on Thursday",
        "3 min read",
    ],
)
def test_clean_dateline_and_byline_are_metadata(meta: str) -> None:
    text = page(HEADLINE, meta, PARA1, PARA2)
    assert roles(text)[meta] == "metadata"


def test_clean_reprint_notice_is_metadata() -> None:
    notice = "This article was originally published by The Calderra Courier and is reprinted with permission."
    text = page(HEADLINE, notice, PARA1, PARA2)
    assert roles(text)[notice] == "metadata"
    # The notice is a full sentence, but it is no part of the body.
    art = clean_article(Article(id="x", source="x.txt", raw_text=text))
    assert "originally published" not in art.body


@pytest.mark.parametrize(
    "appeal",
    [
        "Click here to subscribe to our newsletter",
        "Journalism like this depends on you. Become a supporter today.",
        "Sign up for our free morning briefing.",
        "If you value our reporting, please support us with a donation today.",
    ],
)
def test_clean_tail_appeals_are_boilerplate(appeal: str) -> None:
    text = page(HEADLINE, PARA1, PARA2, PARA3, appeal, "Follow The Harbour Gazette")
    r = roles(text)
    assert r[appeal] == "boilerplate"
    assert r["Follow The Harbour Gazette"] == "boilerplate"
    assert r[PARA3] == "body"


def test_clean_related_links_after_the_article_are_boilerplate() -> None:
    text = page(
        HEADLINE,
        PARA1,
        PARA2,
        "Most Read",
        "Council approves new tram line to the eastern suburbs",
        "Heatwave warning for the weekend",
    )
    r = roles(text)
    assert r["Council approves new tram line to the eastern suburbs"] == "boilerplate"
    assert r["Heatwave warning for the weekend"] == "boilerplate"


@pytest.mark.parametrize("fragment", ["한국어 기사 보기", "Читать далее", "Подписывайтесь на наш канал"])
def test_clean_fragment_in_another_script_is_boilerplate(fragment: str) -> None:
    text = page(HEADLINE, PARA1, fragment, PARA2, PARA3)
    r = roles(text)
    assert r[fragment] == "boilerplate"
    assert r[PARA2] == "body"


def test_clean_crosshead_between_paragraphs_is_body() -> None:
    text = page(HEADLINE, PARA1, PARA2, "What happens next", PARA3, PARA4)
    r = roles(text)
    assert r["What happens next"] == "body"
    assert all(r[p] == "body" for p in (PARA1, PARA2, PARA3, PARA4))


def test_clean_blank_lines_are_blank() -> None:
    text = "\n" + HEADLINE + "\n\n" + PARA1 + "\n   \n" + PARA2
    assert role_list(text) == ["blank", "title", "blank", "body", "blank", "body"]


def test_clean_unknown_site_name_above_repeated_headline() -> None:
    text = page("Skip to content", "The Harbour Gazette", "Home", "News", HEADLINE, HEADLINE, PARA1, PARA2)
    r = roles(text)
    assert r[HEADLINE] == "title"
    assert r["The Harbour Gazette"] == "boilerplate"


def test_clean_known_outlet_name_above_the_headline_is_not_the_title() -> None:
    text = page("Reuters", HEADLINE, PARA1, PARA2)
    assert roles(text) == {"Reuters": "boilerplate", HEADLINE: "title", PARA1: "body", PARA2: "body"}


def test_clean_every_line_gets_one_role_and_body_is_body_lines() -> None:
    text = page(
        "Home", HEADLINE, HEADLINE, "By Lena Hartwig", "March 4, 2025", PARA1,
        "Elias Brun (left) at the North Gate picket. Photo: Noor Ashby / Vesnia Free Press",
        PARA2, "What happens next", PARA3, "", "Most Read", "Sign up for our newsletter",
    )  # fmt: skip
    art = clean_article(Article(id="x", source="x.txt", raw_text=text))
    assert len(art.lines) == len(split_lines(text)) == text.count("\n") + 1
    assert all(ln.role in ROLES for ln in art.lines)
    assert art.title == HEADLINE
    assert art.body == "\n\n".join([PARA1, PARA2, "What happens next", PARA3])
    assert {ln.role for ln in art.lines} == set(ROLES)


def test_clean_given_title_wins() -> None:
    text = page("Calderra latest", HEADLINE, PARA1, PARA2)
    art = clean_article(Article(id="x", source="x.txt", raw_text=text, given={"title": "Strike at Calderra"}))
    assert art.title == "Strike at Calderra"


HTML = """<!DOCTYPE html><html><head><title>Calderra strike ends | Maritime Ledger</title>
<meta property="og:site_name" content="Maritime Ledger"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/ports">Ports</a></li></ul></nav>
<article><h1>Calderra strike ends after deal on shifts</h1>
<p>Dockworkers at the Port of Calderra will return to work on Saturday morning after their union and the port authority agreed a deal late on Thursday night.</p>
<figure><img src="c.jpg" alt=""><figcaption>Cranes stand idle at the Vesnia Quay terminal on Wednesday.</figcaption></figure>
<p>Under the agreement, workers will receive a 6 percent rise this year and 4 percent next year, and the minimum rest between shifts returns to twelve hours.</p>
<p>Idris Vale, the port authority's chief executive, said the harbour would work extra shifts over the weekend to clear the backlog.</p>
</article>
<footer><p>Maritime Ledger, independent shipping news since 1987.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>"""


def test_clean_html_page_structure() -> None:
    art = clean_article(Article(id="h", source="h.html", raw_text="", format="html", html=HTML))
    r = {art.line_text(ln): ln.role for ln in art.lines}
    assert r["Home"] == r["Ports"] == "boilerplate"
    assert r["Calderra strike ends after deal on shifts"] == "title"
    assert r["Cranes stand idle at the Vesnia Quay terminal on Wednesday."] == "caption"
    assert r["Privacy policy"] == "boilerplate"
    assert r["Maritime Ledger, independent shipping news since 1987."] == "boilerplate"
    assert art.body.count("\n\n") == 2 and art.body.startswith("Dockworkers at the Port")
    assert art.html is None  # the markup is dropped once read
    assert art.page_meta.get("sitename") == "Maritime Ledger"
    assert len(art.lines) == art.raw_text.count("\n") + 1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_classify_text_one_line_per_line_with_offsets_inside(text: str) -> None:
    lines = classify_text(text)
    assert len(lines) == text.count("\n") + 1
    assert [ln.n for ln in lines] == list(range(1, len(lines) + 1))
    for ln in lines:
        assert ln.role in ROLES
        assert 0 <= ln.start <= ln.end <= len(text)
        assert "\n" not in text[ln.start : ln.end]
        if not text[ln.start : ln.end].strip():
            assert ln.role == "blank"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                HEADLINE,
                PARA1,
                PARA2,
                PARA3,
                PARA4,
                "Most Read",
                "Home",
                "",
                "By Lena Hartwig",
                "What happens next",
                "Follow The Harbour Gazette",
                "한국어 기사 보기",
                "March 4, 2025",
            ]
        ),
        max_size=25,
    )
)
def test_clean_classify_text_on_shuffled_page_parts(parts: list[str]) -> None:
    text = "\n".join(parts)
    lines = classify_text(text)
    assert len(lines) == len(parts) if parts else len(lines) == 1
    assert sum(ln.role == "title" for ln in lines) <= 1


@pytest.mark.issue(20)
def test_clean_results_table_in_plain_text_is_body_not_furniture() -> None:
    """Regression: a results page's rows ("2. Lena Marr ( Vesnia ) 24.88") were boilerplate, so
    the people and places in them never became actors (40% of CoNLL's entities)."""
    text = (
        "ROWING - HARLOW REGATTA RESULTS .\n"
        "HARLOW 2031-05-06\n"
        "Results of the single sculls final on Saturday :\n"
        "1. Lena Marr ( Vesnia ) 7:21.40\n"
        "2. Tomas Orel ( Calderra ) 7:24.10\n"
        "3. Ada Rusk ( Lisk ) 7:30.02\n"
        "4. Mara Quill ( Vesnia ) 7:31.55\n"
        "Umpire : Jon Pell\n"
    )
    lines = classify_text(text)
    roles = {text.split("\n")[ln.n - 1]: (ln.role, ln.why) for ln in lines if ln.n <= 8}
    assert roles["ROWING - HARLOW REGATTA RESULTS ."][0] == "title"
    assert roles["HARLOW 2031-05-06"] == ("metadata", "dateline")
    for row in ("1. Lena Marr ( Vesnia ) 7:21.40", "3. Ada Rusk ( Lisk ) 7:30.02", "4. Mara Quill ( Vesnia ) 7:31.55"):
        assert roles[row] == ("body", "table row"), row


@pytest.mark.issue(20)
def test_clean_two_numbered_lines_after_an_article_stay_furniture() -> None:
    """Fewer than three rows are no table: a page's "Share 12" and "Page 1 of 3" stay furniture."""
    text = (
        "Harbour pilots join the strike\n"
        "Harbour pilots at Harlow joined the dockworkers' strike on Friday, the federation said in a statement.\n"
        "Share 12 Comments\n"
        "Page 1 of 3\n"
    )
    roles = [ln.role for ln in classify_text(text) if ln.role != "blank"]
    assert roles == ["title", "body", "boilerplate", "boilerplate"]


@pytest.mark.issue(23)
def test_clean_article_sentences_with_a_furniture_word_stay_body() -> None:
    """Read on PolNeAR (tune texts; evals/line_roles.py): long narrative sentences that hold a
    furniture word ("leaders could sign up", "did not respond to requests for comment"), a short
    last sentence ("Only Marr stayed home."), and a quotation in doubled apostrophes were set
    aside as page furniture. A prompt to the reader still is furniture."""
    mid = "Under the new program, dockworkers would enroll, receive training and then port and city leaders could sign up to host them at the terminals."
    last = "The port authority did not respond to requests for comment on Tuesday about the offer it made to the union."
    text = "\n".join([HEADLINE, "", PARA1, "", mid, "", PARA3, "", last, "", "Only Marr stayed home.", "", "Read the rest here.", ""])
    r = roles(text)
    assert r[mid] == "body" and r[last] == "body" and r["Only Marr stayed home."] == "body"
    assert r["Read the rest here."] == "boilerplate"
    quoted = "''Tell that to the dockworkers who pay their taxes,'' Mr. Krell said. ''Tell that to your neighbours.''"
    r = roles("\n".join([HEADLINE, "", PARA2, "", PARA3, "", quoted, ""]))
    assert r[quoted] == "body"
    appeal = "Tell us what you think: our readers can write to the newsroom at any time."
    r = roles("\n".join([HEADLINE, "", PARA2, "", PARA3, "", appeal, ""]))
    assert r[appeal] == "boilerplate"


def test_tokenized_quote_closing_after_a_space_is_a_sentence() -> None:
    """Tokenized copy closes a quote a space after the stop ('. "'): the paragraph is body, not a
    short line that cuts the article's last paragraphs off its main run (CoNLL-style text)."""
    text = "\n".join(
        [
            "Coach makes sentimental return to his birthplace",
            "The coach was born in the northern city when his father worked there for an insurer .",
            '" I do n\'t remember much of the place , " he said . "',
            "I came here at zero and left at three when my father was moved to another city .",
            '" But I do remember we had a snake in the basement of our house .',
            'Also that my father bought a bicycle and it broke into two on a hose pipe . "',
            "He said the hospital where he was born is close to the stadium of the test .",
        ]
    )
    assert role_list(text)[1:] == ["body"] * 6


def test_table_row_is_never_the_title() -> None:
    """A results table with no paragraph: its rows are data, never the headline ("UAE 2 1 1 0 4 3 4")."""
    text = "\n".join(
        [
            "SOCCER - CUP RESULTS .",
            "Results of group A matches on Saturday :",
            "Ruritania 3 Vesnia 2 ( halftime 0-2 )",
            "Attendance : 15,000",
            "Osterlich 4 Borduria 2 ( 3-0 )",
            "Standings :",
            "Osterlich 2 1 1 0 5 3 4",
            "RUR 2 1 1 0 4 3 4",
            "Vesnia 2 0 1 1 4 5 1",
        ]
    )
    got = role_list(text)
    assert got[0] == "title"
    assert "title" not in got[1:]


def test_standings_in_capitals_are_table_rows() -> None:
    """Rows in capitals with several figures ("NEW ENGLAND 9 4 0 355 269") are a table; one figure
    in capitals ("SHARE 12") is not enough to make a row."""
    rows = ["NEW ENGLAND 9 4 0 355 269", "BUFFALO 9 4 0 267 215", "INDIANAPOLIS 8 6 0 269 284", "MIAMI 6 7 0 285 266"]
    text = "\n".join(["Standings after Thursday 's game", "EASTERN DIVISION", *rows])
    assert [ln.why for ln in classify_text(text)][2:] == ["table row"] * 4
    furniture = "\n".join(["A headline about a strike", "SHARE 12", "COMMENTS 3", "LIKES 40", "The strike went on for a fourth day in the port city on Monday, union leaders said."])
    assert "table row" not in [ln.why for ln in classify_text(furniture)]


def test_headline_above_the_dateline_wins_over_a_longer_first_sentence() -> None:
    """The line right above the dateline is the headline, though a short tokenized sentence after it
    is longer ("Nebraska fed cattle roundup - USDA ." then "OMAHA 1996-12-06")."""
    text = "\n".join(
        [
            "Ruritania fed cattle roundup - USDA .",
            "OMAHA 1996-12-06",
            "Slaughter steers and heifers were not established Thursday .",
            "Demand was limited and seller interest was light across the region on the day .",
        ]
    )
    assert role_list(text)[:2] == ["title", "metadata"]


def test_wire_lede_ending_in_a_colon_is_the_article_not_furniture() -> None:
    # A live blog's lede ("CITY (Agency) — The Latest on ...:") ends in a colon, and its first
    # entry opens with a bare time: both are the article (they were set aside as a page header).
    text = (
        "The Latest: Council meets on the harbour budget\n\n"
        "PORTVILLE (AP) — The Latest on the council's vote on the harbour budget (all times local):\n\n"
        "7 p.m.\n\n"
        "The council of Portville has voted eleven to four to approve the harbour budget after a long debate.\n\n"
        "Mayor Dana Ortiz said the vote was a relief for the dock workers who had waited two years for it.\n"
    )
    r = roles(text)
    assert r["PORTVILLE (AP) — The Latest on the council's vote on the harbour budget (all times local):"] == "body"
    assert r["7 p.m."] == "body"


def test_two_word_last_sentence_stays_body() -> None:
    text = (
        "Council report on the harbour\n\n"
        "The council of Portville published its report on the harbour budget on Monday, and it was thin.\n\n"
        "Critics said the report left out the cost of dredging and the pay of the dock workers entirely.\n\n"
        "Pure spin.\n\n"
        "Follow Dana Ortiz on Twitter @dortiz.\n"
    )
    r = roles(text)
    assert r["Pure spin."] == "body"
    assert r["Follow Dana Ortiz on Twitter @dortiz."] != "body"


@pytest.mark.issue(23)
def test_a_short_quoted_last_paragraph_is_the_articles() -> None:
    """A review of the speaker rules found "“I was stunned,” he said." and the paragraph after it,
    at the end of an article, set aside as furniture: the opening quotation mark hid the capital
    of a short sentence."""
    text = (
        "Comey testifies\n"
        "Senators listened to the testimony of the former director on Thursday, and several of them asked about the memos he kept.\n"
        "\u201cI was stunned,\u201d he said.\n"
        "\u201cRead more\u201d\n"
    )
    roles = [ln.role for ln in classify_text(text)]
    assert roles[:3] == ["title", "body", "body"]
    assert roles[3] == "boilerplate"
