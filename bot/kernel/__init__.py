"""The kernel every room stands on: clock, core dependencies, settings, errors,
languages, ports, neutral replies and forms, deliveries."""
