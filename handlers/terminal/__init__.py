"""The terminal front end: `mentorbot try` and `mentorbot simulate`."""
