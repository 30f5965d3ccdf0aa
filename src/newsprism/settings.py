"""Defaults, as UPPER_CASE constants (trafilatura's ``settings.py``).

Environment variables override a few of them so a deployment can tune limits
without code.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# Files larger than this are refused by name rather than read (a 50 MB "article" is
# almost always a dump, a video or a mistake).
MAX_BYTES = int(os.environ.get("NEWSPRISM_MAX_BYTES", str(20 * 1024 * 1024)))

# Extensions picked up when walking a folder; anything else is skipped (and logged).
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
# Web archives (streamed record by record; see newsprism.ingest.warc) and news feeds.
WARC_EXTENSIONS = (".warc", ".arc")
FEED_EXTENSIONS = (".rss", ".atom")
COMPRESSED_EXTENSIONS = (".gz",)

# Documentation files that sit beside saved pages in a folder but are not articles.
SKIP_STEMS = ("readme", "license", "licence", "changelog", "contributing", "source", "copying")

# The pipeline run by ``newsprism analyze`` unless a config names another. The order stages
# run in follows from what each declares it requires and assigns (registry.check_pipeline:
# per-article stages first, every stage after the providers of what it reads); this list
# only breaks ties, and is written in the order that results.
DEFAULT_PIPELINE = (
    "newsprism.clean.v1",
    "newsprism.metadata.v1",
    "newsprism.language.v1",
    "newsprism.nlp.v1",
    "newsprism.actors.v1",
    "newsprism.pubdate.v1",
    "newsprism.timex.v1",
    "newsprism.quotes.v1",
    "newsprism.claims.v1",
    "newsprism.events.v1",
    "newsprism.persuasion.v1",
    "newsprism.genre.v1",
    "newsprism.stance.v1",
    "newsprism.leads.v1",
    "newsprism.actors.corpus.v1",
    "newsprism.pubdate.corpus.v1",
    "newsprism.quotes.corpus.v1",
    "newsprism.claims.corpus.v1",
    "newsprism.events.corpus.v1",
    "newsprism.reprints.v1",
    "newsprism.stories.v1",
    "newsprism.profiles.v1",
    "newsprism.coverage.v1",
)

# Runs with at least this many inputs show a progress bar in the CLI.
PROGRESS_MIN = 20

# Where users may add their own knowledge files, merged over the packaged ones.
USER_DATA_DIR = Path(os.environ.get("NEWSPRISM_DATA", str(Path.home() / ".newsprism")))
