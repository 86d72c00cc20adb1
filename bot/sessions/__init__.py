"""Sessions: moving and skipping them, the agenda, summaries and action items."""
