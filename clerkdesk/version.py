"""ClerkDesk's version: the one place it is written (pyproject.toml reads it)."""

VERSION = "0.2.0"
