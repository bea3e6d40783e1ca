#!/usr/bin/env bash
# Installs the Debian packages the suite's tests run for real: QEMU and its
# firmware, the unprivileged disk tools, mmdebstrap, the OCI registry, and the
# arm64 pieces of the test image. Idempotent: a second run only checks.
set -euo pipefail

packages=(
  qemu-utils qemu-system-x86 qemu-system-arm ovmf qemu-efi-aarch64
  e2fsprogs fdisk dosfstools mtools
  mmdebstrap busybox-static systemd-boot-efi binutils binutils-aarch64-linux-gnu
  docker-registry skopeo git openssl ca-certificates zstd xz-utils nftables
  gnupg
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
  need_update=1
fi

if [ "${#missing[@]}" -gt 0 ] || [ "${need_update:-0}" = 1 ]; then
  # Third-party lists on some machines are unreachable; Debian's own must succeed.
  apt-get update -o Acquire::Retries=3 || echo "apt-get update reported errors (unreachable third-party lists are expected)" >&2
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
