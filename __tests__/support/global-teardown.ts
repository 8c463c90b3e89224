// jest globalTeardown: stops the loopback registry that global-setup started (by pid), removes
// its temp dir, drops the local tag that pointed into it, and removes the compiled support
// modules. The stand-in image itself stays, so the next run can reuse it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { SupportModules } from './global-setup.js';

export default async function globalTeardown(): Promise<void> {
  const supportDir = process.env.STAND_IN_SUPPORT_DIR;
  if (!supportDir) return;
  // Compiled by global-setup: relative .ts imports do not resolve in jest's global hooks.
  const registryUrl = pathToFileURL(path.join(supportDir, 'registry.js')).href;
  const registry = (await import(registryUrl)) as SupportModules['registry'];
  try {
    const mirroredTag = process.env.STAND_IN_MIRRORED_TAG_REF;
    if (mirroredTag) await registry.removeLocalTag(mirroredTag);
    const pid = Number(process.env.STAND_IN_REGISTRY_PID);
    await registry.stopRegistry(pid, process.env.STAND_IN_REGISTRY_DIR);
  } finally {
    fs.rmSync(supportDir, { recursive: true, force: true });
  }
}
