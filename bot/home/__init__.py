"""A person's Home: its parts, the questions waiting for them, the page."""
