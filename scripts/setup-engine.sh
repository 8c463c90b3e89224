#!/usr/bin/env bash
# Makes a fresh Debian machine ready for the demo and the tests: Debian's Docker engine, its
# registry (the tests mirror images through it on 127.0.0.1), podman (the other runtime the
# action supports; it needs no daemon), a static busybox (the root file system of the stand-in
# CLI image), a static tini (the init of the test image that ends with exit code 143) and openssl
# (the tests make a private root certificate). Starts dockerd when no engine answers. Safe to
# run twice.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
[ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1 || missing+=(busybox-static)
[ -x /usr/bin/tini-static ] || missing+=(tini)
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if docker version >/dev/null 2>&1; then
  echo "A Docker engine answers: $(docker version --format '{{.Server.Version}}')"
  exit 0
fi

# No engine answers: start Debian's dockerd. --iptables=false needs no firewall changes and,
# with no NAT, containers on the default bridge reach no network at all, as in an enclave.
log="${TMPDIR:-/tmp}/dockerd.log"
echo "Starting dockerd (log: $log)"
as_root sh -c "nohup dockerd --iptables=false >'$log' 2>&1 &"
for _ in $(seq 1 60); do
  if docker version >/dev/null 2>&1; then
    echo "Docker engine started: $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 0.5
done
echo "dockerd did not answer within 30 s; see $log" >&2
tail -n 20 "$log" >&2 || true
exit 1
