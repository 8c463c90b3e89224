#!/bin/sh
# Runs inside `docker build` (see Dockerfile and docs/building-the-image.md). It checks each
# transferred archive three ways before unpacking it: the file must be listed in
# files/SHA256SUMS, that checksum must equal the one given as a build argument (which the image's
# labels record), and `sha256sum -c` must confirm the file. Then it unpacks into /app.
#
#   verify-and-install.sh cli         the Databricks CLI release archive -> /app/databricks
#   verify-and-install.sh terraform   Terraform -> /app/bin/terraform, the Databricks provider
#                                     archive -> a filesystem mirror under /app/providers, and
#                                     /app/config/config.tfrc
#
# It needs only the base image's sh, sha256sum, unzip, uname, mkdir, cp, chmod and rm, and it
# opens no network connection: build with --network none.
set -eu

FILES=/build/files
CHECK_FILE=/tmp/verify-and-install.sha256
MIRROR=/app/providers/registry.terraform.io/databricks/databricks
CR="$(printf '\r')"

main() {
  case "${1:-}" in
    cli) install_cli ;;
    terraform) install_terraform ;;
    *) fail "usage: verify-and-install.sh cli|terraform" ;;
  esac
}

install_cli() {
  require_version CLI_VERSION 'the Databricks CLI version, e.g. 0.298.0 (no "v")'
  require_checksum CLI_SHA256 'the SHA-256 of the CLI release archive'
  require_arch
  if [ -e /app ]; then
    fail "the base image already has /app. Choose a base image without it, so that /app holds" \
      "only what this build verified."
  fi

  archive="databricks_cli_${CLI_VERSION}_linux_${ARCH}.zip"
  verify "$archive" "$CLI_SHA256" CLI_SHA256

  mkdir -p /app
  # The release archive also holds licence and readme files; only the binary is installed.
  unzip -q -o "$FILES/$archive" databricks -d /app ||
    fail "$archive has no file named databricks at its top level; is it the CLI release archive?"
  chmod 0755 /app/databricks

  reported="$(/app/databricks --version)" || fail "/app/databricks --version failed."
  if [ "$reported" != "Databricks CLI v$CLI_VERSION" ]; then
    fail "/app/databricks reports \"$reported\", not version $CLI_VERSION as its archive name says."
  fi
  say "installed /app/databricks, $reported."
}

install_terraform() {
  require_version TERRAFORM_VERSION 'the Terraform version, e.g. 1.5.5. The with-terraform' \
    'target (the default) bakes Terraform in; for an image without it, build' \
    '--target direct-only'
  require_checksum TERRAFORM_SHA256 'the SHA-256 of the Terraform release archive'
  require_version PROVIDER_VERSION 'the Databricks Terraform provider version, e.g. 1.113.0'
  require_checksum PROVIDER_SHA256 'the SHA-256 of the provider release archive'
  require_arch

  terraform_archive="terraform_${TERRAFORM_VERSION}_linux_${ARCH}.zip"
  provider_archive="terraform-provider-databricks_${PROVIDER_VERSION}_linux_${ARCH}.zip"
  verify "$terraform_archive" "$TERRAFORM_SHA256" TERRAFORM_SHA256
  verify "$provider_archive" "$PROVIDER_SHA256" PROVIDER_SHA256
  check_against_cli

  mkdir -p /app/bin
  unzip -q -o "$FILES/$terraform_archive" terraform -d /app/bin ||
    fail "$terraform_archive has no file named terraform; is it the Terraform release archive?"
  chmod 0755 /app/bin/terraform
  reported="$(CHECKPOINT_DISABLE=1 /app/bin/terraform version)" ||
    fail "/app/bin/terraform version failed."
  reported="$(first_line "$reported")"
  if [ "$reported" != "Terraform v$TERRAFORM_VERSION" ]; then
    fail "/app/bin/terraform reports \"$reported\", not version $TERRAFORM_VERSION."
  fi

  # Terraform's packed mirror layout: HOST/NAMESPACE/TYPE/<the provider's release zip>, which
  # is the layout the CLI's `bundle debug terraform` describes and the official image uses.
  mkdir -p "$MIRROR"
  cp "$FILES/$provider_archive" "$MIRROR/$provider_archive"
  chmod 0644 "$MIRROR/$provider_archive"

  mkdir -p /app/config
  write_terraform_config /app/config/config.tfrc
  say "installed /app/bin/terraform ($reported), the provider mirror $MIRROR and" \
    "/app/config/config.tfrc."
}

# The CLI uses the provider mirror only when DATABRICKS_TF_PROVIDER_VERSION equals the provider
# version it was built for; with any other version it silently ignores the mirror and asks the
# Terraform registry at deploy time. The CLI also records the checksums of the archives it
# expects, a third statement the transferred files must agree with.
check_against_cli() {
  /app/databricks bundle debug terraform --output json >/tmp/cli-terraform.json ||
    fail "/app/databricks bundle debug terraform --output json failed."
  read_cli_terraform_facts </tmp/cli-terraform.json
  rm -f /tmp/cli-terraform.json

  if [ "$cli_provider_version" != "$PROVIDER_VERSION" ]; then
    fail "CLI $CLI_VERSION is built for Databricks provider $cli_provider_version, not" \
      "$PROVIDER_VERSION. It would ignore a mirror of another version and download the" \
      "provider at deploy time. Transfer" \
      "terraform-provider-databricks_${cli_provider_version}_linux_${ARCH}.zip instead."
  fi
  if [ -n "$cli_provider_sha" ] && [ "$cli_provider_sha" != "$PROVIDER_SHA256" ]; then
    fail "CLI $CLI_VERSION records $cli_provider_sha as the checksum of provider" \
      "$PROVIDER_VERSION for linux_$ARCH, not $PROVIDER_SHA256."
  fi
  if [ "$cli_terraform_version" != "$TERRAFORM_VERSION" ]; then
    say "CLI $CLI_VERSION defaults to Terraform $cli_terraform_version; the image sets" \
      "DATABRICKS_TF_VERSION=$TERRAFORM_VERSION, so the CLI accepts the one installed here."
  elif [ -n "$cli_terraform_sha" ] && [ "$cli_terraform_sha" != "$TERRAFORM_SHA256" ]; then
    fail "CLI $CLI_VERSION records $cli_terraform_sha as the checksum of Terraform" \
      "$TERRAFORM_VERSION for linux_$ARCH, not $TERRAFORM_SHA256."
  fi
}

# Reads the CLI's indented JSON, one key per line, without a JSON tool in the base image.
read_cli_terraform_facts() {
  cli_terraform_version='' cli_terraform_sha='' cli_provider_version='' cli_provider_sha=''
  section=''
  while IFS= read -r line; do
    case "$line" in
      *'"version":'*) cli_terraform_version="$(json_string "$line")" ;;
      *'"providerVersion":'*) cli_provider_version="$(json_string "$line")" ;;
      *'"checksum":'*) section=terraform ;;
      *'"providerChecksum":'*) section=provider ;;
      *"\"linux_$ARCH\":"*)
        case "$section" in
          terraform) cli_terraform_sha="$(json_string "$line")" ;;
          provider) cli_provider_sha="$(json_string "$line")" ;;
        esac
        ;;
      *'}'*) section='' ;;
    esac
  done
  [ -n "$cli_provider_version" ] && [ -n "$cli_terraform_version" ] ||
    fail "could not read the Terraform and provider versions from" \
      "/app/databricks bundle debug terraform --output json."
}

json_string() {
  value="${1#*: \"}"
  printf '%s' "${value%%\"*}"
}

write_terraform_config() {
  # Only the Databricks provider, only from the mirror: without a `direct` block Terraform has
  # no way to reach a registry, and the checkpoint (update check) is off.
  cat >"$1" <<'TFRC'
disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = "/app/providers"
    include = ["registry.terraform.io/databricks/databricks"]
  }
}
TFRC
  chmod 0644 "$1"
}

# verify ARCHIVE EXPECTED_SHA256 BUILD_ARG_NAME
verify() {
  [ -f "$FILES/$1" ] || fail "files/$1 is not in the build context."
  listed="$(listed_checksum "$1")"
  [ -n "$listed" ] ||
    fail "files/SHA256SUMS has no line for $1. Add the line from the release's checksum file."
  if [ "$listed" != "$2" ]; then
    fail "files/SHA256SUMS lists $listed for $1, but the build argument $3 is $2."
  fi
  printf '%s  %s\n' "$listed" "$1" >"$CHECK_FILE"
  (cd "$FILES" && sha256sum -c "$CHECK_FILE") ||
    fail "$1 does not match its checksum $listed. Transfer it again from the verified copy."
  rm -f "$CHECK_FILE"
}

# The checksum SHA256SUMS gives for a file name: empty when it has none, a failure when it
# gives two different ones. Lines are "<sha256>  <name>" or, in binary mode, "<sha256> *<name>".
listed_checksum() {
  found=''
  while read -r sum name rest; do
    name="${name%"$CR"}"
    [ "${name#\*}" = "$1" ] || continue
    if [ -n "$found" ] && [ "$found" != "$sum" ]; then
      fail "files/SHA256SUMS lists $1 twice, with different checksums."
    fi
    found="$sum"
  done <"$FILES/SHA256SUMS"
  printf '%s' "$found"
}

require_version() {
  name="$1"
  shift
  eval "value=\${$name:-}"
  [ -n "$value" ] || fail "the build argument $name is not set: $*."
  case "$value" in
    *[!0-9A-Za-z.+-]*)
      fail "the build argument $name must be a version such as 1.2.3, not \"$value\"."
      ;;
  esac
}

require_checksum() {
  name="$1"
  eval "value=\${$name:-}"
  [ -n "$value" ] || fail "the build argument $name is not set: $2."
  case "$value" in
    *[!0-9a-f]*) fail "the build argument $name must be 64 lowercase hex digits, not \"$value\"." ;;
  esac
  [ "${#value}" -eq 64 ] || fail "the build argument $name must be 64 lowercase hex digits."
}

# The archives must be for the base image's own architecture, or nothing in them would run.
require_arch() {
  case "${ARCH:-}" in
    amd64 | arm64) ;;
    *) fail "the build argument ARCH must be amd64 or arm64, not \"${ARCH:-}\"." ;;
  esac
  machine="$(uname -m)"
  case "$machine" in
    x86_64 | amd64) base_arch=amd64 ;;
    aarch64 | arm64) base_arch=arm64 ;;
    *) base_arch="$machine" ;;
  esac
  if [ "$base_arch" != "$ARCH" ]; then
    fail "ARCH is $ARCH, but the base image runs on $base_arch; use archives for $base_arch."
  fi
}

first_line() {
  printf '%s\n' "$1" | {
    IFS= read -r line || true
    printf '%s' "$line"
  }
}

say() {
  printf 'verify-and-install.sh: %s\n' "$*"
}

fail() {
  printf 'verify-and-install.sh: error: %s\n' "$*" >&2
  exit 1
}

main "$@"
