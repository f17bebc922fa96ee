# Sourced by install.sh. `apt_get CMD...` runs an apt-get command line, waiting for apt's and
# dpkg's locks rather than failing: a fresh Debian machine often runs unattended upgrades at
# boot. DPkg::Lock::Timeout makes dpkg's lock wait; the loop covers the lists lock that
# `apt-get update` takes, which older apt does not wait for (60 tries, APT_LOCK_RETRY_SECONDS apart).
apt_get() {
  local tries=0 log status
  log=$(mktemp)
  while true; do
    # stderr to the file first, then shown: a `2> >(tee ...)` writes it asynchronously, so the
    # check below could read the file before the lock message reached it (seen under load).
    "$@" -o DPkg::Lock::Timeout=600 2>"$log"
    status=$?
    cat "$log" >&2
    [ $status -eq 0 ] && break
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
