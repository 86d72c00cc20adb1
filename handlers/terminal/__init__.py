"""The terminal as a platform: its console and messenger, and the simulated people of
`mentorbot try` (the sessions themselves are assembled in `app/`)."""
