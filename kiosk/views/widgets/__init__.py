"""Reusable touch widgets: keypads, tiles, timelines, the on-screen pinyin keyboard."""
