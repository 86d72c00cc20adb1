"""Pairs and their life: creation, agreement, answers, trial, pauses, terms,
rhythm changes, the end."""
