"""Reading a web archive: newsprism's WARC ingest + clean against warcio + trafilatura, in one process.

The article-extraction benchmark pages (``<shared>/datasets/article-extraction-benchmark``)
are written into a temporary gzipped WARC (one ``response`` record a page, with its
address, and a 404 and an image record between pages, as a crawl has them). Then:

* ``newsprism``: ``read_path`` on the archive (stream, filter, decode each payload) and
  ``clean_article`` on every page it yields — what ``analyze`` does before the NLP stages;
* ``warcio+trafilatura``: ``warcio.ArchiveIterator`` over the same file, the same filter
  (status 200, HTML), and ``trafilatura.extract`` on each payload — the usual script.

Each runs ``--repeat`` times, alternating which goes first, single-threaded; the ratio is
newsprism's pages/s over the peer's. The ingest alone (``read_path``, no clean) is timed
against a bare ``ArchiveIterator`` pass that reads every payload, to show what the
record checks (lengths, gzip members, decoding) cost.

    python benchmarks/bench_warc.py --shared ../shared [--limit N] [--repeat R] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
DATASET = Path("datasets") / "article-extraction-benchmark"


def build_warc(shared: Path, out: Path, limit: int | None) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = sorted((shared / DATASET / "html").glob("*.html.gz"))[: limit or None]
    gt = shared / DATASET / "ground-truth.json"
    urls = {k: v.get("url") for k, v in json.loads(gt.read_text(encoding="utf-8")).items()} if gt.exists() else {}
    with open(out, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for f in files:
            key = f.name.removesuffix(".html.gz")
            uri = urls.get(key) or f"https://example.org/{key}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(gzip.decompress(f.read_bytes())), http_headers=http))
            miss = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri + "/gone", "response", payload=io.BytesIO(b"<html>gone</html>"), http_headers=miss))
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri + ".png", "response", payload=io.BytesIO(b"\x89PNG" + b"\x00" * 2000), http_headers=img))
    return len(files)


def newsprism_pass(path: Path, clean: bool) -> int:
    from newsprism.article import Article
    from newsprism.clean import clean_article
    from newsprism.ingest import read_path

    n = 0
    for a in read_path(str(path)):
        assert isinstance(a, Article), a
        n += len(clean_article(a).body or "") if clean else len(a.html or "")
    return n


def peer_pass(path: Path, extract: bool) -> int:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response" or rec.http_headers is None or rec.http_headers.get_statuscode() != "200":
                continue
            if "html" not in (rec.http_headers.get_header("Content-Type") or ""):
                continue
            data = rec.content_stream().read()
            if extract:
                html = data.decode("utf-8", errors="replace")
                n += len(trafilatura.extract(html, url=rec.rec_headers.get_header("WARC-Target-URI"), output_format="txt") or "")
            else:
                n += len(data)
    return n


def timed(fn: Any, *args: Any) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / DATASET / "html").is_dir():
        print(f"bench_warc: {shared / DATASET} is missing; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        n = build_warc(shared, warc, args.limit)
        newsprism_pass(warc, True)  # warm up: imports, trafilatura's and lxml's first-call costs
        peer_pass(warc, True)
        rows: dict[str, list[float]] = {"newsprism": [], "warcio+trafilatura": [], "newsprism ingest": [], "warcio read": []}
        for r in range(args.repeat):
            order = [("newsprism", newsprism_pass, True), ("warcio+trafilatura", peer_pass, True)]
            for name, fn, flag in order if r % 2 == 0 else order[::-1]:
                rows[name].append(timed(fn, warc, flag))
            rows["newsprism ingest"].append(timed(newsprism_pass, warc, False))
            rows["warcio read"].append(timed(peer_pass, warc, False))
        size = warc.stat().st_size
    best = {k: min(v) for k, v in rows.items()}
    res = {
        "pages": n,
        "archive_bytes": size,
        "pages_per_s": {k: round(n / v, 1) for k, v in best.items()},
        "ratio_clean": round(best["warcio+trafilatura"] / best["newsprism"], 3),
        "ratio_ingest": round(best["warcio read"] / best["newsprism ingest"], 3),
    }
    print(f"WARC of {n} pages ({size / 1e6:.1f} MB gzipped, with a 404 and an image record beside each page), best of {args.repeat}:")
    for k, v in res["pages_per_s"].items():
        print(f"  {k:22s} {v:8.1f} pages/s")
    print(f"ratio, ingest + clean vs warcio + trafilatura.extract: {res['ratio_clean']:.2f}")
    print(f"ratio, ingest alone vs a bare warcio read: {res['ratio_ingest']:.2f}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
