import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { BundleLocation } from './bundle-location.js';
import type { PhaseName } from './container-command.js';
import type { DeployedResource } from './deployed-resources.js';
import type { LocalImage } from './engine.js';
import type { Inputs } from './inputs.js';
import type { PhaseResult } from './phase-runner.js';
import type { PlanResult } from './plan-result.js';
import { findingRecord } from './preflight-report.js';
import { failureCause } from './report.js';
import type { PreflightReport } from './preflight/preflight.js';
import { ACTION_NAME, ACTION_VERSION } from './version.js';

// Bumped whenever a field changes meaning or goes away; schema/audit-record.schema.json
// describes this version.
export const AUDIT_RECORD_VERSION = 1;

/** A phase whose container was running when the job was cancelled. */
export interface RunningPhase {
  readonly name: PhaseName;
  readonly startedAt: Date;
}

/** What one run found out, as far as it got: a run that stopped early knows less. */
export interface AuditFacts {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly inputs: Inputs | undefined;
  readonly location: BundleLocation | undefined;
  readonly image: LocalImage | undefined;
  readonly preflight: PreflightReport | undefined;
  readonly phases: readonly PhaseResult[];
  /** Set when the job was cancelled while this phase ran. */
  readonly cancelledPhase?: RunningPhase | undefined;
  readonly resources: readonly DeployedResource[] | undefined;
  readonly plan: PlanResult | undefined;
  readonly result: 'success' | 'failure';
  /** Why the run failed, in one line of the action's own words; never the CLI's output. */
  readonly error: string | undefined;
}

/**
 * The audit record: who ran what, from which source, with which tool, and what happened. It is
 * built from the action's own facts and the runner's GITHUB_* variables by name, never from an
 * environment dump; `secrets` are replaced wherever they might still appear.
 */
export function auditRecord(
  facts: AuditFacts,
  env: NodeJS.ProcessEnv,
  secrets: readonly string[],
): unknown {
  const { inputs, location, image, preflight } = facts;
  const record = {
    record_version: AUDIT_RECORD_VERSION,
    action: {
      name: ACTION_NAME,
      version: ACTION_VERSION,
      repository: variable(env, 'GITHUB_ACTION_REPOSITORY'),
      ref: variable(env, 'GITHUB_ACTION_REF'),
    },
    run: runFacts(env),
    runner: {
      name: variable(env, 'RUNNER_NAME'),
      os: variable(env, 'RUNNER_OS'),
      arch: variable(env, 'RUNNER_ARCH'),
    },
    settings: inputs === undefined ? null : settings(inputs),
    started_at: facts.startedAt.toISOString(),
    finished_at: facts.finishedAt.toISOString(),
    result: facts.result,
    error: facts.error ?? null,
    command: inputs?.command ?? null,
    target: inputs?.target ?? null,
    bundle:
      location === undefined
        ? null
        : {
            path: location.relativePath,
            config_file: location.configFile,
            name: preflight?.bundleName ?? null,
          },
    image:
      image === undefined || inputs === undefined
        ? null
        : {
            reference: inputs.image.raw,
            id: image.id,
            repo_digest: image.repoDigest ?? null,
            platform: image.platform,
            cli_version: preflight?.cliVersion ?? null,
          },
    engine: preflight?.engine?.engine ?? null,
    preflight:
      preflight === undefined
        ? null
        : {
            result: preflight.passed ? 'success' : 'failure',
            policy: preflight.policy,
            findings: preflight.findings.map(findingRecord),
          },
    local_files: (preflight?.artifacts ?? []).map((artifact) => ({
      path: artifact.path,
      bytes: artifact.bytes,
      sha256: artifact.sha256,
    })),
    phases: [
      ...facts.phases.map((phase) => ({
        name: phase.name,
        outcome: phase.outcome,
        exit_code: phase.exitCode ?? null,
        started_at: phase.startedAt ?? null,
        finished_at: phase.finishedAt ?? null,
        duration_ms: phase.durationMs,
        failure: phase.outcome === 'failure' ? (failureCause(phase).id ?? null) : null,
      })),
      ...(facts.cancelledPhase === undefined
        ? []
        : [cancelledRecord(facts.cancelledPhase, facts.finishedAt)]),
    ],
    resources:
      facts.resources?.map((resource) => ({
        group: resource.group,
        key: resource.key,
        name: resource.name,
        id: resource.id,
        url: resource.url,
      })) ?? null,
    plan:
      facts.plan === undefined ? null : { counts: facts.plan.counts, changes: facts.plan.changes },
  };
  return redact(
    record,
    secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH),
  );
}

/** The inputs that change what a run does, as the action understood them; no secret. */
function settings(inputs: Inputs) {
  return {
    image: inputs.image.raw,
    workspace_host: inputs.workspaceHost ?? null,
    working_directory: inputs.workingDirectory,
    auth_type: inputs.credentials.authType,
    auto_approve: inputs.deployFlags.autoApprove,
    force_lock: inputs.deployFlags.forceLock,
    fail_on_active_runs: inputs.deployFlags.failOnActiveRuns,
    fail_on_warnings: inputs.failOnWarnings,
    policy: inputs.policy,
    engine: inputs.engine ?? null,
    container_runtime: inputs.runtime,
    entrypoint: inputs.entrypoint ?? null,
    docker_network: inputs.dockerNetwork ?? null,
    ca_bundle: inputs.caBundle ?? null,
    image_archive_sha256: inputs.imageArchive?.sha256 ?? null,
    timeout_minutes: inputs.timeoutMs === undefined ? null : inputs.timeoutMs / 60_000,
    clean_local_state: inputs.cleanLocalState,
  };
}

function cancelledRecord(phase: RunningPhase, cancelledAt: Date) {
  return {
    name: phase.name,
    outcome: 'cancelled',
    exit_code: null,
    started_at: phase.startedAt.toISOString(),
    finished_at: cancelledAt.toISOString(),
    duration_ms: cancelledAt.getTime() - phase.startedAt.getTime(),
    failure: null,
  };
}

// The runner's variables that say where a change came from and who made it.
function runFacts(env: NodeJS.ProcessEnv) {
  return {
    server_url: variable(env, 'GITHUB_SERVER_URL'),
    repository: variable(env, 'GITHUB_REPOSITORY'),
    commit: variable(env, 'GITHUB_SHA'),
    ref: variable(env, 'GITHUB_REF'),
    event_name: variable(env, 'GITHUB_EVENT_NAME'),
    workflow: variable(env, 'GITHUB_WORKFLOW'),
    workflow_ref: variable(env, 'GITHUB_WORKFLOW_REF'),
    job: variable(env, 'GITHUB_JOB'),
    run_id: variable(env, 'GITHUB_RUN_ID'),
    run_attempt: variable(env, 'GITHUB_RUN_ATTEMPT'),
    actor: variable(env, 'GITHUB_ACTOR'),
    triggering_actor: variable(env, 'GITHUB_TRIGGERING_ACTOR'),
  };
}

function variable(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

// Shorter values would replace ordinary words; no credential is this short.
const MIN_SECRET_LENGTH = 4;

/** A copy with every occurrence of a secret in a string replaced by `***`. */
function redact(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') {
    return secrets.reduce((text, secret) => text.replaceAll(secret, '***'), value);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redact(item, secrets)]),
    );
  }
  return value;
}

export interface WrittenRecord {
  readonly path: string;
  readonly sha256: string;
}

/**
 * Writes the record as a new file under RUNNER_TEMP (never in the bundle, which is uploaded to
 * the workspace) and returns the SHA-256 of exactly the bytes written, for a later step to sign
 * or store. The runner empties RUNNER_TEMP after the job, so a later step must keep it.
 */
export function writeAuditRecord(record: unknown, runnerTemp: string): WrittenRecord {
  const bytes = Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
  const name = `databricks-bundle-audit-${Date.now()}-${randomBytes(4).toString('hex')}.json`;
  const file = path.join(runnerTemp, name);
  // `wx`: a new file only, so nothing already there is ever overwritten.
  writeFileSync(file, bytes, { flag: 'wx' });
  return { path: file, sha256: createHash('sha256').update(bytes).digest('hex') };
}
