# Sourced by scripts/run and scripts/test: `ensure_venv EXTRAS` makes .venv and installs the
# project with those extras, only when pyproject.toml (or the extras) changed since the last
# install that succeeded: a fresh clone installs, an unchanged one starts at once.

ensure_venv() {
  local extras="$1" stamp=".venv/.installed-${1//,/-}" want
  want="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read()).hexdigest())')"
  if [ -x .venv/bin/python ] && [ -x .venv/bin/mentorbot ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  echo "Installing Mentorbot and its dependencies into .venv (first run, or pyproject.toml changed)…" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  # setuptools boxes an "editable installation" notice that asks nothing of the reader.
  PYTHONWARNINGS="ignore::UserWarning:setuptools.command.editable_wheel" \
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
  echo "$want" >"$stamp"
}
