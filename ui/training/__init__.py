"""Training mode's views: the watermark on every window, the player bar, the instructor's
panel, the debrief and the supervisor's view of progress (docs/training.md)."""
