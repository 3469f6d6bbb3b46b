#!/bin/sh
# Install what lgtrend needs to build, test and draw, when it is missing.
# Debian/Ubuntu: apt-get (with sudo when not root).  Quick when all is there.
set -eu
missing=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
have_pc libpcre2-8 || missing="$missing libpcre2-dev"
have_pc check || missing="$missing check"
[ -f /usr/include/csv.h ] || [ -f /usr/local/include/csv.h ] || missing="$missing libcsv-dev"
if [ "${LGTREND_NO_RUNTIME:-}" != 1 ]; then
	command -v gnuplot >/dev/null 2>&1 || missing="$missing gnuplot-nox"
	if command -v fc-list >/dev/null 2>&1; then
		[ -n "$(fc-list :lang=zh family 2>/dev/null)" ] || missing="$missing fonts-noto-cjk"
	else
		missing="$missing fontconfig fonts-noto-cjk"
	fi
fi
[ "${LGTREND_BENCH:-}" = 1 ] && { command -v rg >/dev/null 2>&1 || missing="$missing ripgrep"; }
[ -z "$missing" ] && exit 0
echo "bootstrap: installing$missing" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "bootstrap: please install:$missing (no apt-get here)" >&2
	exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
