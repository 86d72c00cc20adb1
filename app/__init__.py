"""The composition root: builds storage, core, scheduler and platforms; the CLI."""
