#!/usr/bin/env bash
# Network faults for Parley's tests: each peer of a call in its own Linux network namespace,
# joined to the host by a veth pair on one bridge, so that nftables rules inside a namespace can
# cut or thin out that peer's traffic without touching the other peers or the servers on the host.
#
#   netns.sh up NAME            create namespace parley-NAME on bridge parley0 and print
#                               "address=A" (its address) and "gateway=G" (the host's, where
#                               servers listen for it); the bridge is made with the first one
#   netns.sh cut NAME [KEEP...] drop the namespace's packets both ways, all but loopback and the
#                               TCP connections to each KEEP (HOST:PORT): keep the XMPP server to
#                               cut media (UDP and ICE-TCP alike) and leave signaling up
#   netns.sh loss NAME PERCENT [KEEP...]
#                               drop PERCENT % of its packets at random, both ways, sparing the
#                               TCP connections to each KEEP (HOST:PORT)
#   netns.sh heal NAME          remove every rule: the path is back
#   netns.sh exec NAME CMD...   run CMD inside the namespace
#   netns.sh down NAME          remove the namespace, its link and its rules; the bridge goes
#                               with the last namespace
#   netns.sh down-all           remove every parley- namespace and the bridge (after a crash)
#   netns.sh check              exit 0 when namespaces and nftables can be used here, else say why
#   netns.sh cut-udp FROM-TO    on the host: drop UDP from and to ports FROM-TO (a server's media
#                               range, Janus's say), loopback included; its TCP stays up
#   netns.sh heal-udp           on the host: remove that rule
#
# Settings, from the environment (defaults in brackets):
#   PARLEY_FAULT_NET [10.77.0]  the /24 the bridge (.1) and the namespaces (.2 to .254) use
# Needs CAP_NET_ADMIN (root), iproute2 and nftables. Rules live in a table inside the
# namespace, so removing the namespace removes them; nothing is changed on the host but the
# bridge, the host ends of the veth pairs and, between cut-udp and heal-udp, the table
# inet parley_udp_cut.
set -euo pipefail

die() { echo "netns.sh: $*" >&2; exit 1; }

net=${PARLEY_FAULT_NET:-10.77.0}
bridge=parley0
gateway="$net.1"
prefix=parley-

ns_of() {
  [[ "$1" =~ ^[a-z0-9-]{1,20}$ ]] || die "namespace name '$1' must be 1-20 of a-z, 0-9 and '-'"
  echo "$prefix$1"
}

exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

check() {
  command -v ip >/dev/null || die "iproute2 is not installed (run src/scripts/install-deps.sh)"
  command -v nft >/dev/null || die "nftables is not installed (run src/scripts/install-deps.sh)"
  local probe="${prefix}probe-$$"
  ip netns add "$probe" 2>/dev/null || die "cannot create a network namespace: CAP_NET_ADMIN (root) is needed"
  local ok=0
  ip netns exec "$probe" nft add table inet parley_probe 2>/dev/null || ok=1
  ip netns del "$probe"
  [ $ok = 0 ] || die "nftables cannot add a table inside a namespace here"
}

ensure_bridge() {
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "$gateway/24" dev "$bridge"
    ip link set "$bridge" up
  fi
}

# The lowest host number in 2..254 no namespace uses yet.
free_host() {
  local used n
  used=$(for ns in $(ip netns list | awk '{print $1}' | grep "^$prefix" || true); do
    ip netns exec "$ns" ip -4 -o addr show 2>/dev/null | awk '{print $4}' | grep "^$net\." | cut -d/ -f1 | cut -d. -f4
  done)
  for n in $(seq 2 254); do
    grep -qx "$n" <<<"$used" || { echo "$n"; return; }
  done
  die "no free address left in $net.0/24"
}

rules() {
  local ns=$1
  ip netns exec "$ns" nft add table inet parley_faults
  ip netns exec "$ns" nft add chain inet parley_faults input '{ type filter hook input priority 0; }'
  ip netns exec "$ns" nft add chain inet parley_faults output '{ type filter hook output priority 0; }'
}

# Replaces the namespace's rules: loopback and the TCP connections to each KEEP (HOST:PORT)
# pass, every other packet in and out meets VERDICT ("drop", or a random drop).
set_rules() {
  local ns=$1 verdict=$2 keep host port
  shift 2
  ip netns exec "$ns" nft flush table inet parley_faults
  ip netns exec "$ns" nft add rule inet parley_faults input iif lo accept
  ip netns exec "$ns" nft add rule inet parley_faults output oif lo accept
  for keep in "$@"; do
    [[ "$keep" =~ ^([0-9.]+):([0-9]+)$ ]] || die "keep '$keep' is not HOST:PORT"
    host=${BASH_REMATCH[1]}; port=${BASH_REMATCH[2]}
    ip netns exec "$ns" nft add rule inet parley_faults input ip saddr "$host" tcp sport "$port" accept
    ip netns exec "$ns" nft add rule inet parley_faults output ip daddr "$host" tcp dport "$port" accept
  done
  ip netns exec "$ns" nft add rule inet parley_faults input $verdict
  ip netns exec "$ns" nft add rule inet parley_faults output $verdict
}

cmd=${1:-}
case "$cmd" in
  check)
    check
    ;;
  up)
    ns=$(ns_of "${2:?usage: netns.sh up NAME}")
    check
    exists "$ns" && die "namespace $ns exists already; netns.sh down ${2} first"
    ensure_bridge
    host=$(free_host)
    ip netns add "$ns"
    ip link add "pvh$host" type veth peer name "pvn$host"
    ip link set "pvn$host" netns "$ns"
    ip link set "pvh$host" master "$bridge"
    ip link set "pvh$host" up
    ip netns exec "$ns" ip addr add "$net.$host/24" dev "pvn$host"
    ip netns exec "$ns" ip link set "pvn$host" up
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip route add default via "$gateway"
    rules "$ns"
    echo "address=$net.$host"
    echo "gateway=$gateway"
    ;;
  cut)
    ns=$(ns_of "${2:?usage: netns.sh cut NAME [KEEP...]}")
    exists "$ns" || die "no namespace $ns"
    shift 2
    set_rules "$ns" drop "$@"
    ;;
  loss)
    ns=$(ns_of "${2:?usage: netns.sh loss NAME PERCENT [KEEP...]}")
    percent=${3:?usage: netns.sh loss NAME PERCENT [KEEP...]}
    [[ "$percent" =~ ^[0-9]+$ ]] && [ "$percent" -le 100 ] || die "loss must be a percentage 0-100, not '$percent'"
    exists "$ns" || die "no namespace $ns"
    shift 3
    set_rules "$ns" "numgen random mod 100 < $percent drop" "$@"
    ;;
  heal)
    ns=$(ns_of "${2:?usage: netns.sh heal NAME}")
    exists "$ns" || die "no namespace $ns"
    ip netns exec "$ns" nft flush table inet parley_faults
    ;;
  exec)
    ns=$(ns_of "${2:?usage: netns.sh exec NAME CMD...}")
    shift 2
    exists "$ns" || die "no namespace $ns"
    exec ip netns exec "$ns" "$@"
    ;;
  down)
    ns=$(ns_of "${2:?usage: netns.sh down NAME}")
    if exists "$ns"; then
      # processes still inside would keep nothing alive, but would lose their network
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
      ip netns del "$ns"
    fi
    if ! ip netns list | awk '{print $1}' | grep -q "^$prefix"; then
      ip link del "$bridge" 2>/dev/null || true
    fi
    ;;
  down-all)
    for ns in $(ip netns list | awk '{print $1}' | grep "^$prefix" || true); do
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
      ip netns del "$ns"
    done
    ip link del "$bridge" 2>/dev/null || true
    ;;
  cut-udp)
    range=${2:?usage: netns.sh cut-udp FROM-TO}
    [[ "$range" =~ ^[0-9]{1,5}-[0-9]{1,5}$ ]] || die "port range '$range' is not FROM-TO"
    nft delete table inet parley_udp_cut 2>/dev/null || true
    nft add table inet parley_udp_cut
    nft add chain inet parley_udp_cut input '{ type filter hook input priority 0; }'
    nft add rule inet parley_udp_cut input udp sport "$range" drop
    nft add rule inet parley_udp_cut input udp dport "$range" drop
    ;;
  heal-udp)
    nft delete table inet parley_udp_cut 2>/dev/null || true
    ;;
  *) die "usage: netns.sh up|cut|loss|heal|exec|down|down-all|check|cut-udp|heal-udp ..." ;;
esac
