"""Growth: goals with their milestones, and the 3-month reviews."""
