"""Windows and views. Importing this package does not import Qt (the CLI goes through it)."""
