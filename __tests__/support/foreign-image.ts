import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

import { runChecked } from './exec.js';

/**
 * Loads an image whose config says it is built for another CPU architecture. `docker import
 * --platform` is ignored by some engines, so the image is written in `docker save` format by
 * hand: one layer with a single file, a config naming the architecture, and a manifest.
 */
export async function loadForeignImage(tag: string, architecture: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foreign-image-'));
  try {
    const content = path.join(dir, 'content');
    fs.mkdirSync(content);
    fs.writeFileSync(path.join(content, 'README'), `an image for linux/${architecture}\n`);
    await runChecked(['tar', '-C', content, '-cf', path.join(dir, 'layer.tar'), 'README']);
    const diffId = createHash('sha256').update(fs.readFileSync(path.join(dir, 'layer.tar')));

    const config = {
      architecture,
      os: 'linux',
      config: { Entrypoint: ['/app/databricks'], Env: ['PATH=/app:/bin'] },
      rootfs: { type: 'layers', diff_ids: [`sha256:${diffId.digest('hex')}`] },
      history: [{ created_by: 'project test support: foreign-image.ts' }],
    };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    const manifest = [{ Config: 'config.json', RepoTags: [tag], Layers: ['layer.tar'] }];
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));

    const archive = path.join(dir, 'image.tar');
    await runChecked([
      'tar',
      '-C',
      dir,
      '-cf',
      archive,
      'manifest.json',
      'config.json',
      'layer.tar',
    ]);
    await runChecked(['docker', 'load', '-i', archive]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
