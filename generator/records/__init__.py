"""Records and checks: project files → typed records, and every problem found in them."""
