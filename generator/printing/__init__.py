"""Print: booklets (PDF) for study visits."""
