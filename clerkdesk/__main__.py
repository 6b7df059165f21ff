"""`python -m clerkdesk` runs the command line."""

import sys

from clerkdesk.cli import main

sys.exit(main())
