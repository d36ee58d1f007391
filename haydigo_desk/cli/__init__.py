"""Sub-commands of ``haydigo-desk``.

Each module listed in COMMAND_MODULES exposes ``register(subparsers)``, which adds its parser
and sets ``handler=<callable(args) -> int>`` as the parser default. The entry point imports
them all to build the parser, so a command module imports only the standard library at its
top; what the command needs (the database, HTTP, the sandbox, Qt) its handler imports, and
``--version`` and ``--help`` stay fast (``tests/edges/test_startup_imports.py``).
"""

COMMAND_MODULES: list[str] = [
    "haydigo_desk.cli.sandbox_cmd",
    "haydigo_desk.cli.db_cmd",
    "haydigo_desk.cli.account_cmd",
    "haydigo_desk.cli.sync_cmd",
    "haydigo_desk.cli.print_cmd",
]
