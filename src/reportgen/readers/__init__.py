"""Readers: workbooks in, typed records (reportgen.model) or InputError out."""
