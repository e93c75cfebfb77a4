"""Writers: one semantic HTML document in, PDF / DOCX / HTML bytes out.

Writers know nothing of spreadsheets or report kinds; they read the HTML's
elements, classes and data-* attributes (see writers/docx.py for the list).
"""
