"""Built-in per-article and corpus stages; each module registers itself on import."""
