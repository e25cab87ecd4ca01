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
         usr/share/applications/odbc-agent-studio.desktop usr/share/metainfo/org.odbcagentstudio.Studio.metainfo.xml \
         usr/share/man/man1/ODBCAgentExp.1.gz usr/share/man/man1/ODBCAgentImp.1.gz usr/share/man/man1/odbc-agent.1.gz \
         usr/share/man/man1/odbc-agent-studio.1.gz usr/share/bash-completion/completions/odbc-agent \
         usr/share/doc/odbc-agent-studio/copyright usr/share/doc/odbc-agent-studio/changelog.gz \
         usr/share/doc/odbc-agent-studio/sync.md usr/share/doc/odbc-agent-studio/journal.md; do
  [ -e "$WORK/root/$f" ] || { echo "package-check: $f missing from $(basename "$DEB")" >&2; exit 1; }
done
dpkg-deb -f "$DEB" Depends | grep -q 'libsqliteodbc' || { echo "package-check: ODBC drivers missing from Depends" >&2; exit 1; }
# The man pages are the programs' own help texts (help2man): the options the programs know are there.
zcat "$WORK/root/usr/share/man/man1/ODBCAgentImp.1.gz" | grep -q 'dry\\-run' \
  || { echo "package-check: ODBCAgentImp(1) does not document --dry-run" >&2; exit 1; }
zcat "$WORK/root/usr/share/man/man1/odbc-agent.1.gz" | grep -q 'schedule FILE.sync' \
  || { echo "package-check: odbc-agent(1) does not document schedule" >&2; exit 1; }
# Bash completion: the commands, and a command's options.
complete_words() {
  bash -c 'source /usr/share/bash-completion/bash_completion 2>/dev/null; source "$1"; shift
           COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
           _odbc_agent odbc-agent "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$WORK/root/usr/share/bash-completion/completions/odbc-agent" "$@"
}
if [ -f /usr/share/bash-completion/bash_completion ]; then
  complete_words odbc-agent sy | grep -qx sync || { echo "package-check: completion of 'odbc-agent sy' lacks sync" >&2; exit 1; }
  complete_words odbc-agent sync x.sync --dr | grep -qx -- --dry-run \
    || { echo "package-check: completion of sync options lacks --dry-run" >&2; exit 1; }
fi
# lintian: no errors and no warnings.
if command -v lintian >/dev/null; then
  lintian "$DEB" >"$WORK/lintian.txt" 2>&1 || true
  if grep -E '^[EW]: ' "$WORK/lintian.txt" >&2; then
    echo "package-check: lintian has the findings above" >&2; exit 1
  fi
fi
BIN="$WORK/root/usr/bin"
"$BIN/ODBCAgentExp" | grep -q '^usage: ODBCAgentExp' || { echo "package-check: installed ODBCAgentExp gives no help" >&2; exit 1; }
"$BIN/odbc-agent" --version | grep -q '^odbc-agent ' || { echo "package-check: installed odbc-agent gives no version" >&2; exit 1; }
"$BIN/odbc-agent" demo create "$WORK/ws" >/dev/null
(cd "$WORK/ws" && "$BIN/ODBCAgentExp" -f employees.ini -o out.txt 2>"$WORK/export.err") \
  || { cat "$WORK/export.err" >&2; exit 1; }
grep -q '200 rows read, 200 records written' "$WORK/export.err" || { cat "$WORK/export.err" >&2; exit 1; }
echo "package-check: $(basename "$DEB") unpacked, its agents run from the installed location"
