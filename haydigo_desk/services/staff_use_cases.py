"""Logging in at the desk: who may, and the first manager of a new desk. Each use case opens
its own unit of work around the session-level functions of ``staff``."""

from __future__ import annotations

from haydigo_desk.domain.states import StaffRole
from haydigo_desk.persistence.database import Database
from haydigo_desk.services import staff
from haydigo_desk.services.staff import StaffError, StaffRow


class StaffExistsError(StaffError):
    """The first manager was refused: someone (another desk) created one meanwhile."""


def login_choices(database: Database) -> tuple[bool, list[StaffRow]]:
    """(nobody works here yet, the active staff by name), read together."""
    with database.unit_of_work() as uow:
        return not staff.has_staff(uow.session), staff.list_active_staff(uow.session)


def active_staff(database: Database) -> list[StaffRow]:
    with database.unit_of_work() as uow:
        return staff.list_active_staff(uow.session)


def find_by_badge(database: Database, badge_code: str) -> StaffRow | None:
    with database.unit_of_work() as uow:
        return staff.find_by_badge(uow.session, badge_code)


def add_first_manager(database: Database, name: str, badge_code: str | None) -> StaffRow:
    """The desk's first person, a manager, committed; ``StaffExistsError`` when there is
    already someone (checked in the same transaction that adds)."""
    with database.unit_of_work() as uow:
        if staff.has_staff(uow.session):
            raise StaffExistsError("Someone else just created the first manager")
        member = staff.add_staff(uow.session, name, StaffRole.MANAGER, badge_code)
        uow.commit()
        return member
