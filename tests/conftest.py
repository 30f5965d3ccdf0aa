"""Shared fixtures: the read-only ../shared folder, the invented examples, hand-built articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism import registry
from newsprism.article import Article, Dossier, Line
from newsprism.clean import split_lines

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (seeds, datasets, scorer); tests that need it skip where it is missing."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing")
    return SHARED


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Stages registered inside a test disappear after it (the registry is process-global)."""
    registry.registered()  # load the built-ins first, so they are part of the saved state
    saved = dict(registry._REGISTRY)
    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)


def article_from_lines(rows: list[tuple[str, str]], **kwargs: object) -> Article:
    """An article built by hand from ``(role, text)`` rows, one row per line, no cleaner involved."""
    raw_text = "\n".join(text for _, text in rows)
    lines = [
        Line(n, start, end, role)
        for n, ((role, _), (start, end)) in enumerate(zip(rows, split_lines(raw_text), strict=True), 1)
    ]
    body = "\n\n".join(raw_text[ln.start : ln.end].strip() for ln in lines if ln.role == "body")
    return Article(id="hand-made", source="hand-made.txt", raw_text=raw_text, lines=lines, body=body, **kwargs)  # type: ignore[arg-type]


def article_with_mentions(
    body: tuple[str, ...], actors: dict[str, tuple[str, str]], title: str = "A headline", **kwargs: object
) -> Article:
    """A hand-made article whose actor mentions are found by exact name (``{name: (id, type)}``)."""
    import re

    from newsprism.article import Actor, ActorMention, Span

    rows = [("title", title), ("blank", "")]
    for b in body:
        rows += [("body", b), ("blank", "")]
    art = article_from_lines(rows, **kwargs)
    raw = art.raw_text
    for name, (aid, typ) in actors.items():
        for m in re.finditer(re.escape(name), raw):
            art.mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), aid))
        if name in raw:
            art.actors.append(Actor(aid, name, typ))
    art.mentions.sort(key=lambda m: m.span.start)
    return art


@pytest.fixture(scope="session")
def seed_dossier(shared: Path) -> Dossier:
    """The seed pages analysed once per test session by the default pipeline."""
    import newsprism

    d = newsprism.analyze(shared / "seeds")
    assert d.failures == []
    assert len(d.articles) == 5
    return d


@pytest.fixture(scope="session")
def seed_report(seed_dossier: Dossier, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``score_seeds.py --json`` on the seed dossier: ``{"measures": {...}, "misses": [...]}``."""
    import json
    import subprocess
    import sys

    path = tmp_path_factory.mktemp("seeds") / "dossier.json"
    path.write_text(seed_dossier.to_json(), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    # The JSON object comes first; the scorer adds a one-line summary after it.
    report, _ = json.JSONDecoder().raw_decode(res.stdout)
    return dict(report)


@pytest.fixture(scope="session")
def seed_scores(seed_report: dict[str, Any]) -> dict[str, float]:
    return dict(seed_report["measures"])
