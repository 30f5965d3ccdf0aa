"""Plugin hooks: third-party packages register stages through an entry point.

A package declares, in its ``pyproject.toml``::

    [project.entry-points."newsprism.stages"]
    mystage = "mypackage.stages"

and importing ``mypackage.stages`` runs its ``@stage`` decorators.
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

LOGGER = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "newsprism.stages"


def load_plugins() -> list[str]:
    """Import every module registered under ``newsprism.stages``; returns their names."""
    loaded = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
            loaded.append(ep.name)
        except Exception as exc:  # noqa: BLE001 — a broken plugin must not break the built-ins
            LOGGER.warning("plugin %s failed to load: %s", ep.name, exc)
    return loaded
