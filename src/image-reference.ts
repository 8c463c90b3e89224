import { inputError } from './errors.js';

/** A parsed container image reference, pinned by a tag that is not floating, or a digest. */
export interface ImageReference {
  /** The reference exactly as the user wrote it (trimmed). */
  readonly raw: string;
  /** Registry host and repository path, e.g. `registry.internal/databricks/cli`. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

// The grammar follows the distribution reference format that Docker and Podman share:
// [host[:port]/]path-component[/path-component...][:tag][@algorithm:hex].
const DOMAIN_LABEL = String.raw`[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?`;
const HOST = String.raw`(?:${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const PATH_COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`sha256:[a-f0-9]{64}`;
const REFERENCE = new RegExp(
  String.raw`^(?<repository>(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)` +
    String.raw`(?::(?<tag>${TAG}))?(?:@(?<digest>${DIGEST}))?$`,
);

// Docker refuses names over 255 characters; a tag and a digest add at most 201 more.
const MAX_REFERENCE_LENGTH = 512;

// Tags that by convention move to a new image: `latest` and its per-architecture variants, and
// the channel names that registries commonly use. Any other tag is taken as a version.
const FLOATING_TAG = /^(?:latest|stable|edge|nightly|main|master|dev|snapshot|current)(?:$|-)/i;

const HOW_TO_PIN =
  'Pin the image to the version your security team approved, either by tag ' +
  '(for example registry.internal.example/databricks/cli:0.298.0; upstream tags carry no "v") ' +
  'or, better, by digest (registry.internal.example/databricks/cli@sha256:<64 hex digits>, ' +
  'as printed by `docker image inspect --format "{{.RepoDigests}}"`).';

/**
 * Parses the `image` input and refuses references that float. An untagged reference means
 * `latest`, and `latest` (or `latest-amd64`) moves whenever someone pushes: the image that runs
 * tomorrow would not be the one that was reviewed today.
 */
export function parseImageReference(value: string): ImageReference {
  const raw = value.trim();
  if (raw === '') {
    throw inputError('image', 'is required.', HOW_TO_PIN);
  }

  const match = raw.length <= MAX_REFERENCE_LENGTH ? REFERENCE.exec(raw) : null;
  const groups = match?.groups;
  if (groups === undefined || groups['repository'] === undefined) {
    throw inputError(
      'image',
      `"${raw}" is not a valid image reference.`,
      'Use the form host/path:tag or host/path@sha256:<digest>, in lower case. ' + HOW_TO_PIN,
    );
  }

  const tag = groups['tag'];
  const digest = groups['digest'];
  if (groups['repository'] === 'sha256') {
    throw inputError(
      'image',
      `"${raw}" looks like an image id, which Docker would match by prefix against any local ` +
        'image.',
      HOW_TO_PIN,
    );
  }
  if (digest === undefined && tag === undefined) {
    throw inputError(
      'image',
      `"${raw}" has neither a tag nor a digest, so it means the floating tag "latest".`,
      HOW_TO_PIN,
    );
  }
  if (digest === undefined && tag !== undefined && FLOATING_TAG.test(tag)) {
    throw inputError(
      'image',
      `"${raw}" uses the floating tag "${tag}", which points to a different image whenever ` +
        'a new one is pushed, so the image that runs is not the one that was approved.',
      HOW_TO_PIN,
    );
  }

  return { raw, repository: groups['repository'], tag, digest };
}
