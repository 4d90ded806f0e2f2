#!/usr/bin/env bash
# Installs Debian's Chromium and its driver for the browser tests (dev.signet.sample.e2e).
# Run as root; the tests' set-up runs it when /usr/bin/chromium or /usr/bin/chromedriver is
# missing. It installs Debian's packages only: no browser or driver is downloaded from anywhere
# else, and Selenium is pointed at these two files so that Selenium Manager never runs.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium.sh: must run as root (apt-get); install them yourself with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium chromium-driver
# A package that is installed but whose file was removed by hand is installed again.
[ -x /usr/bin/chromium ] || apt-get install -y -q --reinstall chromium
[ -x /usr/bin/chromedriver ] || apt-get install -y -q --reinstall chromium-driver
/usr/bin/chromium --version
/usr/bin/chromedriver --version
