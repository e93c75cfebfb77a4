"""HTML writer: the composed document is already a standalone accessible page."""

from __future__ import annotations


def html_bytes(html: str) -> bytes:
    return html.encode("utf-8")
