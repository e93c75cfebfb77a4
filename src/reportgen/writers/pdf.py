"""PDF writer: WeasyPrint, A4, tagged PDF/UA-1, fetching only template files."""

from __future__ import annotations

import logging
from pathlib import Path

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from reportgen.writers.pdf_structure import element_hints, repair_bytes
from reportgen.writers.reproducible import pin_build_time

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": False}


class TemplateOnlyFetcher(URLFetcher):
    """Fetches data: URIs and files inside the allowed folders; refuses all else.

    Cell text is escaped, so nothing an officer types can ask for a file; this
    is the second lock, in case a council template does.
    """

    def __init__(self, allowed_folders: list[Path]):
        super().__init__(timeout=1, allowed_protocols={"file", "data"})
        self.allowed = [Path(f).resolve() for f in allowed_folders]

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            from urllib.parse import unquote, urlparse

            path = Path(unquote(urlparse(url).path)).resolve()
            if not any(path.is_relative_to(folder) for folder in self.allowed):
                raise ValueError(f"reportgen fetches only template files, not {url}")
        elif not url.startswith("data:"):
            raise ValueError(f"reportgen never fetches from the network: {url}")
        return super().fetch(url, headers)


def layout(html: str, allowed_folders: list[Path]) -> Document:
    """Lay out the HTML once; the result can be written or merged into a pack."""
    pin_build_time()
    base = Path(allowed_folders[0]).resolve().as_uri() + "/" if allowed_folders else None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html, base_url=base,
                url_fetcher=TemplateOnlyFetcher(allowed_folders)).render(**PDF_OPTIONS)


def pdf_bytes(document: Document) -> bytes:
    """The tagged PDF, its tag tree repaired for screen readers (pdf_structure)."""
    with element_hints():
        data = document.write_pdf(**PDF_OPTIONS)
    return repair_bytes(data)
