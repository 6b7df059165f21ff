#!/bin/sh
# Adds ClerkDesk to this user's applications menu, pointing at this folder.
# Nothing outside the user's home is touched; run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/_internal/resources/icons/clerkdesk-256.png" "$icons/clerkdesk.png"
sed "s|^Exec=clerkdesk|Exec=\"$here/clerkdesk\"|" "$here/clerkdesk.desktop" > "$apps/clerkdesk.desktop"
echo "ClerkDesk is in your applications menu."
