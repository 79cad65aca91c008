"""Alembic migrations (one branch per area: centre, advertising, official)."""
