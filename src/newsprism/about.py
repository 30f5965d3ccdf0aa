"""Package metadata kept apart so that every module can import it cheaply."""

__version__ = "0.2.0"

# The revision of what the stages say for a given input: part of the signature that decides whether
# a store's per-article analysis can be reused (``Pipeline.signature``). Change it whenever a rule
# changes what any stage outputs, so an updated store re-reads its articles rather than mixing
# analyses of two revisions (a review found merged events mixing two confidence scales).
ANALYSIS_REVISION = "2026-12-08.82"
