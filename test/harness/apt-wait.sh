# Sourced by install.sh. `apt_get CMD...` runs an apt-get command line, waiting for apt's and
# dpkg's locks rather than failing: a fresh Debian machine often runs unattended upgrades at
# boot. DPkg::Lock::Timeout makes dpkg's lock wait; the loop covers the lists lock that
# `apt-get update` takes, which older apt does not wait for (60 tries, APT_LOCK_RETRY_SECONDS apart).
apt_get() {
  local tries=0 log
  log=$(mktemp)
  until "$@" -o DPkg::Lock::Timeout=600 2> >(tee "$log" >&2); do
    if grep -q 'Could not get lock\|Unable to acquire\|is held by process' "$log" && [ $tries -lt 60 ]; then
      tries=$((tries + 1))
      echo "harness: waiting for another apt-get to finish ($tries)"
      sleep "${APT_LOCK_RETRY_SECONDS:-10}"
    else
      rm -f "$log"
      return 1
    fi
  done
  rm -f "$log"
}
