/**
 * Runs the action the way the runner does: a scratch "runner" with a checkout, RUNNER_TEMP, the
 * output and summary files, and INPUT_* variables, then `node dist/index.js` (or run() in
 * process, for coverage). Nothing here mocks Docker: the containers run on the real engine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, expect } from '@jest/globals';

import { createPlaceholders, REPOSITORY_ROOT, SHARED_BUNDLES_DIR } from './bundles.js';
import { run } from './exec.js';

const EXAMPLES = path.join(REPOSITORY_ROOT, 'examples');

export interface RunnerFolders {
  readonly root: string;
  readonly checkout: string;
  readonly runnerTemp: string;
  readonly outputFile: string;
  readonly summaryFile: string;
}

export function makeRunner(): RunnerFolders {
  const root = mkdtempSync(path.join(tmpdir(), 'action-run-'));
  const folders = {
    root,
    checkout: path.join(root, 'checkout'),
    runnerTemp: path.join(root, 'runner-temp'),
    outputFile: path.join(root, 'github-output'),
    summaryFile: path.join(root, 'step-summary.md'),
  };
  mkdirSync(folders.checkout);
  mkdirSync(folders.runnerTemp);
  writeFileSync(folders.outputFile, '');
  writeFileSync(folders.summaryFile, '');
  return folders;
}

/** Empties the output and summary files, for a second run of the action in the same test. */
export function resetRunnerFiles(folders: RunnerFolders): void {
  writeFileSync(folders.outputFile, '');
  writeFileSync(folders.summaryFile, '');
}

export function removeRunner(folders: RunnerFolders): void {
  rmSync(folders.root, { recursive: true, force: true });
}

/**
 * A fresh scratch runner for each test, removed after it, with a check that the test left no
 * container of the action's behind. Returns a getter for the current test's runner.
 */
export function useScratchRunnerPerTest(): () => RunnerFolders {
  let runner: RunnerFolders | undefined;
  beforeEach(() => {
    runner = makeRunner();
  });
  afterEach(async () => {
    // Whatever the test did, no file in the checkout may belong to another user.
    const foreign = runner === undefined ? [] : foreignFiles(runner.checkout);
    if (runner !== undefined) removeRunner(runner);
    expect(foreign).toEqual([]);
    expect(await actionContainers()).toEqual([]);
  });
  return () => {
    if (runner === undefined) throw new Error('no scratch runner outside a test');
    return runner;
  };
}

/** Copies one of the project's examples into the checkout at `relative`; returns its path. */
export function copyExample(name: string, folders: RunnerFolders, relative: string): string {
  return copyIntoCheckout(path.join(EXAMPLES, name), folders, relative);
}

function copyIntoCheckout(source: string, folders: RunnerFolders, relative: string): string {
  const target = path.join(folders.checkout, relative);
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Copies a shared example bundle into the checkout, writable by its owner as a checkout is
 * (the shared folder itself may have no write bits), with placeholders for the sources its YAML
 * names. Returns the bundle's path in the checkout.
 */
export function copySharedBundle(name: string, folders: RunnerFolders, relative: string): string {
  const target = copyIntoCheckout(path.join(SHARED_BUNDLES_DIR, name), folders, relative);
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
  }
  chmodSync(target, 0o755);
  createPlaceholders(target);
  return target;
}

/** The environment a runner gives a node action step: its variables plus INPUT_* ones. */
export function runnerEnvironment(
  folders: RunnerFolders,
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: folders.checkout,
    RUNNER_TEMP: folders.runnerTemp,
    GITHUB_OUTPUT: folders.outputFile,
    GITHUB_STEP_SUMMARY: folders.summaryFile,
    GITHUB_RUN_ID: '4242',
    RUNNER_DEBUG: '1',
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return env;
}

export interface ProcessResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node dist/index.js`, as the runner starts a node24 action. */
export function runBuiltAction(env: Record<string, string>): Promise<ProcessResult> {
  return startBuiltAction(env).finished;
}

/** Parses the GITHUB_OUTPUT file format (name<<delimiter, value lines, delimiter). */
export function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? '');
    if (match === null) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** Names of containers (running or stopped) that this action started. */
export async function actionContainers(): Promise<string[]> {
  const result = await run([
    'docker',
    'ps',
    '--all',
    '--filter',
    'name=databricks-bundle-',
    '--format',
    '{{.Names}}',
  ]);
  return result.stdout.split('\n').filter((name) => name !== '');
}

export function standInImage(): string {
  const image = process.env['STAND_IN_IMAGE'];
  if (image === undefined || image === '') {
    throw new Error('STAND_IN_IMAGE is not set: jest global set-up did not build the stand-in');
  }
  return image;
}

/**
 * Runs the action's run() inside the test process, with the same environment the built action
 * would get, so that coverage counts it. Its log lines are captured instead of printed.
 */
export async function runInProcess(env: Record<string, string>): Promise<ProcessResult> {
  const { run } = await import('../../src/main.js');
  const written: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  const previousExitCode = process.exitCode;
  process.exitCode = 0;
  try {
    await run(env);
    return { exitCode: Number(process.exitCode ?? 0), stdout: written.join(''), stderr: '' };
  } finally {
    process.stdout.write = originalWrite;
    process.exitCode = previousExitCode;
  }
}

export type ActionRunner = (env: Record<string, string>) => Promise<ProcessResult>;

/** Both ways of running the action, for tests that must hold for each. */
export const RUNNERS: [string, ActionRunner][] = [
  ['built action (node dist/index.js)', runBuiltAction],
  ['run() in process', runInProcess],
];

/** The built action started in the background, for tests that signal it mid-run. */
export interface StartedAction {
  readonly child: ChildProcess;
  /** Resolves once the action's output contains `text`. */
  waitForOutput(text: string): Promise<void>;
  readonly finished: Promise<ProcessResult>;
}

export function startBuiltAction(env: Record<string, string>): StartedAction {
  const child = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'dist/index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (data: Buffer) => {
    stdout += data.toString('utf8');
    for (const waiter of waiters.filter((entry) => stdout.includes(entry.text))) {
      waiter.resolve();
    }
  });
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  const finished = new Promise<ProcessResult>((resolve) =>
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr })),
  );
  return {
    child,
    finished,
    waitForOutput: (text) =>
      stdout.includes(text)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ text, resolve })),
  };
}

/** Files under a folder that are not owned by this process's user. */
export function foreignFiles(folder: string): string[] {
  const uid = process.getuid?.() ?? 0;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (statSync(full).uid !== uid) found.push(full);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(folder);
  return found;
}
