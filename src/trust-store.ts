import { randomBytes, X509Certificate } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { CancellationGuard } from './cancellation.js';
import { type ContainerOwner, RUN_LABEL, type TrustStoreMount } from './container-command.js';
import { type ContainerRuntime, runClient } from './container-runtime.js';
import { ActionError, inputError, messageOf } from './errors.js';
import { printable } from './preflight-report.js';
import * as workflow from './workflow.js';

/**
 * The system trust files Go reads on Linux, in its order (crypto/x509/root_linux.go). The CLI
 * and Terraform both use the first that exists; the merged file is mounted over that one.
 */
export const SYSTEM_TRUST_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
] as const;

// A trust bundle is a few hundred kilobytes; anything far larger is the wrong file.
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

const PEM_CERTIFICATE =
  /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;

/** The corporate roots: every certificate in the PEM file, each checked to parse. */
export function readCaBundle(file: string): { pem: string; subjects: string[] } {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (error) {
    throw inputError(
      'ca-bundle',
      `${file} could not be read: ${messageOf(error)}.`,
      "Give the path of a PEM file with your enclave's root certificates, readable by the " +
        'runner user (absolute, or relative to the repository checkout).',
    );
  }
  // Lines are compared without trailing blanks, which openssl accepts and the pattern not.
  const normalized = text.replace(/[ \t]+(?=\r?\n)/g, '');
  const blocks = normalized.match(PEM_CERTIFICATE) ?? [];
  const markers = normalized.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (markers > blocks.length) {
    throw inputError(
      'ca-bundle',
      `${file} has ${markers} BEGIN CERTIFICATE lines, but only ${blocks.length} complete ` +
        'certificate block(s); a root would be left out.',
      'Check the file for a cut or garbled certificate, and export the roots again in PEM.',
    );
  }
  if (blocks.length === 0) {
    throw inputError(
      'ca-bundle',
      `${file} holds no PEM certificate (no -----BEGIN CERTIFICATE----- block).`,
      'Convert the root certificates to PEM (openssl x509 -inform der -in root.cer -out ' +
        'root.pem) and concatenate them into one file.',
    );
  }
  const subjects = blocks.map((block, index) => {
    try {
      return new X509Certificate(block).subject.replaceAll('\n', ', ');
    } catch (error) {
      throw inputError(
        'ca-bundle',
        `certificate ${index + 1} of ${file} is not a valid X.509 certificate ` +
          `(${messageOf(error)}).`,
        'Export the roots again from your certificate authority, in PEM.',
      );
    }
  });
  return { pem: `${blocks.join('\n')}\n`, subjects };
}

/**
 * Builds the file the container trusts: the image's own system roots followed by the corporate
 * ones, written under RUNNER_TEMP and mounted read-only over the image's system trust file. Go
 * reads that file for the CLI, and Terraform, which the CLI starts without SSL_CERT_FILE, reads
 * it too. Nothing here offers a way to skip verification.
 */
export async function prepareTrustStore(
  caBundle: string,
  imageId: string,
  runtime: ContainerRuntime,
  owner: ContainerOwner,
  guard: CancellationGuard,
  runnerTemp: string,
): Promise<TrustStoreMount> {
  const corporate = readCaBundle(caBundle);
  const system = await readImageTrustFile(imageId, runtime, owner, guard);
  const target = system?.path ?? SYSTEM_TRUST_FILES[0];
  const imageRoots = system?.content.trimEnd() ?? '';
  const source = path.join(
    runnerTemp,
    `databricks-bundle-ca-${randomBytes(6).toString('hex')}.pem`,
  );
  writeFileSync(source, imageRoots === '' ? corporate.pem : `${imageRoots}\n${corporate.pem}`, {
    flag: 'wx',
    mode: 0o644,
  });

  workflow.info(
    `CA bundle: ${corporate.subjects.length} certificate(s) from ${caBundle} ` +
      `(${corporate.subjects.join('; ')}), added to ` +
      (system === undefined
        ? `an empty trust store (the image has none of Go's system trust files) at ${target}`
        : `the image's ${target}`) +
      '; mounted read-only there, and named by SSL_CERT_FILE',
  );
  return { source, target };
}

/**
 * Reads a regular file of at most MAX_BUNDLE_BYTES. It is opened without blocking and checked
 * before anything is read, so a FIFO or a device given by mistake can neither hang the step
 * (where not even a cancellation could interrupt it) nor fill its memory.
 */
function readRegularFile(file: string): string {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new Error('it is not a regular file');
    if (stats.size > MAX_BUNDLE_BYTES) {
      throw new Error(`${stats.size} bytes is more than a trust bundle holds`);
    }
    return readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

interface ImageFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Copies the image's system trust file out of a container that is created and never started,
 * so no code of the image runs and nothing needs a shell or `cat` in the image.
 */
async function readImageTrustFile(
  imageId: string,
  runtime: ContainerRuntime,
  owner: ContainerOwner,
  guard: CancellationGuard,
): Promise<ImageFile | undefined> {
  const container = `databricks-bundle-trust-${randomBytes(6).toString('hex')}`;
  // The container is never started; an entrypoint is named only because an image without
  // ENTRYPOINT and CMD cannot be created at all.
  const create = ['create', '--pull', 'never', '--name', container];
  create.push('--label', `${RUN_LABEL}=${owner.runId}`, '--entrypoint', '/none', imageId);
  guard.phaseStarted('CA bundle', container);
  try {
    const created = await runClient(runtime, create);
    if (created.exitCode !== 0) {
      throw new ActionError(
        `Input 'ca-bundle': a container of the image could not be created to read its trust ` +
          `store: ${printable(created.stderr.trim().slice(0, 300))}. Check that the image is ` +
          `in the ${runtime.program} store and that the engine answers.`,
      );
    }
    for (const candidate of SYSTEM_TRUST_FILES) {
      const file = await copyOut(runtime, container, candidate);
      if (file !== undefined) return file;
    }
    return undefined;
  } finally {
    await runClient(runtime, ['rm', '--force', '--volumes', container]);
    guard.phaseEnded();
  }
}

// Distributions link their trust file into place (RHEL's ca-bundle.crt is a link); follow a few.
const MAX_LINKS = 5;

async function copyOut(
  runtime: ContainerRuntime,
  container: string,
  file: string,
): Promise<ImageFile | undefined> {
  let current = file;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const result = await runClient(runtime, ['cp', `${container}:${current}`, '-']);
    if (result.exitCode !== 0) return undefined;
    // Trust files are ASCII PEM (comments at most UTF-8), and tar headers are ASCII, so the
    // stream survives its round trip through a string.
    const entry = firstTarEntry(Buffer.from(result.stdout, 'utf8'));
    if (entry === undefined) return undefined;
    if (entry.type === 'file') return { path: file, content: entry.content.toString('utf8') };
    if (entry.type !== 'symlink') return undefined;
    current = path.posix.resolve(path.posix.dirname(current), entry.linkName);
  }
  return undefined;
}

type TarEntry =
  { type: 'file'; content: Buffer } | { type: 'symlink'; linkName: string } | { type: 'other' };

/** The first real entry of a tar stream, skipping pax and GNU long-name headers. */
export function firstTarEntry(tar: Buffer): TarEntry | undefined {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const size = parseInt(cString(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === '0' || type === '\0') return { type: 'file', content: Buffer.from(body) };
    if (type === '2') return { type: 'symlink', linkName: cString(header.subarray(157, 257)) };
    if (!['x', 'g', 'L', 'K'].includes(type)) return { type: 'other' };
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}
