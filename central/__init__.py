"""Reference central server: receives complaints, routes them to inspectors, tracks kiosks."""

__version__ = "0.1.0"
