"""The theme of dienhinh, installed as ``dienhinh.theme``: templates, styles and scripts, the
Word template of official papers. Nothing to import: ``dienhinh.theme_files`` finds these files
and lays a commune's own ``overrides/`` over them."""
