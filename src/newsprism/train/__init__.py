"""Training and scoring on the shared datasets (``../shared``): readers, SemEval scorers, ``make train``."""
