// A throw-away Docker registry on loopback (Debian's docker-registry, distribution 2.x), so the
// tests can bring the stand-in image in the way an air-gapped runner does: push to an internal
// registry, then pull by tag or digest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { run, runChecked } from './exec.js';

const REGISTRY_BINARY = 'docker-registry';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LoopbackRegistry {
  /** host:port to prefix repositories with, e.g. 127.0.0.1:41234 */
  readonly address: string;
  readonly port: number;
  readonly pid: number;
  /** Holds the config, the storage and the registry's log; removed by stopRegistry. */
  readonly directory: string;
}

export interface MirroredImage {
  /** e.g. 127.0.0.1:41234/databricks/cli:0.298.0 */
  readonly tagRef: string;
  /** e.g. 127.0.0.1:41234/databricks/cli@sha256:... */
  readonly digestRef: string;
  readonly imageId: string;
}

/** Starts a registry that listens on 127.0.0.1 only, with its storage in a new temp dir. */
export async function startRegistry(): Promise<LoopbackRegistry> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-in-registry-'));
  try {
    // The free port can be taken between the probe and the registry's bind; try again then.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freeLoopbackPort();
      try {
        return await launch(directory, port);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Stops a registry by pid (TERM, then KILL) and removes its directory. */
export async function stopRegistry(pid: number, directory?: string): Promise<void> {
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isRunning(pid) && Date.now() < deadline) await sleep(50);
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
}

/**
 * Tags a local image into the registry, pushes it, drops the local tag and pulls it back, as
 * an enclave receives an image. Returns the tag and digest references of the pulled image.
 */
export async function mirrorImage(
  localRef: string,
  registryRepoTag: string,
): Promise<MirroredImage> {
  const repository = repositoryOf(registryRepoTag);
  await runChecked(['docker', 'tag', localRef, registryRepoTag]);
  await runChecked(['docker', 'push', registryRepoTag]);
  await runChecked(['docker', 'image', 'rm', registryRepoTag]);
  await runChecked(['docker', 'pull', registryRepoTag]);
  const inspected = await runChecked([
    'docker',
    'image',
    'inspect',
    '--format',
    '{{json .RepoDigests}} {{.Id}}',
    registryRepoTag,
  ]);
  const [digestsJson = '[]', imageId = ''] = inspected.stdout.trim().split(' ');
  const digests = JSON.parse(digestsJson) as string[];
  const digestRef = digests.find((d) => d.startsWith(`${repository}@sha256:`));
  if (!digestRef) {
    throw new Error(`${registryRepoTag} has no digest from ${repository}: ${digestsJson}`);
  }
  return { tagRef: registryRepoTag, digestRef, imageId };
}

/** Removes a local tag if it exists; used to drop mirrored tags of a stopped registry. */
export async function removeLocalTag(reference: string): Promise<void> {
  await run(['docker', 'image', 'rm', reference]);
}

function repositoryOf(reference: string): string {
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > lastSlash ? reference.slice(0, colon) : reference;
}

async function launch(directory: string, port: number): Promise<LoopbackRegistry> {
  const configPath = path.join(directory, 'config.yml');
  fs.writeFileSync(configPath, registryConfig(path.join(directory, 'storage'), port));
  const logPath = path.join(directory, 'registry.log');
  const log = fs.openSync(logPath, 'a');
  const child = spawn(REGISTRY_BINARY, ['serve', configPath], {
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  // The registry lives on after global set-up returns; teardown stops it by pid.
  child.unref();
  const spawned = await new Promise<number>((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot start ${REGISTRY_BINARY} (Debian package docker-registry): ${error.message}`,
        ),
      ),
    );
    child.once('spawn', () => resolve(child.pid ?? -1));
  });
  let exited = false;
  child.once('exit', () => (exited = true));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    if ((await probe(port)) === 200) {
      return { address: `127.0.0.1:${port}`, port, pid: spawned, directory };
    }
    await sleep(100);
  }
  await stopRegistry(spawned);
  const logText = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8').trim() : '';
  throw new Error(
    `${REGISTRY_BINARY} did not answer http://127.0.0.1:${port}/v2/ ` +
      `${exited ? '(it exited)' : `within ${READY_TIMEOUT_MS} ms`}:\n${logText.slice(-2000)}`,
  );
}

// Written here rather than copied from /etc/docker/registry/config.yml: no auth, loopback only,
// no health-check goroutine, no upload purging; distribution 2.x has nothing that phones home
// unless configured (no bugsnag, newrelic, notifications or proxy sections here).
function registryConfig(storage: string, port: number): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(storage)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
    'health:',
    '  storagedriver:',
    '    enabled: false',
    '',
  ].join('\n');
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function probe(port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/v2/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

// A child that exited but was not reaped (its parent is this process) is a zombie, which
// signal 0 still reaches; /proc tells the two apart.
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}
