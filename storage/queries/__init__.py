"""Data access: keyword-only functions that take the ORM session."""
