import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { BundleLocation } from '../../src/bundle-location.js';
import { FindingList } from '../../src/preflight/findings.js';
import { InternalHosts } from '../../src/preflight/internal-hosts.js';
import {
  type BundleCheck,
  checkBundle,
  type PreflightOptions,
} from '../../src/preflight/preflight.js';

/** A scratch checkout holding a bundle written from a map of file name to content. */
export interface BundleFixture {
  readonly checkout: string;
  readonly location: BundleLocation;
  remove(): void;
}

export function writeBundle(
  files: Record<string, string>,
  bundleFolder = 'bundle',
  configFile = 'databricks.yml',
): BundleFixture {
  const checkout = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-')));
  const bundlePath = path.join(checkout, bundleFolder);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(bundlePath, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.mkdirSync(bundlePath, { recursive: true });
  return {
    checkout,
    location: { checkoutPath: checkout, bundlePath, relativePath: bundleFolder, configFile },
    remove: () => fs.rmSync(checkout, { recursive: true, force: true }),
  };
}

export const DEFAULT_OPTIONS: PreflightOptions = {
  target: 'dev',
  workspaceHost: undefined,
  policy: 'strict',
  internalHosts: InternalHosts.parse(''),
  checksums: undefined,
  engine: undefined,
};

/** Runs the static checks and returns them with each finding as "rule file:line". */
export function checkFixture(
  fixture: BundleFixture,
  options: Partial<PreflightOptions> = {},
): BundleCheck & { findings: string[]; messages: string[] } {
  const findings = new FindingList(fixture.location.relativePath);
  const result = checkBundle(fixture.location, { ...DEFAULT_OPTIONS, ...options }, findings);
  return {
    ...result,
    findings: findings.items.map((finding) =>
      [finding.rule, [finding.file, finding.line].filter((part) => part !== undefined).join(':')]
        .filter((part) => part !== '')
        .join(' '),
    ),
    messages: findings.items.map((finding) => finding.message),
  };
}
