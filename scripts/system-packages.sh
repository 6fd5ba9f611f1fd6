#!/usr/bin/env bash
# The system packages ikm-readiness needs (Debian/Ubuntu names): the one list, used by the
# Makefile (`check`), by .ci/run (`install`) and named in the README.
#
#   scripts/system-packages.sh check   [run|test]   # what is missing? exit 1 and the command
#   scripts/system-packages.sh install [run|test]   # apt-get update + install what is missing (root)
#
# `run` is what `make run` needs (Python 3.11 with venv, and for the PDF report Pango,
# HarfBuzz's subsetter and a font); `test` adds what the tests need (Chromium and its driver
# for the browser tests, poppler-utils for the page images, Node.js and npm to install the
# pinned axe-core of the accessibility test). The default is `test`.
#
# `check` prints the exact `apt-get install ...` command for what is missing and exits 1. It
# installs instead only when it runs as root with CI=true (a throw-away CI machine), so that
# a developer's machine is never changed behind their back.
#
# libharfbuzz-subset0 matters for more than speed: without it WeasyPrint subsets the fonts
# with fontTools instead (the report stays deterministic either way, see assessment/report).
set -euo pipefail

RUN_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
TEST_PACKAGES=(chromium chromium-driver poppler-utils nodejs)
PYTHON="${PYTHON:-python3.11}"
NPM="${NPM:-npm}" # Debian's nodejs comes without npm; a Node.js of its own may bring it

usage() {
  echo "usage: $0 check|install [run|test]" >&2
  exit 2
}

mode="${1:-}"
group="${2:-test}"
case "$mode" in check | install) ;; *) usage ;; esac
case "$group" in run | test) ;; *) usage ;; esac

wanted=("${RUN_PACKAGES[@]}")
[ "$group" = test ] && wanted+=("${TEST_PACKAGES[@]}")

installed() { # a Debian package is installed
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
# Python: only when the interpreter cannot make a virtual environment (a Python built from
# source has venv and ensurepip without Debian's packages)
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
  command -v "$PYTHON" >/dev/null 2>&1 || missing+=(python3.11)
  missing+=(python3.11-venv)
fi
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${wanted[@]}"; do
    installed "$package" || missing+=("$package")
  done
  # npm: only when no npm command is there (Debian's package, or one that came with Node.js)
  if [ "$group" = test ] && ! command -v "$NPM" >/dev/null 2>&1; then
    missing+=(npm)
  fi
else
  echo "system-packages: not a Debian-like system; make sure the equivalents of these" \
    "are installed: ${wanted[*]}" >&2
fi

command_line="apt-get install -y --no-install-recommends ${missing[*]:-}"

install_missing() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "system-packages: installing needs root; run: sudo $command_line" >&2
    exit 1
  fi
  echo "system-packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$mode" = install ] || { [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; }; then
  install_missing
  exit 0
fi
echo "Missing system packages for \`make $group\`: ${missing[*]}" >&2
echo "Install them with:" >&2
if [ "$(id -u)" -eq 0 ]; then
  echo "  apt-get update && $command_line" >&2
else
  echo "  sudo apt-get update && sudo $command_line" >&2
fi
exit 1
