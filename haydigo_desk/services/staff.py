"""Staff at the desk: who may log in, by name or badge, and what a manager may do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.context import StaffIdentity
from haydigo_desk.domain.states import StaffRole
from haydigo_desk.persistence.models import StaffMember

NAME_MAX = 100
BADGE_MAX = 100


class StaffError(ValueError):
    """Bad staff data (empty name, taken badge...); the message is meant for the user."""


class NotAllowedError(PermissionError):
    """The person logged in may not do this (a picker trying a manager-only action)."""


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    badge_code: str | None
    role: str
    active: bool

    @property
    def identity(self) -> StaffIdentity:
        return StaffIdentity(self.id, self.name, self.role)


def _to_row(member: StaffMember) -> StaffRow:
    return StaffRow(member.id, member.name, member.badge_code, member.role, member.active)


def has_staff(session: Session) -> bool:
    return (session.scalar(select(func.count(StaffMember.id))) or 0) > 0


def list_active_staff(session: Session) -> list[StaffRow]:
    members = session.scalars(
        select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.name)
    )
    return [_to_row(m) for m in members]


def find_by_badge(session: Session, badge_code: str) -> StaffRow | None:
    """The active member with this badge; scanners may add spaces, so the code is trimmed."""
    code = badge_code.strip()
    if not code:
        return None
    member = session.scalars(
        select(StaffMember).where(
            StaffMember.badge_code == code, StaffMember.active.is_(True)
        )
    ).first()
    return _to_row(member) if member else None


def add_staff(
    session: Session, name: str, role: str = StaffRole.PICKER, badge_code: str | None = None
) -> StaffRow:
    name = " ".join(name.split())
    badge = (badge_code or "").strip() or None
    if not name:
        raise StaffError("Enter a name")
    if len(name) > NAME_MAX:
        raise StaffError(f"A name has at most {NAME_MAX} characters")
    if role not in {r.value for r in StaffRole}:
        raise StaffError(f"Unknown role {role!r}")
    if badge is not None and len(badge) > BADGE_MAX:
        raise StaffError(f"A badge code has at most {BADGE_MAX} characters")
    taken = session.scalars(select(StaffMember).where(StaffMember.name == name)).first()
    if taken is not None:
        raise StaffError(f"There is already someone called {name}")
    if badge is not None:
        holder = session.scalars(select(StaffMember).where(StaffMember.badge_code == badge)).first()
        if holder is not None:
            raise StaffError(f"Badge {badge} already belongs to {holder.name}")
    member = StaffMember(name=name, role=str(role), badge_code=badge, active=True)
    session.add(member)
    session.flush()
    return _to_row(member)


def is_manager(identity: StaffIdentity | None) -> bool:
    return identity is not None and identity.is_manager


def require_manager(identity: StaffIdentity | None, action: str = "do this") -> None:
    if identity is None:
        raise NotAllowedError(f"Log in as a manager to {action}")
    if not identity.is_manager:
        raise NotAllowedError(
            f"Only a manager may {action}; {identity.name} is logged in as {identity.role}"
        )
