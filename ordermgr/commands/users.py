"""`ordermgr users list|role`."""

from __future__ import annotations

from sqlalchemy import select

from ordermgr.jsonout import add_json_flag, emit
from ordermgr.models import ROLES, User
from ordermgr.services.users import set_new_user_role, set_user_role


def register(sub) -> None:
    users = sub.add_parser("users", help="list users, change roles")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list users and their roles")
    add_json_flag(ls)
    ls.set_defaults(func=_list)
    role = actions.add_parser("role", help="set a user's role (admins only)")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=_role)
    default = actions.add_parser("default-role", help="role given to users created on first use")
    default.add_argument("role", choices=ROLES)
    default.set_defaults(func=lambda a, ctx: set_new_user_role(ctx.uow(), a.role))


def _list(args, ctx) -> int:
    if not ctx.actor.may("users.view"):
        from ordermgr.errors import PermissionDenied
        raise PermissionDenied(f"{ctx.actor.username} ({ctx.actor.role}) may not list users.")
    with ctx.engine.connect() as conn:
        users = conn.execute(select(User.username, User.role, User.active)
                             .order_by(User.username)).all()
    if args.json:
        emit([{"username": u.username, "role": u.role, "active": u.active} for u in users])
        return 0
    for user in users:
        print(f"{user.username:<24} {user.role:<12} {'' if user.active else '(disabled)'}")
    return 0


def _role(args, ctx) -> int:
    set_user_role(ctx.uow(), args.username, role=args.role)
    print(f"{args.username} is now {args.role}.")
    return 0
