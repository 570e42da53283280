#!/usr/bin/env bash
# The core's tests and the conformance corpus on aarch64 (鲲鹏, 飞腾 servers), under user-mode
# emulation: cross-compiled with Debian's gcc-aarch64-linux-gnu, run by qemu-aarch64-static
# (called as the cargo runner, so binfmt_misc need not be registered).
#
#   ./scripts/test-aarch64.sh            cargo test -p skillplan for aarch64
#   ./scripts/test-aarch64.sh --python   also: the aarch64 wheel from dist/ in an arm64 Debian
#                                        rootfs (debootstrap, first stage only), Python's
#                                        conformance corpus and bad-input catalogue under qemu
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
started=$SECONDS
step() { printf '\n== aarch64: %s ==\n' "$*"; }

need=()
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu)
# The C library's headers for the cross compiler (a build script compiles C for aarch64: alloca,
# under criterion); only recommended by gcc-aarch64-linux-gnu, so named here.
[ -e /usr/aarch64-linux-gnu/include/stdint.h ] || need+=(libc6-dev-arm64-cross)
command -v qemu-aarch64-static >/dev/null || need+=(qemu-user-static)
if [ "${1:-}" = --python ]; then command -v debootstrap >/dev/null || need+=(debootstrap); fi
if [ ${#need[@]} -gt 0 ]; then
  step "Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rustup target list --installed | grep -qx aarch64-unknown-linux-gnu || rustup target add aarch64-unknown-linux-gnu

step "cargo test -p skillplan (Arrow and workbook input included) under qemu-aarch64"
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64-static -L /usr/aarch64-linux-gnu"
# Fewer proptest cases than on x86_64: the same properties, at emulation speed.
PROPTEST_CASES=${PROPTEST_CASES:-32} cargo test -q -p skillplan --features arrow,workbook \
  --target aarch64-unknown-linux-gnu
echo "core tests on aarch64: $((SECONDS - started)) s"

if [ "${1:-}" = --python ]; then
  step "Python: the aarch64 wheel in an arm64 Debian bookworm rootfs"
  VERSION=$(python3 scripts/versions.py --print)
  wheel=$(ls dist/skillplan-"$VERSION"-cp310-abi3-manylinux2014_aarch64*.whl)
  rootfs="$ROOT/target/arm64-rootfs"
  # The marker is written last: a rootfs whose unpacking was cut short is made anew.
  if [ ! -e "$rootfs/.skillplan-unpacked" ]; then
    rm -rf "$rootfs"
    # The first stage downloads every package and unpacks the base system; the rest (Python,
    # pytest) is unpacked here with dpkg-deb. Nothing is configured, so nothing has to run inside
    # the rootfs (the second stage would need binfmt_misc, which this sandbox has not).
    debootstrap --foreign --arch=arm64 --variant=minbase --include=python3,python3-pytest \
      bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
    for deb in "$rootfs"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
    touch "$rootfs/.skillplan-unpacked"
  fi
  site="$ROOT/target/arm64-site"
  rm -rf "$site" && mkdir -p "$site"
  python3 -m zipfile -e "$wheel" "$site"
  py() { PYTHONPATH="$site" PYTHONDONTWRITEBYTECODE=1 qemu-aarch64-static -L "$rootfs" "$rootfs/usr/bin/python3" "$@"; }
  seen=$(py -c 'import platform, skillplan; print(platform.machine(), skillplan.__version__, skillplan.__file__)')
  echo "$seen"
  [[ "$seen" == "aarch64 $VERSION $site/"* ]] || { echo "not the aarch64 wheel under qemu: $seen" >&2; exit 1; }
  (cd bindings-python && SKILLPLAN_INSTALLED="$site" py -m pytest -q -p no:cacheprovider \
    tests/test_conformance.py tests/test_bad_inputs.py)
  echo "with Python on aarch64: $((SECONDS - started)) s"
fi
