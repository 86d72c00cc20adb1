"""Calendars: a pair's sessions as one iCalendar series (the .ics files members receive, and
each person's private subscription feed), and the feeds' tokens."""
