"""Microsoft Teams: activities in, Adaptive Cards out, through the Teams SDK for Python."""
