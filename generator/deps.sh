#!/bin/sh
# Installs what keukentafel needs on Debian: the packages named on the
# command line (apt-get, when root; otherwise prints the exact command) and
# the pinned npm packages (npm ci, when package-lock.json changed).
set -u
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "keukentafel: installing Debian packages:$missing"
		apt-get update -qq || exit 1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $missing || exit 1
	else
		echo "keukentafel needs these Debian packages; install them with:"
		echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing"
		exit 1
	fi
fi
if [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "keukentafel: npm ci (pinned packages from package-lock.json)"
	npm ci --no-audit --no-fund --loglevel=error || exit 1
	touch node_modules/.package-lock.json
fi
