"""What comes into a project from outside and becomes a draft profile: a new draft typed at the
command line, a registration sheet, a Word report; each written through records.store."""
