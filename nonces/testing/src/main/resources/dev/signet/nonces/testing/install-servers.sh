#!/usr/bin/env bash
# Installs Debian's packages named as arguments (redis-server, postgresql) for the nonce stores'
# tests. Run as root; LocalServer runs it when a server's program is missing. Services are not
# started by the packages: the tests start their own servers on free loopback ports.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "install-servers.sh: must run as root (apt-get); install them yourself with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y $*" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
# Keeps the packages' scripts from starting their services on the default ports; removed again.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -q
apt-get install -y -q --no-install-recommends "$@"
