"""The access levels, lowest first: what a role may do in an organisation
(:mod:`.access` holds the rules that use them)."""

from __future__ import annotations

READ, EDIT, MANAGE, ADMIN = 1, 2, 3, 4
