#!/bin/sh
# Puts the signed, notarised ClerkDesk.app in a disk image with a link to
# /Applications. Run by the macOS job of .github/workflows/release.yml after
# `python3 dev.py package`; needs macOS's hdiutil.
set -eu
version=$1
app=dist/ClerkDesk.app
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "ClerkDesk $version" -srcfolder "$stage" -ov -format UDZO \
  "dist/ClerkDesk-$version-macos-$(uname -m).dmg"
rm -rf "$stage"
