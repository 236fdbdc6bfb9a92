"""Open data of a commune site, and the province site that gathers it."""
