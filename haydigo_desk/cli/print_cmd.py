"""``haydigo-desk picklist-pdf`` and ``haydigo-desk packing-slip``: documents as PDF files.

Exit codes: 0 written, 1 nothing to print (unknown id, empty list), 2 the file could not be
written (full disk, no permission, missing folder). Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Kept here, not imported from services, so that --help does not load reportlab and pypdf.
FORMAT_CHOICES = ("a4", "label")
LANGUAGE_CHOICES = ("nl", "en")
EXIT_NOTHING_TO_PRINT = 1
EXIT_NOT_WRITTEN = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    pick = subparsers.add_parser("picklist-pdf", help="write pick lists as one PDF")
    which = pick.add_mutually_exclusive_group(required=True)
    which.add_argument("--pick-list", type=int, metavar="ID", help="the pick list's id")
    which.add_argument("--all-open", action="store_true",
                       help="every open and in-progress pick list, each from a new page")
    _output_options(pick)
    pick.set_defaults(handler=run)

    slip = subparsers.add_parser("packing-slip", help="write an order's packing slip as PDF")
    slip.add_argument("--order", required=True, metavar="ID",
                      help="the bol.com order id or the desk's order number")
    _output_options(slip)
    slip.set_defaults(handler=run)


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="PDF to write")
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="a4",
                        help="a4 (default) or label (102 x 152 mm)")
    parser.add_argument("--language", choices=LANGUAGE_CHOICES,
                        help="language of the document (default: the desk's, else nl)")


def _default_language() -> str:
    from haydigo_desk.config import SettingsError, SettingsStore

    try:
        language = SettingsStore().load().language
    except SettingsError:
        return "nl"
    return language if language in LANGUAGE_CHOICES else "nl"


def run(args: argparse.Namespace) -> int:
    from haydigo_desk.config import resolve_database_url
    from haydigo_desk.persistence.database import open_database
    from haydigo_desk.services.print_documents import PrintError
    from haydigo_desk.services.print_output import (
        FORMATS,
        open_pick_lists_pdf,
        packing_slip_pdf,
        pick_list_pdf,
        write_atomically,
    )

    options = {"page_format": FORMATS[args.format],
               "language": args.language or _default_language()}
    database = open_database(resolve_database_url(args.database_url))
    try:
        if args.command == "packing-slip":
            pdf = packing_slip_pdf(database, args.order, **options)
        elif args.all_open:
            pdf = open_pick_lists_pdf(database, **options)
        else:
            pdf = pick_list_pdf(database, args.pick_list, **options)
    except PrintError as exc:
        print(exc, file=sys.stderr)
        return EXIT_NOTHING_TO_PRINT
    finally:
        database.dispose()
    for note in pdf.skipped:
        print(f"Skipped: {note}", file=sys.stderr)
    try:
        write_atomically(args.out, pdf.data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"Could not write {args.out}: {reason}", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    print(f"Wrote {args.out} ({pdf.title}, {pdf.pages} page(s))")
    return 0
