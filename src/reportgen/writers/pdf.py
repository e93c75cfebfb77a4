"""PDF writer: WeasyPrint, A4, tagged PDF/UA-1, fetching only template files."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from reportgen.writers.pdf_structure import element_hints, repair_bytes
from reportgen.writers.reproducible import pin_build_time

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": False}
_FIRST_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


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
    """Lay out the HTML once; the result can be written or merged into a pack.

    The document's first <style> (the house stylesheet every report of a run
    shares) is compiled once per process and reused, with one font
    configuration, for every document laid out after it."""
    pin_build_time()
    folders = tuple(Path(f).resolve() for f in allowed_folders)
    base = folders[0].as_uri() + "/" if folders else None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = TemplateOnlyFetcher(list(folders))
    stylesheets = []
    match = _FIRST_STYLE.search(html)
    if match:
        stylesheets.append(_stylesheet(match.group(1), base, folders))
        html = html[:match.start(1)] + html[match.end(1):]
    return HTML(string=html, base_url=base, url_fetcher=fetcher).render(
        stylesheets=stylesheets, font_config=_fonts(), **PDF_OPTIONS)


@functools.cache
def _fonts() -> FontConfiguration:
    """One font configuration per process: fontconfig is set up once, not per report."""
    return FontConfiguration()


@functools.lru_cache(maxsize=8)
def _stylesheet(text: str, base: str | None, folders: tuple[Path, ...]) -> CSS:
    return CSS(string=text, base_url=base, font_config=_fonts(),
               url_fetcher=TemplateOnlyFetcher(list(folders)))


def pdf_bytes(document: Document) -> bytes:
    """The tagged PDF, its tag tree repaired for screen readers (pdf_structure).

    WeasyPrint leaves its streams uncompressed: the repair reads some of them,
    and compresses every stream once as it saves."""
    with element_hints():
        data = document.write_pdf(uncompressed_pdf=True, **PDF_OPTIONS)
    return repair_bytes(data)
