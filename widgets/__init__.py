"""Reusable presentational widgets; they never import app/."""
