"""PDFs from outside reportgen (appendices, PDF reports) made safe to publish.

sanitise() takes out of an open PDF, in place:

- scripts: JavaScript wherever it can run (the document's /JavaScript
  names, the opening action, page, annotation and form field actions and
  their /Next chains, /AA triggers) and the XFA form layer, which is a
  scripted form;
- actions that reach outside the document: /Launch (runs a program),
  /URI to anything but http, https or mailto (file: and relative paths point
  at the author's computer), /GoToR and /GoToE (open another PDF, by a path
  on the author's drive or inside an attached file), /SubmitForm and
  /ImportData (send typed data to an address, load it from the reader's
  disk), and media actions (Movie, Sound, Rendition, RichMedia, 3D);
- attached files (/EmbeddedFiles, FileAttachment annotations, /AF) and media
  clips (Screen, Movie, RichMedia, 3D annotations: players, some scripted);
- reviewer annotations (sticky notes, pop-ups, free text, highlights,
  underlines, strike-outs, squiggles, carets, ink, sound), with the tags
  that pointed at them.

Kept: links to web pages and e-mail addresses, links and bookmarks within
the document, named actions (next page...), /ResetForm (it only clears the
reader's own copy of the form), form fields with their appearance, tags.
Redaction marks that were never applied are refused: the text under them is
still in the file. Saving again drops earlier saved versions of the file.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from reportgen.errors import InputError, Problem

_WEB_SCHEMES = ("http", "https", "mailto")
_SAFE_ACTIONS = {"/GoTo", "/Named", "/Thread", "/Hide", "/SetOCGState", "/Trans",
                 "/ResetForm"}
_ACTION_LABELS = {"/JavaScript": "script", "/Launch": "launch", "/GoToR": "other-pdf",
                  "/GoToE": "other-pdf", "/SubmitForm": "form-data", "/ImportData": "form-data",
                  "/Movie": "media-action", "/Sound": "media-action",
                  "/Rendition": "media-action", "/RichMediaExecute": "media-action",
                  "/GoTo3DView": "media-action"}
_COMMENTS = {"/Text", "/FreeText", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly",
             "/Caret", "/Ink", "/Sound"}
_MEDIA = {"/Screen", "/Movie", "/RichMedia", "/3D"}
# What the warning says, in this order: (one, several).
_WORDS = {
    "script": ("JavaScript action", "JavaScript actions"),
    "xfa": ("scripted (XFA) form layer", "scripted (XFA) form layers"),
    "launch": ("action that starts a program", "actions that start a program"),
    "local-link": ("link to a local file", "links to local files"),
    "unsafe-link": ("link of an unsafe kind (not web or e-mail)",
                    "links of an unsafe kind (not web or e-mail)"),
    "other-pdf": ("link that opens another PDF", "links that open other PDFs"),
    "form-data": ("form action that sends or loads data",
                  "form actions that send or load data"),
    "media-action": ("media action", "media actions"),
    "other-action": ("action of an unknown kind", "actions of an unknown kind"),
    "file": ("attached file", "attached files"),
    "media": ("media clip", "media clips"),
    "comment": ("reviewer comment", "reviewer comments"),
}
_MAX_DEPTH = 200  # action chains, form fields and tag trees deeper than this are hostile
# What one page's drawing may unpack to. A dense real page is a few hundred KB; a
# small file whose page inflates to gigabytes is a bomb aimed at whoever reads it.
MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024
_WORST_RATIO = 1032  # the most any PDF filter but Flate can expand its input (zlib's own)


def sanitise(pdf: Pdf, name: Path | str = "PDF") -> list[str]:
    """Take the unsafe content out of pdf, in place; returns what went, in words.

    Raises InputError when a redaction was marked but never applied.
    """
    _refuse_inflating_pages(pdf, name)
    cleaner = _Cleaner()
    cleaner.document(pdf)
    if cleaner.redactions:
        raise InputError(Problem(name, f"has {cleaner.redactions} redaction mark(s) that were "
                                 "never applied: the text under them is still in the file; "
                                 "apply the redactions and save it again"))
    return _removed_words(cleaner.removed)


def _refuse_inflating_pages(pdf: Pdf, name: Path | str) -> None:
    """InputError when a page's content streams unpack to more than
    MAX_PAGE_CONTENT_BYTES: measured without holding more than a megabyte of it."""
    limit = MAX_PAGE_CONTENT_BYTES
    for number, page in enumerate(pdf.pages, 1):
        contents = page.obj.get("/Contents")
        streams = contents if isinstance(contents, Array) else [contents]
        unpacked = 0
        for stream in streams:
            if isinstance(stream, pikepdf.Stream):
                unpacked += _unpacked_size(stream, limit - unpacked + 1)
            if unpacked > limit:
                raise InputError(Problem(name, f"page {number}'s content unpacks (or may "
                                         f"unpack) to more than {limit // 2**20} MB: the file "
                                         "is damaged or hostile; ask for a freshly saved copy"))


def _unpacked_size(stream: pikepdf.Stream, limit: int) -> int:
    """The stream's decoded length, or a number over limit once it is known to be."""
    raw = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, Array) else [filters] if filters else []
    if not filters:
        return len(raw)
    if filters != [Name.FlateDecode]:  # rare in content streams: bounded by size alone
        return len(raw) * _WORST_RATIO if len(raw) * _WORST_RATIO > limit else \
            len(stream.read_bytes())
    inflater, size, tail = zlib.decompressobj(), 0, raw
    try:
        while tail and size <= limit:
            size += len(inflater.decompress(tail, 1 << 20))
            tail = inflater.unconsumed_tail
    except zlib.error:
        return size  # damaged data: qpdf reads what it can, as for any stream
    return size


def _removed_words(counts: Counter) -> list[str]:
    return [f"{counts[key]} {words[counts[key] != 1]}" for key, words in _WORDS.items()
            if counts[key]]


class _Cleaner:
    """One pass over a document; counts what it takes out."""

    def __init__(self):
        self.removed: Counter = Counter()
        self.files: set = set()  # attached files counted, by object, so none twice
        self.dropped: set = set()  # annotations taken off their pages
        self.redactions = 0
        self.actions: dict = {}  # indirect action -> what is left of it

    def document(self, pdf: Pdf) -> None:
        root = pdf.Root
        self._names(root)
        for key in ("/AF", "/Collection"):  # PDF 2.0 associated files; a portfolio
            self._drop_files(root, key)
        self._clean_actions(root, "/OpenAction")
        self._clean_triggers(root)
        self._forms(root)
        self._outlines(root.get("/Outlines"))
        for page in pdf.pages:
            self._page(page.obj)
        if self.dropped and "/StructTreeRoot" in root:
            self._untag(root.StructTreeRoot, 0)

    # -- document level ----------------------------------------------------
    def _names(self, root) -> None:
        names = root.get("/Names")
        if not isinstance(names, Dictionary):
            return
        if "/JavaScript" in names:
            self.removed["script"] += len(_name_tree_values(names.JavaScript))
            del names["/JavaScript"]
        if "/EmbeddedFiles" in names:
            for spec in _name_tree_values(names.EmbeddedFiles):
                self._count_file(spec)
            del names["/EmbeddedFiles"]

    def _forms(self, root) -> None:
        form = root.get("/AcroForm")
        if not isinstance(form, Dictionary):
            return
        if "/XFA" in form:
            self.removed["xfa"] += 1
            del form["/XFA"]
            if "/NeedsRendering" in root:
                del root["/NeedsRendering"]
        seen: set = set()

        def walk(fields, depth: int) -> None:
            for field in fields if isinstance(fields, Array) else []:
                if not isinstance(field, Dictionary) or depth > _MAX_DEPTH:
                    continue
                if field.is_indirect:
                    if field.objgen in seen:
                        continue
                    seen.add(field.objgen)
                self._clean_actions(field, "/A")
                self._clean_triggers(field)
                walk(field.get("/Kids"), depth + 1)

        walk(form.get("/Fields"), 0)

    def _outlines(self, outlines) -> None:
        seen: set = set()
        stack = [outlines.get("/First")] if isinstance(outlines, Dictionary) else []
        while stack:
            item = stack.pop()
            if not isinstance(item, Dictionary) or len(seen) > 10**6 or (
                    item.is_indirect and item.objgen in seen):
                continue
            seen.add(item.objgen)
            self._clean_actions(item, "/A")
            stack += [item.get("/Next"), item.get("/First")]

    # -- pages and annotations ---------------------------------------------
    def _page(self, page) -> None:
        self._clean_triggers(page)
        self._drop_files(page, "/AF")
        annots = page.get("/Annots")
        if not isinstance(annots, Array):
            return
        kept = [a for a in annots if isinstance(a, Dictionary) and self._keep_annot(a)]
        if len(kept) != len(annots):
            page.Annots = Array(kept)
        for annot in kept:  # pop-ups and replies that pointed at removed comments
            for key in ("/Popup", "/IRT"):
                target = annot.get(key)
                if isinstance(target, Dictionary) and target.is_indirect \
                        and target.objgen in self.dropped:
                    del annot[key]

    def _keep_annot(self, annot) -> bool:
        kind = str(annot.get("/Subtype", ""))
        if kind == "/Redact":
            self.redactions += 1
            return True
        if kind in _COMMENTS or kind == "/Popup":
            if kind != "/Popup" and not self._dropped(annot):
                self.removed["comment"] += 1
            self._dropped(annot, add=True)
            return False
        if kind == "/FileAttachment":
            self._count_file(annot.get("/FS"))
            self._dropped(annot, add=True)
            return False
        if kind in _MEDIA:
            if not self._dropped(annot):
                self.removed["media"] += 1
            self._dropped(annot, add=True)
            return False
        self._clean_actions(annot, "/A")
        self._clean_triggers(annot)
        self._drop_files(annot, "/AF")
        if kind == "/Link" and "/A" not in annot and "/Dest" not in annot:
            self._dropped(annot, add=True)  # a link to nowhere once its action went
            return False
        return True

    def _dropped(self, annot, add: bool = False) -> bool:
        if not annot.is_indirect:
            return False
        if add:
            self.dropped.add(annot.objgen)
        return annot.objgen in self.dropped

    def _untag(self, node, depth: int) -> bool:
        """Remove tags' references to dropped annotations; False when node is left empty."""
        if depth > _MAX_DEPTH or not isinstance(node, Dictionary):
            return True
        if node.get("/Type") == Name.OBJR:
            target = node.get("/Obj")
            return not (isinstance(target, Dictionary) and target.is_indirect
                        and target.objgen in self.dropped)
        kids = node.get("/K")
        if isinstance(kids, Array):
            kept = [kid for kid in kids if self._untag(kid, depth + 1)]
            if len(kept) != len(kids):
                node.K = Array(kept)
            return bool(kept) or node.get("/Type") == Name.StructTreeRoot
        if isinstance(kids, Dictionary) and not self._untag(kids, depth + 1):
            del node["/K"]
            return False
        return True

    # -- actions -----------------------------------------------------------
    def _clean_triggers(self, holder) -> None:
        """/AA: the actions a page, field or annotation runs on events."""
        triggers = holder.get("/AA")
        if not isinstance(triggers, Dictionary):
            if "/AA" in holder:
                del holder["/AA"]
            return
        for key in list(triggers.keys()):
            self._clean_actions(triggers, key)
        if not len(triggers):
            del holder["/AA"]

    def _clean_actions(self, holder, key: str) -> None:
        """holder[key] with its unsafe actions (and those of its /Next chain) taken out."""
        action = holder.get(key)
        if key == "/OpenAction" and isinstance(action, Array):
            return  # a destination, not an action
        if action is None:
            return
        kept = self._chain(action)
        if kept is None:
            del holder[key]
        else:
            holder[key] = kept

    def _chain(self, action):
        """The safe actions of action's chain, linked in the same order; None if none."""
        if isinstance(action, Dictionary) and action.is_indirect and action.objgen in self.actions:
            return self.actions[action.objgen]
        flat: list = []
        seen: set = set()
        stack = [action]
        while stack and len(flat) < _MAX_DEPTH:
            item = stack.pop()
            if isinstance(item, Array):
                stack += reversed(list(item))
                continue
            if not isinstance(item, Dictionary) or (item.is_indirect and item.objgen in seen):
                continue
            if item.is_indirect:
                seen.add(item.objgen)
            flat.append(item)
            if "/Next" in item:
                stack.append(item.Next)
        kept = [item for item in flat if self._safe(item)]
        for first, second in zip(kept, kept[1:], strict=False):
            first.Next = second
        if kept and "/Next" in kept[-1]:
            del kept[-1]["/Next"]
        result = kept[0] if kept else None
        if isinstance(action, Dictionary) and action.is_indirect:
            self.actions[action.objgen] = result
        return result

    def _safe(self, action) -> bool:
        kind = str(action.get("/S", ""))
        if kind == "/URI":
            scheme = _scheme(action.get("/URI"))
            if scheme in _WEB_SCHEMES:
                return True
            self.removed["local-link" if scheme in ("", "file") else "unsafe-link"] += 1
            return False
        if kind in _SAFE_ACTIONS:
            return True
        if kind == "/Rendition" and "/JS" in action:
            kind = "/JavaScript"
        self.removed[_ACTION_LABELS.get(kind, "other-action")] += 1
        return False

    def _drop_files(self, holder, key: str) -> None:
        value = holder.get(key)
        if value is None:
            return
        for spec in value if isinstance(value, Array) else [value] if key == "/AF" else []:
            self._count_file(spec)
        del holder[key]

    def _count_file(self, spec) -> None:
        if isinstance(spec, pikepdf.Object) and spec.is_indirect:
            if spec.objgen in self.files:
                return
            self.files.add(spec.objgen)
        self.removed["file"] += 1


def _scheme(uri) -> str:
    """The URI's scheme in lower case, "" when it has none (a relative path)."""
    text = bytes(uri).decode("latin-1").strip() if isinstance(uri, pikepdf.String) else ""
    head, colon, _ = text.partition(":")
    if not colon or not head.replace("+", "").replace("-", "").replace(".", "").isalnum():
        return ""
    return "file" if len(head) == 1 else head.lower()  # C:\... is a Windows path


def _name_tree_values(tree) -> list:
    """The values of a name tree (bounded: a hostile tree may loop)."""
    values: list = []
    seen: set = set()
    stack = [tree]
    while stack and len(seen) < 10**5:
        node = stack.pop()
        if not isinstance(node, Dictionary) or (node.is_indirect and node.objgen in seen):
            continue
        if node.is_indirect:
            seen.add(node.objgen)
        pairs = node.get("/Names")
        if isinstance(pairs, Array):
            values += [pairs[i] for i in range(1, len(pairs), 2)]
        kids = node.get("/Kids")
        if isinstance(kids, Array):
            stack += list(kids)
    return values
