#!/usr/bin/env bash
# Installs every Debian package ODBC Agent Studio needs to build, test and run.
# Idempotent; run as root on Debian 12. Packages already present are left alone.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libqt6sql6-odbc libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 help2man lintian bash-completion
  libqscintilla2-qt6-dev libspdlog-dev libfmt-dev libxxhash-dev libsodium-dev qtkeychain-qt6-dev
  unixodbc unixodbc-dev libsqlite3-dev odbc-postgresql libsqliteodbc odbc-mariadb
  postgresql sqlite3 mariadb-server mariadb-client time
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run this script as root (or with sudo) to install them" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
echo "setup: done"
