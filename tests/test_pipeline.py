"""The runner: in process and in a pool agree; a failing stage becomes a Failure, the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from newsprism.article import Article, Dossier, Failure
from newsprism.errors import Errors, InputError
from newsprism.pipeline import Pipeline, apply_stages, run
from newsprism.registry import stage

PAGE = (
    "Dockworkers walk out at Port of Calderra\n"
    "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, halting container traffic.\n"
    "The union said the walkout would last at least 72 hours, and the port authority said its offer stood.\n"
)


def _summary(d: Dossier) -> list[tuple[str, str | None, str | None, str | None, list[str], list[str]]]:
    return [(a.id, a.title, a.outlet, a.reprint_of, a.authors, [ln.role for ln in a.lines]) for a in d.articles]


def test_pipeline_workers_agree_on_examples(examples: Path) -> None:
    one = newsprism.analyze(examples, workers=1)
    two = newsprism.analyze(examples, workers=2)
    assert len(one.articles) == 9  # five pages, two JSONL records, two feed entries
    assert _summary(one) == _summary(two)
    assert [a.as_dict() for a in one.articles] == [a.as_dict() for a in two.articles]
    assert one.failures == two.failures == []


def test_pipeline_examples_metadata(examples: Path) -> None:
    d = newsprism.analyze(examples)
    by_name = {Path(a.source).name: a for a in d.articles}
    assert by_name["01_calderra_courier.txt"].outlet == "The Calderra Courier"
    assert by_name["01_calderra_courier.txt"].authors == ["Lena Hartwig", "Tomas Brandt"]
    assert by_name["02_national_standard.txt"].reprint_of == "Reuters"
    assert by_name["02_national_standard.txt"].outlet == "The National Standard"
    assert by_name["02_national_standard.txt"].authors == ["Oskar Vell"]
    assert by_name["03_vesnia_free_press.txt"].outlet == "Vesnia Free Press"
    assert by_name["04_harbour_watch.txt"].reprint_of == by_name["01_calderra_courier.txt"].outlet == "The Calderra Courier"
    html = by_name["05_maritime_ledger.html"]
    assert (html.title, html.outlet, html.authors) == (
        "Calderra strike ends after deal on shifts",
        "Maritime Ledger",
        ["Hanne Corvin"],
    )
    jsonl = [by_name["06_coastline_bulletin.jsonl:1"], by_name["06_coastline_bulletin.jsonl:2"]]
    assert [a.id for a in jsonl] == ["ex-bulletin-0305", "ex-bulletin-0308"]
    assert [a.published.earliest for a in jsonl] == ["2025-03-05", "2025-03-08"]
    assert all(a.outlet == "Coastline Bulletin" for a in jsonl)
    feed = [a for a in d.articles if a.source.startswith(str(examples / "07_vesnia_wire.rss#"))]
    assert [(a.title, a.outlet, a.authors, a.published.earliest, a.given["feed_text"]) for a in feed] == [
        ("Calderra talks resume as ships divert to Lisk", "Vesnia Wire", ["Petra Liss"], "2025-03-06", "content"),
        ("Calderra dockers vote on pay deal", "Vesnia Wire", ["Petra Liss"], "2025-03-07", "summary"),
    ]
    assert all(a.language == "en" for a in d.articles)
    for a in d.articles:
        assert "fictional" not in a.body.lower(), f"{a.source}: the fictional-example footer leaked into the body"


def test_pipeline_workers_agree_with_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><head><title>x", encoding="utf-8")
    one = run([tmp_path], workers=1)
    two = run([tmp_path], workers=3)
    assert _summary(one) == _summary(two)
    assert [f.as_dict() for f in one.failures] == [f.as_dict() for f in two.failures]
    assert [f.code for f in one.failures] == ["E016"]


@pytest.fixture
def boom_stage(clean_registry: None) -> str:
    @stage("tests.boom.v1", requires=["article.body"], assigns=["article.ext.boom"])
    def make_boom():  # type: ignore[no-untyped-def]
        """Fails on articles that mention Wednesday."""

        def boom(article: Article) -> Article:
            if "Wednesday" in article.body:
                raise RuntimeError("no Wednesdays")
            if "Thursday" in article.body:
                raise InputError(Errors.E003.format(path=article.source))
            article.ext["boom"] = False
            return article

        return boom

    return "tests.boom.v1"


def test_pipeline_failing_stage_is_recorded_and_batch_goes_on(tmp_path: Path, boom_stage: str) -> None:
    good = tmp_path / "a.txt"
    bad = tmp_path / "b.txt"
    good.write_text(PAGE, encoding="utf-8")
    bad.write_text(PAGE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    d = run([good, bad], pipeline=Pipeline(names=["newsprism.clean.v1", boom_stage]))
    assert [a.source for a in d.articles] == [str(good)]
    assert d.articles[0].ext == {"boom": False}
    [f] = d.failures
    assert f.code == "E012"
    assert f.source == str(bad)
    assert "tests.boom.v1" in f.message and str(bad) in f.message and "no Wednesdays" in f.message


def test_pipeline_input_error_in_a_stage_keeps_its_code(tmp_path: Path, boom_stage: str) -> None:
    bad = tmp_path / "c.txt"
    bad.write_text(PAGE.replace("Tuesday", "Thursday"), encoding="utf-8")
    d = run([bad], pipeline=Pipeline(names=["newsprism.clean.v1", boom_stage]))
    assert d.articles == []
    assert [(f.source, f.code) for f in d.failures] == [(str(bad), "E003")]


def test_pipeline_failing_corpus_stage_keeps_the_articles(tmp_path: Path, clean_registry: None) -> None:
    @stage("tests.corpus-boom.v1", kind="corpus")
    def make_corpus_boom():  # type: ignore[no-untyped-def]
        def corpus_boom(dossier: Dossier) -> None:
            raise RuntimeError("corpus exploded")

        return corpus_boom

    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    d = run([tmp_path], pipeline=Pipeline(names=["newsprism.clean.v1", "tests.corpus-boom.v1"]))
    assert len(d.articles) == 1
    [f] = d.failures
    assert (f.source, f.code) == ("<corpus>", "E012")
    assert "corpus exploded" in f.message


def test_pipeline_stage_config_reaches_the_factory(tmp_path: Path) -> None:
    html = tmp_path / "p.html"
    html.write_text(
        "<html><body><nav><a href='/'>Home</a></nav><h1>Dockworkers walk out at Port of Calderra</h1>"
        f"<p>{PAGE.splitlines()[1]}</p><p>{PAGE.splitlines()[2]}</p></body></html>",
        encoding="utf-8",
    )
    plain = run(
        [html],
        pipeline=Pipeline(names=["newsprism.clean.v1"], config={"newsprism.clean.v1": {"use_html_structure": False}}),
    )
    [a] = plain.articles
    assert a.page_meta == {}  # trafilatura's metadata is not read without the HTML structure
    assert "Thousands of dockworkers" in a.body


def test_pipeline_apply_stages_returns_failure_not_raise() -> None:
    def explode(article: Article) -> Article:
        raise KeyError("missing")

    art = Article(id="x", source="x.txt", raw_text=PAGE)
    out = apply_stages(art, [("tests.explode", explode)])
    assert isinstance(out, Failure)
    assert out.code == "E012" and "x.txt" in out.message


def test_pipeline_progress_sees_every_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    seen: list[Article | Failure] = []
    run([tmp_path], progress=seen.append)
    assert sorted(type(x).__name__ for x in seen) == ["Article", "Failure"]


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_reads_inputs_as_the_stages_need_them_not_all_first(tmp_path: Path, workers: int) -> None:
    """``run`` read every input into memory before analysing the first (#24): a large batch of
    pages was held whole. Inputs are now read as the stages ask for them (in a pool, a window
    of articles per worker), and the results and failures are as before."""
    import newsprism.pipeline as pl

    n = 2 * pl.POOL_WINDOW * workers + 3
    for i in range(n):
        (tmp_path / f"p{i:03d}.txt").write_text(PAGE.replace("Tuesday", f"day {i}"), encoding="utf-8")
    (tmp_path / "p999.txt").write_text("", encoding="utf-8")  # unreadable: empty
    events: list[str] = []

    def paths():  # type: ignore[no-untyped-def]
        for p in sorted(tmp_path.iterdir()):
            events.append("read " + p.name)
            yield p

    d = run(paths(), workers=workers, progress=lambda x: events.append("done"), pipeline=Pipeline(["newsprism.clean.v1"]))
    assert len(d.articles) == n and [f.code for f in d.failures] == ["E003"]
    assert [a.source for a in d.articles] == sorted(a.source for a in d.articles)
    first_done = events.index("done")
    # In process the first article is done before the second is read; a pool reads a window.
    assert events[:first_done].count("read p000.txt") == 1
    assert sum(e.startswith("read") for e in events[:first_done]) <= (1 if workers == 1 else pl.POOL_WINDOW * workers + 1)


def test_review_run_reports_stored_failures_before_the_batch(tmp_path: Path, boom_stage: str) -> None:
    """A review of the lazy reading: the stored articles analysed again came after the batch, so
    their failures were listed after the batch's (before: stored first, as one run over the
    store and then the batch would give)."""
    stored = Article(id="s1", source="stored-1", raw_text=PAGE.replace("Tuesday", "Wednesday"))
    bad = tmp_path / "b.txt"
    bad.write_text(PAGE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    d = run([tmp_path], pipeline=Pipeline(names=["newsprism.clean.v1", boom_stage]), stored=[(stored, False)])
    assert [f.source for f in d.failures] == [str(tmp_path / "e.txt"), "stored-1", str(bad)]
