"""Search: the Pagefind index of the built site, with accent-free matching."""
