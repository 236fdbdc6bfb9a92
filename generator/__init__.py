"""Điển hình tiên tiến: exemplar profiles → validated records → MkDocs site."""
