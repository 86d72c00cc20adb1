"""A person's right of access and erasure."""
