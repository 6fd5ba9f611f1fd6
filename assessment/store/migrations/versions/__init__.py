"""One Alembic revision per schema change, oldest first (``0001``, ``0002``, ...)."""
