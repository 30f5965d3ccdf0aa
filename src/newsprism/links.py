"""Addresses that may become links: plain http(s) only, in the report and the web app alike."""

from __future__ import annotations


def safe_url(url: object) -> str | None:
    """The address when it is plain http(s) with no white space, else None: a ``javascript:``,
    ``data:`` or ``file:`` address (or a non-string field) is never printed as a link."""
    if not isinstance(url, str) or not url:
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in u) else None
