"""Staff tools: the commands officers run to create, import and report on profiles."""
