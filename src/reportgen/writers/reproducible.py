"""Byte-for-byte reproducible outputs: pinned times in .docx packages and PDF fonts.

Word files are zip packages; zip entries carry a time, and python-docx
stamps core properties with the clock. Both are pinned so a council can
tell from a checksum that a published document did not change.
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile

_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


DEFAULT_EPOCH = "946684800"  # 1 January 2000: no clock time inside any output


def pin_build_time() -> None:
    """Make SOURCE_DATE_EPOCH the time every library writes into outputs.

    fontTools (which WeasyPrint uses to embed fonts) stamps each font subset
    with the clock unless SOURCE_DATE_EPOCH is set; a user's own value wins.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", DEFAULT_EPOCH)


def build_time() -> time.struct_time:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else 1 January 2000."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    return time.gmtime(max(epoch, 315532800))  # zip cannot store dates before 1980


def reproducible_zip(data: bytes) -> bytes:
    """Rewrite a package with fixed entry times and core-property dates."""
    stamp = build_time()
    iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp).encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = _CORE_DATE.sub(rb"\g<1>" + iso + rb"\g<2>", blob)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, blob)
    return out.getvalue()
