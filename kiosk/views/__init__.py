"""Qt widgets only: screens, keypads, theme."""
