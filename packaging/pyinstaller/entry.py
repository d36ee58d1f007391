"""Script PyInstaller freezes: the same entry point as the ``haydigo-desk`` console script."""

import sys

from haydigo_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
