#!/usr/bin/env bash
# Builds the STAND-IN Databricks CLI image for this project's tests: busybox, the host's node
# and databricks.mjs (a test double, not the real CLI) in a root filesystem imported with
# `docker import`, so no Dockerfile, registry or network is involved.
#
# Usage: build-image.sh [--force] [--cli-version X.Y.Z] [--without-terraform-env] [IMAGE_REF]
#   IMAGE_REF             tag to create (default databricks-cli-stand-in:0.298.0)
#   --cli-version         CLI version the stand-in reports (default $STAND_IN_CLI_VERSION,
#                         else 0.298.0)
#   --without-terraform-env  leave out DATABRICKS_TF_EXEC_PATH and DATABRICKS_TF_CLI_CONFIG_FILE,
#                         which the image sets by default as the official image does (no
#                         Terraform is installed either way), to stand in for a CLI-only image
#   --force               rebuild even if an image with the same inputs exists
# Prints the image id on stdout; progress goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../../.." && pwd)"

image_ref='databricks-cli-stand-in:0.298.0'
cli_version="${STAND_IN_CLI_VERSION:-0.298.0}"
terraform_env=true
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true ;;
    --with-terraform-env) terraform_env=true ;;
    --without-terraform-env) terraform_env=false ;;
    --cli-version)
      [ $# -ge 2 ] || { echo 'build-image.sh: --cli-version needs a value' >&2; exit 2; }
      cli_version="$2"
      shift
      ;;
    --cli-version=*) cli_version="${1#*=}" ;;
    -h | --help)
      sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) echo "build-image.sh: unknown option $1" >&2; exit 2 ;;
    *) image_ref="$1" ;;
  esac
  shift
done

if ! [[ "$cli_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "build-image.sh: --cli-version must look like 0.298.0, got '$cli_version'" >&2
  exit 2
fi

node_bin="$(readlink -f "$(command -v node)")"
busybox_bin=/bin/busybox
js_yaml="$repo_root/node_modules/js-yaml/dist/js-yaml.mjs"
# Public CA certificates, at the path Debian-based images (and Go's first default) use.
trust_file=/etc/ssl/certs/ca-certificates.crt
for input in "$node_bin" "$busybox_bin" "$js_yaml" "$here/databricks.mjs" "$trust_file"; do
  [ -f "$input" ] || { echo "build-image.sh: missing input $input" >&2; exit 1; }
done
if ! "$busybox_bin" --list >/dev/null 2>&1; then
  echo "build-image.sh: $busybox_bin is not a busybox binary (install busybox-static)" >&2
  exit 1
fi

# node is dynamically linked: ship exactly the libraries and loader that ldd resolves.
mapfile -t libraries < <(ldd "$node_bin" | awk '
  $2 == "=>" && $3 ~ /^\// { print $3 }
  $1 ~ /^\// { print $1 }' | sort -u)

# A label keeps a digest of every input, so an unchanged image is reused instead of rebuilt.
content_hash="$(
  {
    printf 'cli_version=%s\nterraform_env=%s\n' "$cli_version" "$terraform_env"
    sha256sum "${BASH_SOURCE[0]}" "$here/databricks.mjs" "$js_yaml" "$busybox_bin" \
      "$trust_file" "$node_bin" "${libraries[@]}" | awk '{ print $1 }'
  } | sha256sum | cut -c1-64
)"
hash_label='io.github.databricks-bundle-airgap-action.stand-in.content-hash'

existing="$(docker image inspect --format "{{ index .Config.Labels \"$hash_label\" }}" \
  "$image_ref" 2>/dev/null || true)"
if [ "$force" = false ] && [ "$existing" = "$content_hash" ]; then
  echo "build-image.sh: $image_ref is up to date" >&2
  docker image inspect --format '{{.Id}}' "$image_ref"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{bin,app/lib,etc/ssl/certs,root,tmp,usr/local/bin,home}
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/root"

cp "$busybox_bin" "$rootfs/bin/busybox"
# Relative links work inside the image whatever the host's busybox path is.
for applet in $("$busybox_bin" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
done

cp "$node_bin" "$rootfs/usr/local/bin/node"
for library in "${libraries[@]}"; do
  mkdir -p "$rootfs$(dirname "$library")"
  cp -L "$library" "$rootfs$library"
done

cp "$trust_file" "$rootfs$trust_file"
chmod 0644 "$rootfs$trust_file"

cp "$here/databricks.mjs" "$rootfs/app/databricks.mjs"
cp "$js_yaml" "$rootfs/app/lib/js-yaml.mjs"
# The entrypoint runs node as its interpreter, so process.argv[1] is /app/databricks as for
# the real binary; an extensionless file outside any package is CommonJS, hence the import().
cat >"$rootfs/app/databricks" <<'LAUNCHER'
#!/usr/local/bin/node
// STAND-IN Databricks CLI for tests (not the real CLI); the program is /app/databricks.mjs.
import('/app/databricks.mjs');
LAUNCHER
chmod 0755 "$rootfs/app/databricks"
printf '{"version": "%s"}\n' "$cli_version" >"$rootfs/app/build-info.json"

if [ "$terraform_env" = true ]; then
  mkdir -p "$rootfs/app/config"
  cat >"$rootfs/app/config/config.tfrc" <<'TFRC'
# Stand-in image: no Terraform or provider is installed; this file only exists because the
# official image sets DATABRICKS_TF_CLI_CONFIG_FILE to this path.
disable_checkpoint = true
TFRC
fi

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
GROUP

description='STAND-IN for the Databricks CLI, for tests only; not the real CLI'
changes=(
  --change 'ENTRYPOINT ["/app/databricks"]'
  --change 'CMD ["-h"]'
  --change 'ENV PATH=/app:/usr/local/bin:/usr/bin:/bin'
  --change 'LABEL org.opencontainers.image.title="databricks-cli-stand-in"'
  --change "LABEL org.opencontainers.image.description=\"$description\""
  --change "LABEL org.opencontainers.image.version=\"$cli_version\""
  --change "LABEL $hash_label=\"$content_hash\""
)
if [ "$terraform_env" = true ]; then
  changes+=(
    --change 'ENV DATABRICKS_TF_EXEC_PATH=/app/bin/terraform'
    --change 'ENV DATABRICKS_TF_CLI_CONFIG_FILE=/app/config/config.tfrc'
  )
fi

previous_id="$(docker image inspect --format '{{.Id}}' "$image_ref" 2>/dev/null || true)"
echo "build-image.sh: importing $image_ref (stand-in CLI v$cli_version)" >&2
# A fixed order, owner and mtime make the layer identical for identical inputs.
tar -C "$rootfs" --sort=name --numeric-owner --owner=0 --group=0 --mtime='@0' -cf - . |
  docker import "${changes[@]}" --message 'stand-in Databricks CLI for tests' - "$image_ref" \
    >/dev/null
image_id="$(docker image inspect --format '{{.Id}}' "$image_ref")"
# The tag moved to the new image; drop the old one unless something else still uses it.
if [ -n "$previous_id" ] && [ "$previous_id" != "$image_id" ]; then
  docker image rm "$previous_id" >/dev/null 2>&1 || true
fi
echo "$image_id"
