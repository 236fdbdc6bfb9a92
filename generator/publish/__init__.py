"""Putting the built site online: to a folder, to a server over SSH (release folders and a
symbolic link swapped in one step), or to GitHub Pages; only changed files are sent."""
