"""Speed and memory of the clean stage against trafilatura alone, in one process.

On the article-extraction benchmark pages (``<shared>/datasets/article-extraction-benchmark``):

* ``newsprism-html``: ``read_path`` (read, gunzip, decode) and ``clean_article`` — the
  page's blocks, trafilatura's body and metadata, the alignment and the line roles;
* ``trafilatura``: ``trafilatura.extract`` alone on the same decoded page.

The two run page by page, alternating which goes first, single-threaded, so both
see the same machine state; the ratio is newsprism's articles/s over trafilatura's.
Memory is measured apart from the timing: each system runs over all pages in a fresh
child process that reports its peak RSS (VmHWM, or ``resource.getrusage``), which counts lxml's
and libxml2's C allocations too; and a tracemalloc pass gives the peak of Python
allocations during one article (worst and mean over pages; C memory not included).
The text path (``read_path`` + ``clean_article`` on the seed ``.txt`` pages) is
timed for information.

    python benchmarks/bench_clean.py --shared ../shared [--limit N] [--repeat R] [--json OUT]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DATASET = Path("datasets") / "article-extraction-benchmark"


def pages(shared: Path, limit: int | None) -> list[Path]:
    found = sorted((shared / DATASET / "html").glob("*.html.gz"))
    return found[:limit] if limit else found


def urls(shared: Path) -> dict[str, str | None]:
    gt = shared / DATASET / "ground-truth.json"
    if not gt.exists():
        return {}
    return {k: v.get("url") for k, v in json.loads(gt.read_text(encoding="utf-8")).items()}


def newsprism_html(path: Path, url: str | None) -> int:
    from newsprism.clean import clean_article
    from newsprism.ingest import read_path

    art = read_path(str(path))[0]
    assert not hasattr(art, "code"), art
    art.url = url  # type: ignore[union-attr]
    return len(clean_article(art).body or "")  # type: ignore[arg-type]


def newsprism_text(path: Path) -> int:
    from newsprism.clean import clean_article
    from newsprism.ingest import read_path

    art = read_path(str(path))[0]
    return len(clean_article(art).body or "")  # type: ignore[arg-type]


def trafilatura_only(html: str, url: str | None) -> int:
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True, output_format="txt")
    return len(text or "")


def decoded(path: Path) -> str:
    from newsprism.ingest import read_path

    html = getattr(read_path(str(path))[0], "html", None)
    return html if isinstance(html, str) else ""


def peak_kib(fn: Callable[[], Any]) -> float:
    """Peak traced Python allocation (KiB) while ``fn`` runs."""
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn()
    return max(0, tracemalloc.get_traced_memory()[1] - base) / 1024


def rss_mib() -> float:
    """Peak RSS of this process (MiB): VmHWM on Linux, else ``ru_maxrss``.

    VmHWM belongs to the current program; ``ru_maxrss`` also keeps the high-water mark
    of a parent forked before ``exec`` and would make every child look as big as its parent.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if platform.system() != "Darwin" else kb / 1024 / 1024


def child_rss(system: str, shared: Path, limit: int | None) -> dict[str, float]:
    """Peak RSS (MiB) of a fresh process running ``system`` over the pages."""
    cmd = [sys.executable, __file__, "--shared", str(shared), "--mem-child", system]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def mem_child(system: str, shared: Path, limit: int | None) -> None:
    """In the child: warm up on one page, then run every page; print RSS before and after."""
    files = pages(shared, limit)
    url_of = urls(shared)
    ids = [f.name.removesuffix(".html.gz") for f in files]

    def job(i: int) -> Any:
        if system == "trafilatura":  # one page at a time, read as the benchmark's runners do
            with gzip.open(files[i], "rt", encoding="utf-8", errors="replace") as fh:
                return trafilatura_only(fh.read(), url_of.get(ids[i]))
        return newsprism_html(files[i], url_of.get(ids[i]))

    job(0)
    base = rss_mib()
    for i in range(len(files)):
        job(i)
    print(json.dumps({"rss_mib_base": base, "rss_mib_peak": rss_mib()}))


def run(shared: Path, limit: int | None, repeat: int) -> dict[str, Any]:
    files = pages(shared, limit)
    if not files:
        raise SystemExit(f"no pages under {shared / DATASET / 'html'}")
    url_of = urls(shared)
    ids = [f.name.removesuffix(".html.gz") for f in files]
    htmls = [decoded(f) for f in files]  # trafilatura's input, read outside its timing

    # Warm up both (imports, lazy tables, lxml and trafilatura caches) on a few pages.
    for f, pid, html in list(zip(files, ids, htmls, strict=True))[:3]:
        newsprism_html(f, url_of.get(pid))
        trafilatura_only(html, url_of.get(pid))
    rss_after_warmup = rss_mib()

    secs = {"newsprism-html": 0.0, "trafilatura": 0.0}
    n = 0
    gc.collect()
    for r in range(repeat):
        for i, (f, pid, html) in enumerate(zip(files, ids, htmls, strict=True)):
            url = url_of.get(pid)
            jobs: list[tuple[str, Callable[[], Any]]] = [
                ("newsprism-html", lambda f=f, url=url: newsprism_html(f, url)),
                ("trafilatura", lambda html=html, url=url: trafilatura_only(html, url)),
            ]
            if (i + r) % 2:
                jobs.reverse()
            for name, job in jobs:
                t0 = time.perf_counter()
                job()
                secs[name] += time.perf_counter() - t0
            n += 1

    # Memory, in its own passes: peak RSS in fresh processes, then Python allocations here.
    rss = {name: child_rss(name, shared, limit) for name in ("newsprism-html", "trafilatura")}
    tracemalloc.start()
    peaks: dict[str, list[float]] = {"newsprism-html": [], "trafilatura": []}
    for f, pid, html in zip(files, ids, htmls, strict=True):
        url = url_of.get(pid)
        peaks["newsprism-html"].append(peak_kib(lambda f=f, url=url: newsprism_html(f, url)))
        peaks["trafilatura"].append(peak_kib(lambda html=html, url=url: trafilatura_only(html, url)))
    tracemalloc.stop()

    # The text path on the seed pages, for information.
    seeds = sorted((shared / "seeds").glob("*.txt"))
    text_secs, text_n = 0.0, 0
    if seeds:
        for s in seeds:
            newsprism_text(s)
        for _ in range(max(repeat, 1) * 20):
            for s in seeds:
                t0 = time.perf_counter()
                newsprism_text(s)
                text_secs += time.perf_counter() - t0
                text_n += 1

    systems: dict[str, dict[str, float]] = {}
    for name, total in secs.items():
        systems[name] = {
            "articles_per_s": n / total if total else 0.0,
            "ms_per_article": 1000 * total / n if n else 0.0,
            "peak_kib_max": max(peaks[name]),
            "peak_kib_mean": sum(peaks[name]) / len(peaks[name]),
            "rss_mib_peak": rss[name]["rss_mib_peak"],
            "rss_mib_growth": rss[name]["rss_mib_peak"] - rss[name]["rss_mib_base"],
        }
    if text_n:
        systems["newsprism-text (seeds)"] = {
            "articles_per_s": text_n / text_secs if text_secs else 0.0,
            "ms_per_article": 1000 * text_secs / text_n,
        }
    ratio = systems["newsprism-html"]["articles_per_s"] / systems["trafilatura"]["articles_per_s"]
    return {
        "pages": len(files),
        "repeat": repeat,
        "systems": systems,
        "speed_ratio_newsprism_over_trafilatura": ratio,
        "rss_ratio_newsprism_over_trafilatura": systems["newsprism-html"]["rss_mib_peak"]
        / systems["trafilatura"]["rss_mib_peak"],
        "pyalloc_ratio_newsprism_over_trafilatura": systems["newsprism-html"]["peak_kib_max"]
        / systems["trafilatura"]["peak_kib_max"],
        "rss_mib_bench_process": rss_mib(),
        "rss_mib_bench_after_warmup": rss_after_warmup,
        "python": sys.version.split()[0],
    }


def report(res: dict[str, Any]) -> None:
    print(f"{res['pages']} pages x {res['repeat']} repeat(s), single thread, python {res['python']}")
    print(
        f"{'system':<24} {'articles/s':>10} {'ms/article':>10} {'RSS MiB':>8} {'RSS growth':>10} "
        f"{'py KiB max':>10} {'py KiB mean':>11}"
    )
    for name, s in res["systems"].items():
        if "rss_mib_peak" in s:
            mem = (
                f"{s['rss_mib_peak']:8.0f} {s['rss_mib_growth']:10.1f} "
                f"{s['peak_kib_max']:10.0f} {s['peak_kib_mean']:11.0f}"
            )
        else:
            mem = f"{'-':>8} {'-':>10} {'-':>10} {'-':>11}"
        print(f"{name:<24} {s['articles_per_s']:10.1f} {s['ms_per_article']:10.2f} {mem}")
    print(f"\nspeed ratio newsprism-html / trafilatura: {res['speed_ratio_newsprism_over_trafilatura']:.2f}")
    print(f"peak RSS ratio newsprism-html / trafilatura: {res['rss_ratio_newsprism_over_trafilatura']:.2f}")
    print(f"peak Python-allocation ratio (tracemalloc): {res['pyalloc_ratio_newsprism_over_trafilatura']:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="clean-stage speed and memory against trafilatura")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--limit", type=int, default=None, help="first N pages (sorted by id)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the pages")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--mem-child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.mem_child:
        mem_child(args.mem_child, args.shared, args.limit)
        return 0
    res = run(args.shared, args.limit, max(1, args.repeat))
    report(res)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
