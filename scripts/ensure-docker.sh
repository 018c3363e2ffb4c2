#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock, installing and starting one when
# this machine has none and we have the rights to (root). Idempotent: an answering engine is left alone.
set -euo pipefail

SOCK=/var/run/docker.sock

engine_answers() {
  curl -sf --max-time 3 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1
}

if command -v curl >/dev/null 2>&1 && engine_answers; then
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "ensure-docker: no Docker engine answers on $SOCK and we are not root; start one and retry" >&2
  exit 1
fi

need_install=()
command -v curl >/dev/null 2>&1 || need_install+=(curl)
command -v dockerd >/dev/null 2>&1 || need_install+=(docker.io)
[ -x /bin/busybox ] && busybox --list 2>/dev/null | grep -qx httpd || need_install+=(busybox-static)
command -v openssl >/dev/null 2>&1 || need_install+=(openssl)
command -v ip >/dev/null 2>&1 || need_install+=(iproute2)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "ensure-docker: installing ${need_install[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

if engine_answers; then
  exit 0
fi

echo "ensure-docker: starting dockerd"
mkdir -p /var/log
# setsid: the engine outlives the build that started it, so later test runs share it.
setsid nohup dockerd >/var/log/powernode-dockerd.log 2>&1 < /dev/null &

for _ in $(seq 1 60); do
  if engine_answers; then
    echo "ensure-docker: engine answers"
    exit 0
  fi
  sleep 1
done
echo "ensure-docker: dockerd did not answer within 60s; see /var/log/powernode-dockerd.log" >&2
tail -20 /var/log/powernode-dockerd.log >&2 || true
exit 1
