#!/usr/bin/env bash
# Proves the release binary runs with no Swift installed: builds a minimal root filesystem holding
# only dist/dbapi (binary, config/, queries/) and the binary's ldd closure, then runs sample
# operations inside it with chroot (needs root). Prints the libraries copied and the results.
# Usage: scripts/check-static-binary.sh   (after scripts/build-release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=dist/dbapi/dbapi
[ -x "$BIN" ] || { echo "run scripts/build-release.sh first" >&2; exit 1; }
ROOTFS="$(mktemp -d /tmp/dbapi-rootfs.XXXXXX)"
cleanup() { umount "$ROOTFS/proc" 2>/dev/null || true; umount "$ROOTFS/dev" 2>/dev/null || true; rm -rf "$ROOTFS"; }
trap cleanup EXIT
mkdir -p "$ROOTFS/app" "$ROOTFS/tmp" "$ROOTFS/proc" "$ROOTFS/dev"
# Kernel interfaces every real system has: Swift reads its arguments from /proc/self/cmdline and
# Foundation's UUIDs come from /dev/urandom. They hold no files of ours.
mount -t proc proc "$ROOTFS/proc"
mount --bind /dev "$ROOTFS/dev"
cp -R dist/dbapi/dbapi dist/dbapi/config dist/dbapi/queries "$ROOTFS/app/"
echo "libraries copied into the root filesystem:"
for lib in $(ldd "$BIN" | grep -o '/[^ ]*' | sort -u); do
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp -L "$lib" "$ROOTFS$lib"
  echo "  $lib"
done
echo "files in the root filesystem (without /proc, /dev): $(find "$ROOTFS" -path "$ROOTFS/proc" -prune -o -path "$ROOTFS/dev" -prune -o -type f -print | wc -l); named *swift*: $(find "$ROOTFS" -path "$ROOTFS/proc" -prune -o -path "$ROOTFS/dev" -prune -o -name '*swift*' -print | wc -l)"
status=0
chroot "$ROOTFS" /app/dbapi --version || status=1
chroot "$ROOTFS" /app/dbapi run example/echo --param message=from-chroot --root /app || status=1
echo
chroot "$ROOTFS" /app/dbapi run inventory/status --param sku=KIT-1001 --root /app --format table || status=1
[ "$status" = 0 ] && echo "OK: the static binary runs in a root filesystem without Swift" || echo "FAILED"
exit "$status"
