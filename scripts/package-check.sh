#!/usr/bin/env bash
# The installer test: builds the Debian package (CPack) from the build folder, unpacks it into a scratch
# root, checks its files, and runs the installed agents: help, version, and a real export of the demo
# workspace from the installed location.
# Usage: scripts/package-check.sh BUILD_DIR
set -euo pipefail
BUILD=$(cd "${1:?usage: package-check.sh BUILD_DIR}" && pwd)
WORK=$(mktemp -d /tmp/oas-package-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
(cd "$BUILD" && cpack -G DEB -B "$WORK/out" >"$WORK/cpack.log" 2>&1) || { cat "$WORK/cpack.log" >&2; exit 1; }
DEB=$(ls "$WORK"/out/*.deb)
dpkg-deb -x "$DEB" "$WORK/root"
for f in usr/bin/ODBCAgentExp usr/bin/ODBCAgentImp usr/bin/odbc-agent usr/bin/odbc-agent-studio \
         usr/share/applications/odbc-agent-studio.desktop usr/share/metainfo/org.odbcagentstudio.Studio.metainfo.xml; do
  [ -e "$WORK/root/$f" ] || { echo "package-check: $f missing from $(basename "$DEB")" >&2; exit 1; }
done
dpkg-deb -f "$DEB" Depends | grep -q 'libsqliteodbc' || { echo "package-check: ODBC drivers missing from Depends" >&2; exit 1; }
BIN="$WORK/root/usr/bin"
"$BIN/ODBCAgentExp" | grep -q '^usage: ODBCAgentExp' || { echo "package-check: installed ODBCAgentExp gives no help" >&2; exit 1; }
"$BIN/odbc-agent" --version | grep -q '^odbc-agent ' || { echo "package-check: installed odbc-agent gives no version" >&2; exit 1; }
"$BIN/odbc-agent" demo create "$WORK/ws" >/dev/null
(cd "$WORK/ws" && "$BIN/ODBCAgentExp" -f employees.ini -o out.txt 2>"$WORK/export.err") \
  || { cat "$WORK/export.err" >&2; exit 1; }
grep -q '200 rows read, 200 records written' "$WORK/export.err" || { cat "$WORK/export.err" >&2; exit 1; }
echo "package-check: $(basename "$DEB") unpacked, its agents run from the installed location"
