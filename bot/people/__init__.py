"""People as the core sees them, their platform profiles, and one person acting
in a transaction."""
