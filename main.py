"""Start ClerkDesk: `python main.py` does what the `clerkdesk` command does."""

import sys

from clerkdesk.cli import run

if __name__ == "__main__":
    sys.exit(run())
