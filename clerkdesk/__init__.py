"""ClerkDesk: record council committee meetings and write their minutes."""
