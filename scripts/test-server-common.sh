# What the throwaway test servers' scripts share (pg-test-server.sh, mariadb-test-server.sh). Sourced.

# as_owner USER COMMAND...: as root, COMMAND runs as USER (the servers refuse to run as root); else as is.
as_owner() {
  local user=$1
  shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# server_dir NAME USER: a new folder /tmp/NAME-XXXXXX for a server, owned by USER when run as root.
server_dir() {
  local dir
  dir=$(mktemp -d "/tmp/$1-XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown "$2:$2" "$dir"; fi
  echo "$dir"
}

# free_port FROM TO: the first port of the range nobody listens on at 127.0.0.1; fails when there is none.
free_port() {
  local p
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
