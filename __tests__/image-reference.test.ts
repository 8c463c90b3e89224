import { describe, expect, test } from '@jest/globals';

import { parseImageReference } from '../src/image-reference.js';

const DIGEST = 'sha256:' + 'a'.repeat(64);

describe('parseImageReference accepts pinned references', () => {
  test.each([
    [
      'registry.internal.example/databricks/cli:0.298.0',
      'registry.internal.example/databricks/cli',
      '0.298.0',
      undefined,
    ],
    [
      `registry.internal.example/databricks/cli@${DIGEST}`,
      'registry.internal.example/databricks/cli',
      undefined,
      DIGEST,
    ],
    [
      `127.0.0.1:5000/databricks/cli:0.298.0@${DIGEST}`,
      '127.0.0.1:5000/databricks/cli',
      '0.298.0',
      DIGEST,
    ],
    ['databricks-cli-stand-in:0.298.0', 'databricks-cli-stand-in', '0.298.0', undefined],
    ['mirror.internal/cli:mainline-2026.11', 'mirror.internal/cli', 'mainline-2026.11', undefined],
    ['ghcr.io/databricks/cli:0.298.0-amd64', 'ghcr.io/databricks/cli', '0.298.0-amd64', undefined],
    [
      '  mirror.bank.internal:8443/team_a/cli:1.13.0  ',
      'mirror.bank.internal:8443/team_a/cli',
      '1.13.0',
      undefined,
    ],
    // A digest pins even a floating tag: the digest is what runs.
    [`mirror.example/cli:latest@${DIGEST}`, 'mirror.example/cli', 'latest', DIGEST],
  ])('%s', (value, repository, tag, digest) => {
    expect(parseImageReference(value)).toEqual({ raw: value.trim(), repository, tag, digest });
  });
});

describe('parseImageReference refuses floating or malformed references', () => {
  test.each([
    ['', /Input 'image': is required/],
    ['   ', /Input 'image': is required/],
    [
      'registry.internal.example/databricks/cli',
      /neither a tag nor a digest.*floating tag "latest"/,
    ],
    ['registry.internal.example/databricks/cli:latest', /floating tag "latest"/],
    ['registry.internal.example/databricks/cli:LATEST', /floating tag "LATEST"/],
    ['ghcr.io/databricks/cli:latest-arm64', /floating tag "latest-arm64"/],
    ['mirror.internal/databricks/cli:stable', /floating tag "stable"/],
    ['mirror.internal/databricks/cli:nightly-amd64', /floating tag "nightly-amd64"/],
    ['mirror.internal/databricks/cli:main', /floating tag "main"/],
    ['sha256:518029', /looks like an image id/],
    [`sha256:${'a'.repeat(64)}`, /not a valid image reference|looks like an image id/],
    ['Registry/Databricks/CLI:0.298.0', /not a valid image reference/],
    ['registry/cli:0.298.0@sha256:abc', /not a valid image reference/],
    ['registry/cli:0.298.0 --privileged', /not a valid image reference/],
    ['--privileged', /not a valid image reference/],
    ['registry/cli:' + 'a'.repeat(600), /not a valid image reference/],
  ])('%j', (value, message) => {
    expect(() => parseImageReference(value)).toThrow(message);
  });

  test('every refusal explains how to pin', () => {
    expect(() => parseImageReference('mirror/cli')).toThrow(/@sha256:<64 hex digits>/);
    expect(() => parseImageReference('mirror/cli')).toThrow(/upstream tags carry no "v"/);
  });
});
