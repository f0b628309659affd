"""Reference central server: receives complaints, routes them to inspectors, tracks kiosks."""
