# Shared by scripts/test and scripts/bench/run: install the system packages a run needs,
# from the distribution, when a command or file they provide is missing.
#
#   need_command COMMAND PACKAGE    queue PACKAGE unless COMMAND is on PATH (or an executable path)
#   need_file FILE PACKAGE          queue PACKAGE unless FILE exists
#   install_needed WHO              install what was queued (WHO prefixes the messages)

needed_packages=()

need_command() {
  command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || needed_packages+=("$2")
}

need_file() {
  [ -e "$1" ] || needed_packages+=("$2")
}

install_needed() {
  ((${#needed_packages[@]})) || return 0
  echo "$1: installing ${needed_packages[*]}" >&2
  if command -v apt-get >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed_packages[@]}" >&2
  elif command -v dnf >/dev/null; then
    dnf install -y -q "${needed_packages[@]}" >&2
  else
    echo "$1: please install: ${needed_packages[*]}" >&2
    exit 1
  fi
  needed_packages=()
}
