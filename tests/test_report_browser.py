"""The report in a real browser: headless Chromium renders it, runs its script, and nothing hostile runs (issue 8).

Debian's chromium is installed when missing (``apt-get update && apt-get install -y
chromium``); where that is impossible (not root, no package registry) the tests skip and
say why. Each run uses a fresh profile and no network, and its whole process group is
killed afterwards. Screenshots are saved under the test run's output folder
(``tmp_path``) and their paths printed (``pytest -s`` or ``-rA`` shows them).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from newsprism.article import Dossier
from newsprism.compare import assign_stories
from newsprism.report import write_report
from test_report_data import hand_dossier, hostile_dossier

pytestmark = [pytest.mark.issue(8), pytest.mark.browser]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--enable-logging=stderr",
    "--v=0",
    # Let the page's script finish before the DOM is dumped or the picture taken.
    "--virtual-time-budget=3000",
)
INSTALL_TIMEOUT = 600


def _find() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path to a Chromium binary, installing Debian's package when it is missing."""
    path = _find()
    if path:
        return path
    if not shutil.which("apt-get"):
        pytest.skip("chromium is missing and this system has no apt-get to install it")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        pytest.skip("chromium is missing and installing it needs root (apt-get install -y chromium)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True, timeout=INSTALL_TIMEOUT, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, capture_output=True, timeout=INSTALL_TIMEOUT, env=env)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"chromium is missing and could not be installed: {exc} {detail[-300:]!r}")
    path = _find()
    if not path:
        pytest.skip("apt-get installed chromium but no chromium binary is on PATH")
    return path


def run_chromium(binary: str, profile: Path, *args: str, timeout: float = 90) -> tuple[str, str]:
    """Run headless Chromium with a fresh profile; returns (stdout, stderr). Kills its whole process group."""
    cmd = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        out, err = b"", b""
        pytest.fail(f"chromium did not finish in {timeout} s")
    finally:
        # Chromium forks helpers (zygote, renderer); end the group we started, and only it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def console_problems(stderr: str) -> list[str]:
    """Every console message in Chromium's log: uncaught errors, CSP refusals, anything logged.

    The report's script never writes to the console, so any message is a problem; Chromium
    logs them all at INFO ("CONSOLE"), whatever their level.
    """
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def open_report(chromium: str, html: Path, tmp_path: Path, name: str, fragment: str = "") -> str:
    """Dump the DOM after the script ran, and save a screenshot; returns the DOM."""
    url = html.resolve().as_uri() + fragment
    dom, err = run_chromium(chromium, tmp_path / f"profile-{name}", "--dump-dom", url)
    problems = console_problems(err)
    assert not problems, "\n".join(problems)
    shot = tmp_path / f"{name}.png"
    # From the top of the page: headless screenshots of a scrolled page come out blank.
    top = html.resolve().as_uri()
    run_chromium(chromium, tmp_path / f"profile-{name}-shot", "--window-size=1400,1800", f"--screenshot={shot}", top)
    assert shot.is_file() and shot.stat().st_size > 10_000, "no screenshot"
    print(f"screenshot: {shot}")
    return dom


def test_report_browser_renders_timeline_matrix_and_article(chromium: str, tmp_path: Path) -> None:
    d = hand_dossier()
    assign_stories(d)
    html = write_report(d, tmp_path / "hand.html")
    dom = open_report(chromium, html, tmp_path, "hand")
    assert 'data-ready="1"' in dom, "the report's script did not finish"
    assert 'data-js-errors="' not in dom
    assert len(re.findall(r'<li class="event item', dom)) == 3
    assert dom.count('id="ev-') == 3
    assert re.search(r'<tbody class="paged" data-page="25" id="matrix-rows">\s*<tr class="item k-event', dom)
    # The first article is open in the viewer, cloned from its template, highlights and all.
    viewer = dom[dom.index('id="viewer"') :]
    assert '<article class="article" data-idx="0">' in viewer[:400]
    assert 'class="hl hl-q q-direct"' in viewer


def test_report_browser_runs_no_article_code(chromium: str, tmp_path: Path) -> None:
    html = write_report(hostile_dossier(), tmp_path / "hostile.html")
    # Open the hostile article itself (it is article 0), so its text is in the live page.
    dom = open_report(chromium, html, tmp_path, "hostile", "#art-0")
    assert 'data-ready="1"' in dom
    assert "data-pwned" not in dom.split("<body", 1)[0], "article text ran as code"
    assert 'data-pwned="' not in dom
    viewer = dom[dom.index('id="viewer"') :]
    assert "&lt;script&gt;document.documentElement.setAttribute(" in viewer


def test_report_browser_seed_corpus(chromium: str, shared: Path, tmp_path: Path) -> None:
    """The seed corpus analysed end to end renders with its timeline and matrix, without errors."""
    import newsprism

    seeds = shared / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds")
    d: Dossier = newsprism.analyze(seeds)
    html = write_report(d, tmp_path / "seeds.html")
    dom = open_report(chromium, html, tmp_path, "seeds")
    assert 'data-ready="1"' in dom and 'data-js-errors="' not in dom
    assert dom.count('<template id="tpl-') == 5
    if d.events:
        assert '<li class="event item' in dom
        assert 'id="matrix-rows"' in dom


# Measured in the page: a label (table header, badge, tag, matrix cell, legend mark) whose text
# is wider than its box, or that takes more than one line, is a word broken or clipped.
MEASURE = """<script>
window.addEventListener('load', function () {
  setTimeout(function () {
    var bad = [];
    document.querySelectorAll('th:not(.outlet-h), .badge, .tag, .stance, .cell-demo, table.matrix th.outlet-h span').forEach(function (el) {
      if (!el.offsetParent && el.getClientRects().length === 0) return;
      var cs = getComputedStyle(el);
      var words = (el.textContent || '').trim().split(/\\s+/).filter(Boolean);
      var oneWord = words.length === 1;
      var clipped = el.scrollWidth > el.clientWidth + 1 && cs.textOverflow !== 'ellipsis';
      var r = document.createRange(); r.selectNodeContents(el);
      var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function (b) { if (b.width > 0) tops[Math.round(b.top)] = 1; });
      var wrapped = oneWord && Object.keys(tops).length > 1 && !el.closest('.outlet-h');
      if (clipped || wrapped) bad.push(el.tagName + ':' + (el.textContent || '').trim().slice(0, 30));
    });
    document.documentElement.setAttribute('data-broken-labels', bad.length ? bad.join('|') : 'none');
  }, 300);
});
</script>"""


def test_report_browser_no_label_breaks_mid_word(chromium: str, tmp_path: Path) -> None:
    """Table headers, badges and tags broke inside words ("MENTI/ONS", "PERS/ON", "captio/n") and
    outlet names were clipped in the matrix (#25): measured in Chromium, none is."""
    d = hand_dossier()
    assign_stories(d)
    html = write_report(d, tmp_path / "labels.html")
    page = html.read_text(encoding="utf-8")
    # A copy for measuring only: the report's CSP admits its own script alone.
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page).replace("</body>", MEASURE + "</body>")
    probe = tmp_path / "labels-probe.html"
    probe.write_text(page, encoding="utf-8")
    dom, _ = run_chromium(chromium, tmp_path / "profile-labels", "--window-size=360,1400", "--dump-dom", probe.resolve().as_uri())
    m = re.search(r'data-broken-labels="([^"]*)"', dom)
    assert m, "the measuring script did not run"
    assert m.group(1) == "none", m.group(1)
