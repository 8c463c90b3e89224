// Small builders of test inputs that several test files need: a deterministic root-filesystem
// tarball for `docker import`, and a self-signed root certificate.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { runChecked } from './exec.js';

/** Packs a folder as a layer: a fixed order, owner and mtime give identical bytes each time. */
export async function packRootfs(rootfs: string, tarball: string): Promise<void> {
  await runChecked([
    'tar',
    '-C',
    rootfs,
    '--sort=name',
    '--numeric-owner',
    '--owner=0',
    '--group=0',
    '--mtime=@0',
    '-cf',
    tarball,
    '.',
  ]);
}

/** A self-signed root certificate with this common name, as PEM at `<folder>/<name>.pem`. */
export function makeRootCertificate(folder: string, name: string, commonName: string): string {
  const pem = path.join(folder, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(folder, `${name}.key`),
      '-out',
      pem,
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return pem;
}
