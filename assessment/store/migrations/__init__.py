"""The Alembic scripts of the store, shipped in the package (no ``alembic.ini`` to hand out).

``versions/`` holds one revision per schema change, ``env.py`` is what Alembic runs for
them, ``script.py.mako`` the template of a new revision. They are run from code by
``assessment.store.migrate`` when the store opens; nobody runs ``alembic`` by hand.
"""
