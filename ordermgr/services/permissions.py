"""Permission checks for work made of many writes (housekeeping, a sync round, an import).

`uow.require` guards one write. A job that writes many times checks everything it will need
first, so a user who may do only part of it gets one refusal and no half-done run.
"""

from __future__ import annotations

from collections.abc import Iterable

from ordermgr.db.uow import Actor
from ordermgr.errors import PermissionDenied


def require_all(actor: Actor, permissions: Iterable[str], doing: str) -> None:
    missing = sorted({p for p in permissions if not actor.may(p)})
    if missing:
        raise PermissionDenied(
            f"{actor.username} ({actor.role}) may not {doing}: the role lacks "
            f"{', '.join(missing)}. Nothing was changed; run it as a user whose role has "
            "these permissions (--user NAME), or ask an admin.")
