"""The frame around the resident's screens: top bar, navigation, home menu, idle question."""
