import path from 'node:path';

import { readCheckoutText } from './checkout-file.js';
import type { FindingList } from './findings.js';
import type { LocalArtifact } from './local-files.js';

interface ManifestEntry {
  readonly sha256: string;
  /** Relative to the repository root, forward slashes. */
  readonly path: string;
  readonly line: number;
}

const MAX_MANIFEST_BYTES = 1024 * 1024;

const MANIFEST_PROBLEMS = {
  missing: 'it does not exist',
  outside: 'it resolves outside the checkout',
  'not-a-small-file': 'not a regular file of at most 1 MiB',
  unreadable: 'permission denied or a read error',
} as const;

// sha256sum's output: 64 hex digits, a space, then a space (text mode) or "*" (binary mode).
const MANIFEST_LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

/**
 * Compares the files the deployment uploads with a `sha256sum` manifest committed or built
 * beside them. Paths in the manifest are relative to the bundle folder (where `sha256sum` is
 * usually run). The match must be exact: a file missing on either side, or a different hash,
 * stops the step and names the file.
 */
export function checkManifest(
  manifest: { readonly absolutePath: string; readonly repositoryPath: string },
  checkoutPath: string,
  bundlePrefix: string,
  artifacts: readonly LocalArtifact[],
  findings: FindingList,
): void {
  const where = (line: number) => ({ file: manifest.repositoryPath, line });
  const read = readCheckoutText(manifest.absolutePath, checkoutPath, MAX_MANIFEST_BYTES);
  if ('problem' in read) {
    findings.addAt(
      'checksum-manifest',
      'stop',
      `Input 'checksums': ${manifest.repositoryPath} cannot be read ` +
        `(${MANIFEST_PROBLEMS[read.problem]}). Name a sha256sum file inside the repository ` +
        'checkout.',
    );
    return;
  }

  const entries = parseManifest(read.text, manifest.repositoryPath, bundlePrefix, findings);
  const byPath = new Map(artifacts.map((artifact) => [artifact.path, artifact]));
  const listed = new Set<string>();

  for (const entry of entries) {
    listed.add(entry.path);
    const artifact = byPath.get(entry.path);
    if (artifact === undefined) {
      findings.addAt(
        'checksum-missing-file',
        'stop',
        `${entry.path} is listed in the checksum manifest but the bundle does not deploy it ` +
          '(or it is missing). Regenerate the manifest from the files the bundle deploys.',
        where(entry.line),
      );
    } else if (artifact.sha256 !== entry.sha256.toLowerCase()) {
      findings.addAt(
        'checksum-mismatch',
        'stop',
        `${entry.path} has SHA-256 ${artifact.sha256}, but the checksum manifest says ` +
          `${entry.sha256.toLowerCase()}. The file is not the vetted build; do not deploy it.`,
        where(entry.line),
      );
    }
  }
  for (const artifact of artifacts) {
    if (listed.has(artifact.path)) continue;
    findings.addAt(
      'checksum-extra-file',
      'stop',
      `${artifact.path} would be deployed but is not in the checksum manifest ` +
        `${manifest.repositoryPath}. Add it to the manifest only if it is a vetted build.`,
      { file: artifact.path },
    );
  }
}

function parseManifest(
  text: string,
  manifestPath: string,
  bundlePrefix: string,
  findings: FindingList,
): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = MANIFEST_LINE.exec(raw);
    if (match === null) {
      findings.addAt(
        'checksum-manifest',
        'stop',
        `Line ${index + 1} of ${manifestPath} is not in sha256sum format ("<64 hex digits>  ` +
          '<file>"). Generate the manifest with sha256sum.',
        { file: manifestPath, line: index + 1 },
      );
      return;
    }
    const relative = (match[2] ?? '').replace(/^\.\//, '');
    const joined = path.posix.normalize(path.posix.join(bundlePrefix, relative));
    entries.push({ sha256: match[1] ?? '', path: joined, line: index + 1 });
  });
  return entries;
}
