"""Printable PDFs straight from the database, and writing them to disk safely. No Qt.

Shared by the CLI and the desk's print controller (which calls these in a worker thread):
build the documents inside one short session, then render outside it.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from haydigo_desk import reports
from haydigo_desk.persistence.database import Database
from haydigo_desk.reports import PageFormat, PickListDocument
from haydigo_desk.services.print_documents import (
    PrintError,
    open_pick_list_ids,
    packing_slip_document,
    pick_list_document,
)

LANGUAGES = ("nl", "en")
FORMATS = {"a4": PageFormat.A4, "label": PageFormat.LABEL_102X152}


@dataclass(frozen=True)
class RenderedPdf:
    """PDF bytes with what they hold, for messages and the preview's title."""

    data: bytes
    title: str
    pages: int
    skipped: list[str] = field(default_factory=list)  # pick lists with nothing left to pick


def page_count(data: bytes) -> int:
    from pypdf import PdfReader  # imported when printing, not when the window opens

    return len(PdfReader(io.BytesIO(data)).pages)


def merge_pdfs(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """One PDF of several, each part starting on its own page and bookmarked by its title."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for title, data in parts:
        writer.append(io.BytesIO(data), outline_item=title)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pick_list_pdf(database: Database, pick_list_id: int, *, page_format: PageFormat,
                  language: str) -> RenderedPdf:
    with database.unit_of_work() as uow:
        doc = pick_list_document(uow.session, pick_list_id)
    data = reports.render_pick_list(doc, page_format=page_format, language=language)
    return RenderedPdf(data, doc.code, page_count(data))


def open_pick_lists_pdf(database: Database, *, page_format: PageFormat,
                        language: str) -> RenderedPdf:
    """Every open or in-progress pick list in one PDF, oldest first.

    A list whose orders were all cancelled or shipped meanwhile is skipped (and named), so one
    stale list does not stop the morning's printing.
    """
    docs: list[PickListDocument] = []
    skipped: list[str] = []
    with database.unit_of_work() as uow:
        ids = open_pick_list_ids(uow.session)
        if not ids:
            raise PrintError("There are no open pick lists.")
        for pick_list_id in ids:
            try:
                docs.append(pick_list_document(uow.session, pick_list_id))
            except PrintError as exc:
                skipped.append(str(exc))
    if not docs:
        raise PrintError("None of the open pick lists has anything left to pick.")
    parts = [(doc.code, reports.render_pick_list(doc, page_format=page_format, language=language))
             for doc in docs]
    data = parts[0][1] if len(parts) == 1 else merge_pdfs(parts)
    title = parts[0][0] if len(parts) == 1 else f"{parts[0][0]} … {parts[-1][0]}"
    return RenderedPdf(data, title, page_count(data), skipped)


def packing_slip_pdf(database: Database, order: int | str, *, page_format: PageFormat,
                     language: str) -> RenderedPdf:
    with database.unit_of_work() as uow:
        slip = packing_slip_document(uow.session, order)
    data = reports.render_packing_slip(slip, page_format=page_format, language=language)
    return RenderedPdf(data, slip.order_id, page_count(data))


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one.

    Raises OSError (full disk, no permission, missing folder); the temp file is removed and an
    existing file at `path` stays as it was.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777  # replacing a file keeps its permissions
    except FileNotFoundError:
        mode = 0o644  # mkstemp's 0600 would hide a shared PDF from colleagues
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # a full disk may only say so here
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
