"""A pair's rhythm: the value, its grammar (English and French), its recurrence,
its wording, how it is stored, its form fields."""
