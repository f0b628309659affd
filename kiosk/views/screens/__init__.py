"""The resident's screens after identification, one module each."""
