"""Complaints: filing them, routing them, sending them to the central server."""
