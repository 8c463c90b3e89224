// The record the stand-in CLI keeps of each invocation (see stand-in-cli/README.md): names and
// SHA-256 digests only, never values, so tests can check what arrived without holding secrets.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface StandInCall {
  readonly argv: string[];
  readonly env_names: string[];
  readonly uid: number;
  readonly gid: number;
  readonly cwd: string;
  readonly home: string;
  readonly home_writable: boolean;
  readonly secrets_sha256: Record<string, string | null>;
  readonly bundle_vars_sha256: Record<string, string>;
  /** SHA-256 hex of each proxy variable's value; null when it is not set. */
  readonly proxy_sha256: Record<string, string | null>;
}

/** The calls recorded in one calls.jsonl file; none when the file does not exist. */
export function readCallFile(file: string): StandInCall[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as StandInCall);
}

/** The calls recorded in a bundle root, where the stand-in writes them when it finds one. */
export function readBundleCalls(bundleDir: string): StandInCall[] {
  return readCallFile(path.join(bundleDir, '.databricks/stand-in/calls.jsonl'));
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
