"""Forms and buttons: what each submission and press does, on any platform."""
