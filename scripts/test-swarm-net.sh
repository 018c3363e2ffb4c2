#!/usr/bin/env bash
# Network plumbing for a test swarm (see sagas' TestSwarm): a private switch and, per node, a named network
# namespace plugged into it by a veth pair; the host reaches every node through one veth of its own.
#
# The switch is a bridge inside a namespace of its own, PREFIX, not in the host's: the host has
# br_netfilter on (net.bridge.bridge-nf-call-iptables=1) and the main engine's FORWARD policy is DROP, so
# frames between two nodes on a host-side bridge would be dropped, and opening them up would mean editing the
# host's firewall. Every name starts with PREFIX (switch namespace PREFIX, host veth PREFIX, node namespaces
# PREFIX-<n>), so "down" finds all of it again, also after an aborted run. Both commands are idempotent.
#
#   test-swarm-net.sh up   PREFIX HOST_CIDR NODE_CIDR...   e.g. up pnsw0 10.213.77.1/24 10.213.77.11/24 …
#   test-swarm-net.sh down PREFIX STATE_DIR
#
# "down" also ends what a swarm left running: the dockerd of each node (by the pid files under STATE_DIR),
# then any process still started from STATE_DIR (containerd, shims, their containers) or still inside a
# node namespace, unmounts whatever is mounted under STATE_DIR, and removes STATE_DIR.
set -euo pipefail

netns_exists() {
  [ -e "/var/run/netns/$1" ]
}

up() {
  local prefix=$1 host_cidr=$2
  shift 2
  netns_exists "$prefix" || ip netns add "$prefix"
  if ! ip -n "$prefix" link show br0 >/dev/null 2>&1; then
    ip -n "$prefix" link add br0 type bridge
  fi
  ip -n "$prefix" link set br0 up
  if ! ip link show "$prefix" >/dev/null 2>&1; then
    ip link add "$prefix" type veth peer name uplink netns "$prefix"
  fi
  ip -n "$prefix" link set uplink master br0 up
  ip addr replace "$host_cidr" dev "$prefix"
  ip link set "$prefix" up
  local n=0 node_cidr ns
  for node_cidr in "$@"; do
    n=$((n + 1))
    ns="$prefix-$n"
    netns_exists "$ns" || ip netns add "$ns"
    if ! ip -n "$prefix" link show "node$n" >/dev/null 2>&1; then
      ip -n "$prefix" link add "node$n" type veth peer name eth0 netns "$ns"
    fi
    ip -n "$prefix" link set "node$n" master br0 up
    ip -n "$ns" addr replace "$node_cidr" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
  done
}

# pids whose command line or working directory mentions the state dir, plus all their descendants
pids_of_state_dir() {
  local dir=$1 pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -qF "$dir/"; then
      echo "$pid"
      descendants "$pid"
    fi
  done
}

descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

kill_and_wait() {
  local signal=$1
  shift
  [ $# -gt 0 ] || return 0
  kill "-$signal" "$@" 2>/dev/null || true
  local _ pid alive
  for _ in $(seq 1 100); do
    alive=0
    for pid in "$@"; do
      [ -d "/proc/$pid" ] && alive=1
    done
    [ $alive = 0 ] && return 0
    sleep 0.1
  done
}

down() {
  local prefix=$1 dir=$2 pidfile pid ns
  if [ -d "$dir" ]; then
    # dockerd first, gently: it stops its containers and its containerd on the way out
    local daemons=()
    for pidfile in "$dir"/*/docker.pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      [ -d "/proc/$pid" ] && daemons+=("$pid")
    done
    kill_and_wait TERM "${daemons[@]}"
    # shellcheck disable=SC2046
    kill_and_wait KILL $(pids_of_state_dir "$dir" | sort -u)
  fi
  for ns in $(ip netns list | awk '{print $1}' | grep -E "^$prefix-[0-9]+$" || true); do
    # shellcheck disable=SC2046
    kill_and_wait KILL $(ip netns pids "$ns")
    ip netns delete "$ns"
  done
  if [ -d "$dir" ]; then
    # deepest first; lazily, a mount some late process still holds must not stop the cleanup
    awk -v d="$dir/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r mount; do
      umount -l "$mount" 2>/dev/null || true
    done
    rm -rf --one-file-system "$dir"
  fi
  # deleting the switch namespace deletes its veths, and with them their peers, the host's one included
  if netns_exists "$prefix"; then
    ip netns delete "$prefix"
  fi
  # ... but the kernel drops that peer asynchronously: it may vanish between a check and a delete, so a
  # delete that finds nothing is fine; only a link that is still there afterwards is a failure
  ip link delete "$prefix" 2>/dev/null || true
  if ip link show "$prefix" >/dev/null 2>&1; then
    echo "test-swarm-net: could not delete link $prefix" >&2
    exit 1
  fi
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) shift; down "$@" ;;
  *) echo "usage: $0 up PREFIX HOST_CIDR NODE_CIDR... | down PREFIX STATE_DIR" >&2; exit 2 ;;
esac
