# Sourced by the ensure-*.sh scripts: install Debian packages when a check fails, one apt-get at a time,
# failing loudly when it cannot. Usage: ensure_packages "<what>" <check-function> <package>…
ensure_packages() {
  local what="$1" check="$2"
  shift 2
  if "$check"; then return 0; fi

  echo "$what missing: installing $* with apt-get…" >&2
  # Jest runs test files in parallel workers: only one of them may run apt-get at a time; the others wait here
  # and then find the packages installed.
  exec 9>"${TMPDIR:-/tmp}/tong-hop-bao-cao-apt.lock"
  flock 9
  if "$check"; then
    echo "$what: installed meanwhile by another test worker" >&2
    return 0
  fi

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo -n"
    else
      echo "ERROR: $what is missing and this user cannot run apt-get (not root, no sudo)." >&2
      echo "       Install it yourself: apt-get install -y --no-install-recommends $*" >&2
      exit 1
    fi
  fi
  if ! $sudo apt-get -o DPkg::Lock::Timeout=600 update -q; then
    echo "ERROR: apt-get update failed; cannot install $what." >&2
    exit 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@"; then
    echo "ERROR: apt-get install $* failed." >&2
    exit 1
  fi
  if ! "$check"; then
    echo "ERROR: $what was installed but is still not usable." >&2
    exit 1
  fi
}
