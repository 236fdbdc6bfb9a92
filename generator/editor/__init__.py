"""The browser editor: its configuration, the local backend it saves through, and its server."""
