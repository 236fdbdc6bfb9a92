"""Site pages and media: records → generated pages, processed photos, share cards."""
