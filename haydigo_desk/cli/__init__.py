"""Sub-commands of ``haydigo-desk``.

Each module listed in COMMAND_MODULES exposes ``register(subparsers)``, which adds its parser
and sets ``handler=<callable(args) -> int>`` as the parser default. Modules are imported lazily
by the entry point so that ``--help`` stays fast and headless commands never import Qt.
"""

COMMAND_MODULES: list[str] = [
    "haydigo_desk.cli.sandbox_cmd",
    "haydigo_desk.cli.db_cmd",
    "haydigo_desk.cli.account_cmd",
    "haydigo_desk.cli.sync_cmd",
    "haydigo_desk.cli.print_cmd",
]
