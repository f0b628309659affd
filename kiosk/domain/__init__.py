"""Pure domain: SQLAlchemy models, value types and rules. No Qt, no I/O beyond the session."""
