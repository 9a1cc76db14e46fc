# Sourced by the scripts that need tools from Debian packages.
#   apt_install_missing COMMAND PACKAGE...
# installs the PACKAGEs with apt when COMMAND (a name on the PATH, or an absolute path to an
# executable) is missing; does nothing when it is there. Uses sudo unless already root, and runs
# apt-get update at most once per script.

apt_updated=""

apt_install_missing() {
  local check="$1"
  shift
  if [ "${check#/}" != "$check" ]; then
    [ -x "$check" ] && return 0
  else
    command -v "$check" >/dev/null 2>&1 && return 0
  fi
  echo "Installing $* with apt ($check is missing)..." >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# redis-server and redis-cli: the Redis tests start and drive their own servers with them.
apt_install_redis() {
  apt_install_missing redis-server redis-server redis-tools
  apt_install_missing redis-cli redis-tools
}
