#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Ministerial in build/, and opens the
# bundled sample plan, all without installing anything of the project.
#
#   build-aux/run.sh            open the sample plan
#   build-aux/run.sh ARGS...    run build/src/ministerial ARGS... instead
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

build-aux/setup-deps.sh

if [[ -f build/meson-private/coredata.dat ]]; then
  meson setup --reconfigure build
else
  meson setup build
fi
ninja -C build

# Uninstalled run: the schema compiled into build/data, the icons from data/.
export GSETTINGS_SCHEMA_DIR="$repo/build/data"
export XDG_DATA_DIRS="$repo/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

if [[ $# -eq 0 ]]; then
  set -- data/samples/north-american-defense-ministerial-2014.ministerial
fi
exec build/src/ministerial "$@"
