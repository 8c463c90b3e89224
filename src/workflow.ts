/**
 * The runner's workflow-command and file-command protocol, the small part of it this action
 * uses. It stands in for @actions/core on purpose: that package statically imports an HTTP
 * client stack (undici) for OIDC tokens, which this action never requests. Bundled, it roughly
 * doubled the action's start-up time and put a network client into an action whose reviewers
 * must confirm it fetches nothing. The protocol is documented by GitHub ("Workflow commands for
 * GitHub Actions"); the escaping below follows that documentation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** An input's value exactly as the runner passed it (INPUT_<NAME>), untrimmed; '' when unset. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '';
}

/** Asks the runner to mask a value in every later log line, line by line for multi-line values. */
export function setSecret(value: string): void {
  const candidates = new Set([value, value.trim(), ...value.split(/\r?\n/)]);
  for (const candidate of candidates) {
    if (candidate.trim() !== '') issue('add-mask', {}, candidate);
  }
}

/** Sets a step output through the GITHUB_OUTPUT file. */
export function setOutput(name: string, value: string, env = process.env): void {
  const file = env['GITHUB_OUTPUT'];
  if (file === undefined || file === '') {
    // Outside a runner (a local trial run) there is no output file; show the value instead.
    info(`output ${name}=${value}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/**
 * Saves a value for this action's `post:` step through the GITHUB_STATE file; the runner hands
 * it back as STATE_<name>. Outside a runner there is no post step, and nothing to save.
 */
export function saveState(name: string, value: string, env = process.env): void {
  const file = env['GITHUB_STATE'];
  if (file === undefined || file === '') return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** A value the main step saved with saveState; '' when there is none. */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? '';
}

/** Appends Markdown to the job's step summary; throws when the runner offers none. */
export function appendStepSummary(markdown: string, env = process.env): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') {
    throw new Error('GITHUB_STEP_SUMMARY is not set on this runner');
  }
  appendFileSync(file, markdown, 'utf8');
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issue('debug', {}, message);
}

/** Where an annotation points; paths are relative to the repository root. */
export interface AnnotationLocation {
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title?: string;
}

export function warning(message: string, location: AnnotationLocation = {}): void {
  issue('warning', location, message);
}

export function notice(message: string, location: AnnotationLocation = {}): void {
  issue('notice', location, message);
}

export function error(message: string, location: AnnotationLocation = {}): void {
  issue('error', location, message);
}

/** Marks the step failed with a message; the process exits with code 1 when it ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Runs work inside a collapsible log group. */
export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  issue('group', {}, name);
  try {
    return await work();
  } finally {
    issue('endgroup', {}, '');
  }
}

let activeResumeToken: string | undefined;

/** Pauses command processing, so that untrusted output cannot issue workflow commands. */
export function stopCommands(resumeToken: string): void {
  issue('stop-commands', {}, resumeToken);
  activeResumeToken = resumeToken;
}

export function resumeCommands(resumeToken: string): void {
  process.stdout.write(`${EOL}::${resumeToken}::${EOL}`);
  activeResumeToken = undefined;
}

/** Runs work with command processing paused, so that output it prints cannot issue commands. */
export async function withCommandsStopped<T>(work: () => Promise<T>): Promise<T> {
  const resumeToken = randomBytes(16).toString('hex');
  stopCommands(resumeToken);
  try {
    return await work();
  } finally {
    resumeCommands(resumeToken);
  }
}

/** Resumes command processing if it is paused, e.g. when a step is cancelled mid-phase. */
export function resumeStoppedCommands(): void {
  if (activeResumeToken !== undefined) resumeCommands(activeResumeToken);
}

function issue(command: string, properties: AnnotationLocation, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(
    `::${command}${props === '' ? '' : ' ' + props}::${escapeData(message)}${EOL}`,
  );
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
