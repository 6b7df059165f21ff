"""`python -m clerkdesk` runs the command line."""

import sys

from clerkdesk.cli import run

sys.exit(run())
