import type { PhaseName } from './container-command.js';
import { commonResourceOutputs, type DeployedResource } from './deployed-resources.js';
import type { LocalImage } from './engine.js';
import { messageOf } from './errors.js';
import type { Inputs } from './inputs.js';
import { EXPLAINED_EXIT_CODES, troubleshootingLink } from './failure-signatures.js';
import { formatDuration, MAX_CAPTURED_STDOUT_BYTES, type PhaseResult } from './phase-runner.js';
import type { PlanResult } from './plan-result.js';
import { CONTROL_CHARACTERS, findingsJson, locate, plural } from './preflight-report.js';
import type { PreflightReport } from './preflight/preflight.js';
import * as workflow from './workflow.js';

/** What one run of the action did, for its outputs and step summary. */
export interface RunReport {
  readonly inputs: Pick<Inputs, 'image' | 'target' | 'command'>;
  readonly bundleRelativePath: string;
  readonly image: LocalImage;
  readonly preflight: PreflightReport;
  readonly phases: readonly PhaseResult[];
  /** What the summary after a deploy listed; undefined when it did not run or failed. */
  readonly resources: readonly DeployedResource[] | undefined;
  /** What `bundle plan` would change; undefined unless a plan ran and was read. */
  readonly plan: PlanResult | undefined;
}

/** Success when every phase the result depends on succeeded (see Phase.informational). */
export function overallOutcome(phases: readonly PhaseResult[]): 'success' | 'failure' {
  const decisive = phases.filter((phase) => !phase.informational);
  return decisive.every((phase) => phase.outcome === 'success') ? 'success' : 'failure';
}

/** The run's outcome: the pre-flight passed and every phase after it succeeded. */
export function runOutcome(report: RunReport): 'success' | 'failure' {
  return report.preflight.passed ? overallOutcome(report.phases) : 'failure';
}

function setOutputs(report: RunReport, env = process.env): void {
  workflow.setOutput('result', runOutcome(report), env);
  workflow.setOutput('preflight-result', report.preflight.passed ? 'success' : 'failure', env);
  workflow.setOutput('findings', findingsJson(report.preflight), env);
  workflow.setOutput('local-files', JSON.stringify(report.preflight.artifacts), env);
  workflow.setOutput('image-id', report.image.id, env);
  workflow.setOutput('image-digest', report.image.repoDigest ?? '', env);
  for (const phase of report.phases) {
    workflow.setOutput(`${phase.name}-result`, phase.outcome, env);
  }
  workflow.setOutput('phases', JSON.stringify(report.phases.map(phaseRecord)), env);

  // A job's outputs share about 1 MB; the audit record lists every resource.
  const resources = (report.resources ?? []).slice(0, MAX_RESOURCE_OUTPUTS);
  workflow.setOutput('resources', JSON.stringify(resources.map(resourceRecord)), env);
  for (const [name, value] of Object.entries(commonResourceOutputs(resources))) {
    workflow.setOutput(name, value, env);
  }
  if (report.plan !== undefined) workflow.setOutput('plan', JSON.stringify(report.plan), env);
}

const MAX_RESOURCE_OUTPUTS = 1_000;

function resourceRecord(resource: DeployedResource) {
  return { group: resource.group, key: resource.key, id: resource.id, url: resource.url };
}

function phaseRecord(phase: PhaseResult) {
  return {
    name: phase.name,
    outcome: phase.outcome,
    'exit-code': phase.exitCode ?? null,
    'duration-ms': phase.durationMs,
  };
}

/** Outputs that cannot be written fail the step, saying what the phases did regardless. */
export function writeOutputs(report: RunReport, env = process.env): void {
  try {
    setOutputs(report, env);
  } catch (error) {
    const outcomes = [
      `pre-flight ${report.preflight.passed ? 'success' : 'failure'}`,
      ...report.phases.map((phase) => `${phase.name} ${phase.outcome}`),
    ].join(', ');
    workflow.setFailed(
      `The step outputs could not be written to GITHUB_OUTPUT ` +
        `(${messageOf(error)}); the phases ran ` +
        `regardless: ${outcomes}. Check the runner's work folder.`,
    );
  }
}

/**
 * The error for a failed run: the phase, the known cause (or what its exit code means) with a
 * link to its section in the troubleshooting guide, and the CLI's last lines.
 */
export function failureMessage(phases: readonly PhaseResult[], env = process.env): string {
  const failed = phases.find((phase) => phase.outcome === 'failure' && !phase.informational);
  if (failed === undefined) return 'A phase failed.';

  const lines = failed.errorTail.filter((line) => line.trim() !== '').slice(-10);
  const cause = failureCause(failed);
  const link = cause.id === undefined ? '' : ` See ${troubleshootingLink(cause.id, env)}.`;
  const consequence = STOPPED_BEFORE_CHANGES.includes(cause.id ?? '')
    ? 'Nothing was changed in the workspace.'
    : CONSEQUENCE[failed.name];
  return (
    `The ${failed.name} phase failed: ${cause.text}${link} ${consequence}\n` +
    `Last lines of the container's error output:\n${lines.join('\n') || '(none)'}`
  );
}

// Causes that stop the CLI before its first change: the lock is taken, the approval asked and
// the bundle found before anything is uploaded.
const STOPPED_BEFORE_CHANGES: readonly string[] = [
  'lock-held',
  'approval-required',
  'bundle-root-not-found',
];

const CONSEQUENCE: Record<PhaseName, string> = {
  validate: 'Nothing was changed in the workspace.',
  plan: 'Nothing was changed in the workspace.',
  deploy: 'The deployment may be incomplete; fix the cause and run the workflow again.',
  destroy: 'Some resources may remain; fix the cause and run the workflow again.',
  summary: 'The deployment itself succeeded.',
};

/**
 * docker's own exit codes say more than anything the CLI printed (a killed container printed
 * nothing about it), so they come first; then a known signature in the CLI's output.
 */
export function failureCause(phase: PhaseResult): { text: string; id: string | undefined } {
  if (phase.outputTooLarge === true) {
    return {
      text:
        `the CLI wrote more than ${MAX_CAPTURED_STDOUT_BYTES} bytes to stdout, more than the ` +
        'action reads, so its output was not used.',
      id: undefined,
    };
  }
  if (phase.timedOutAfterMs !== undefined) {
    return {
      text:
        `it ran longer than the timeout-minutes input allows ` +
        `(${formatMinutes(phase.timedOutAfterMs)}), so the action stopped it and removed its ` +
        'container.',
      id: 'phase-timeout',
    };
  }
  const code = phase.exitCode;
  if (code !== undefined && EXPLAINED_EXIT_CODES.includes(code)) {
    return { text: exitExplanation(code), id: `exit-code-${code}` };
  }
  if (phase.recognizedFailure !== undefined) {
    return { text: phase.recognizedFailure.explanation, id: phase.recognizedFailure.id };
  }
  return { text: exitExplanation(code), id: undefined };
}

// docker's own codes, and 2, which the CLI (a Go program) never chooses itself.
function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(2)} min`;
}

/**
 * The CLI itself exits with 0 or 1 only; 125 to 127 are docker's own codes for a container that
 * could not be started, and 137 and 143 are a container killed or stopped from outside, so
 * blaming the CLI for them would send people the wrong way.
 */
function exitExplanation(exitCode: number | undefined): string {
  switch (exitCode) {
    case 125:
      return (
        'docker could not create or start the container (exit code 125), so the CLI never ' +
        "ran. Check the docker-network input, if set, and the engine's message below."
      );
    case 126:
      return (
        "the image's entrypoint could not be executed (exit code 126). Check that the image is " +
        'a Databricks CLI image built for this platform.'
      );
    case 127:
      return (
        "the image's entrypoint was not found (exit code 127). Check that the image is a " +
        'Databricks CLI image whose entrypoint is the databricks binary.'
      );
    case 0:
      return 'the Databricks CLI reported warnings, and the fail-on-warnings input is true.';
    case 2:
      // A Go program exits 2 when its runtime stops it: an unhandled SIGTERM or SIGINT while it
      // is PID 1 (a `docker stop` of an image without an init), or a crash.
      return (
        'the CLI was stopped (exit code 2): by a signal such as `docker stop` or the engine ' +
        'shutting down, or by a crash of the CLI itself; the CLI reports its own errors with ' +
        'exit code 1. Check what stopped the container, and the last lines below.'
      );
    case 137:
      return (
        'the container was killed (exit code 137, SIGKILL): by the kernel for lack of memory, ' +
        'or by whoever stopped it. Check `dmesg` and the memory available to Docker on the runner.'
      );
    case 143:
      return (
        'the container was terminated (exit code 143, SIGTERM), by a `docker stop` or the ' +
        'engine shutting down, not by the CLI.'
      );
    default:
      return `the Databricks CLI exited with code ${exitCode}.`;
  }
}

const OUTCOME_MARK = { success: '✅', failure: '❌', skipped: '⏭️' } as const;

/** The step summary as Markdown: what ran, from which image, and how each step went. */
export function stepSummary(report: RunReport): string {
  const outcome = runOutcome(report);
  const digest = report.image.repoDigest === undefined ? 'none' : code(report.image.repoDigest);
  const rows = [
    `### Databricks bundle ${report.inputs.command}: ${OUTCOME_MARK[outcome]} ${outcome}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Target | ${cell(report.inputs.target)} |`,
    `| Bundle | ${code(report.bundleRelativePath)} |`,
    `| Image | ${code(report.inputs.image.raw)} |`,
    `| Image id | ${code(report.image.id)} |`,
    `| Registry digest | ${digest} |`,
    ...(report.preflight.cliVersion === undefined
      ? []
      : [`| Image CLI version | ${cell(report.preflight.cliVersion)} |`]),
    ...(report.preflight.engine?.engine === undefined
      ? []
      : [
          `| Deployment engine | ${report.preflight.engine.engine} ` +
            `(${cell(report.preflight.engine.source)}) |`,
        ]),
    '',
    ...preflightSection(report.preflight),
    ...phaseSection(report.phases),
    ...planSection(report.plan),
    ...resourceSection(report.resources),
  ];
  return rows.join('\n') + '\n';
}

function planSection(plan: PlanResult | undefined): string[] {
  if (plan === undefined) return [];
  const { create, change, delete: deletes, unchanged } = plan.counts;
  const lines = [
    `#### Plan: ${create} to add, ${change} to change, ${deletes} to delete, ` +
      `${unchanged} unchanged`,
    '',
  ];
  if (deletes > 0) {
    lines.push(
      `> [!WARNING]\n> This plan deletes or recreates ${plural(deletes, 'resource')}. ` +
        'Deploying it needs `auto-approve: true`.',
      '',
    );
  }
  if (plan.changes.length > 0) {
    lines.push('| Action | Resource |', '| --- | --- |');
    for (const change of plan.changes.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(`| ${cell(change.action)} | ${code(change.resource)} |`);
    }
    const hidden = plan.changes.length - MAX_SUMMARY_ROWS;
    if (hidden > 0) lines.push(`| | and ${hidden} more: see the plan output |`);
    lines.push('');
  }
  return lines;
}

function resourceSection(resources: readonly DeployedResource[] | undefined): string[] {
  if (resources === undefined || resources.length === 0) return [];
  const lines = [
    `#### Deployed resources (${resources.length})`,
    '',
    '| Resource | Name | Id | Link |',
    '| --- | --- | --- | --- |',
  ];
  for (const resource of resources.slice(0, MAX_SUMMARY_ROWS)) {
    const link = resource.url === null ? '' : `<a href="${escapeAttribute(resource.url)}">open</a>`;
    lines.push(
      `| ${code(`${resource.group}.${resource.key}`)} | ${cell(resource.name ?? '')} | ` +
        `${resource.id === null ? 'not deployed' : code(resource.id)} | ${link} |`,
    );
  }
  const hidden = resources.length - MAX_SUMMARY_ROWS;
  if (hidden > 0) lines.push(`| and ${hidden} more: see the audit record | | | |`);
  lines.push('');
  return lines;
}

function phaseSection(phases: readonly PhaseResult[]): string[] {
  if (phases.length === 0) return [];
  return [
    '| Phase | Outcome | Exit code | Duration |',
    '| --- | --- | --- | --- |',
    ...phases.map(
      (phase) =>
        `| ${phase.name} | ${OUTCOME_MARK[phase.outcome]} ${phase.outcome} | ` +
        `${phase.exitCode ?? ''} | ` +
        `${phase.outcome === 'skipped' ? '' : formatDuration(phase.durationMs)} |`,
    ),
    '',
  ];
}

// A step summary holds at most 1 MiB; the findings output always has the full list.
const MAX_SUMMARY_ROWS = 100;

function preflightSection(preflight: PreflightReport): string[] {
  const errors = preflight.findings.filter((finding) => finding.level === 'error').length;
  const warnings = preflight.findings.length - errors;
  const mark = preflight.passed ? OUTCOME_MARK.success : OUTCOME_MARK.failure;
  const lines = [
    `#### Pre-flight ${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} ` +
      `(policy ${preflight.policy})`,
    '',
  ];
  if (preflight.findings.length > 0) {
    lines.push('| Level | Rule | Where | Finding |', '| --- | --- | --- | --- |');
    for (const finding of preflight.findings.slice(0, MAX_SUMMARY_ROWS)) {
      const where = locate(finding).replace(/: $/, '');
      lines.push(
        `| ${finding.level} | ${cell(finding.rule)} | ${where === '' ? '' : code(where)} | ` +
          `${cell(finding.message)} |`,
      );
    }
    const hidden = preflight.findings.length - MAX_SUMMARY_ROWS;
    if (hidden > 0) lines.push(`| | | | and ${hidden} more: see the findings output |`);
    lines.push('');
  }
  if (preflight.artifacts.length > 0) {
    lines.push('| Local file | Bytes | SHA-256 |', '| --- | --- | --- |');
    for (const artifact of preflight.artifacts.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(`| ${code(artifact.path)} | ${artifact.bytes} | ${code(artifact.sha256)} |`);
    }
    lines.push('');
  }
  return lines;
}

/**
 * Writes the step summary. Some GitHub Enterprise Server versions have no step summaries, so
 * failing to write one is a warning, never a failed deployment.
 */
export function writeStepSummary(report: RunReport, env = process.env): void {
  try {
    workflow.appendStepSummary(stepSummary(report), env);
  } catch (error) {
    const reason = messageOf(error);
    workflow.warning(
      `The step summary could not be written (${reason}); ` +
        'the outputs and the log hold the same results.',
    );
  }
}

/** A table cell: pipes and HTML would break the table or be rendered, so they are escaped. */
function cell(text: string): string {
  return escapeMarkdown(shortened(text));
}

// A step summary holds at most 1 MiB, and escaping can make a character five; the outputs and
// the audit record keep the full values.
const MAX_CELL_CHARACTERS = 300;

function shortened(text: string): string {
  return text.length <= MAX_CELL_CHARACTERS ? text : `${text.slice(0, MAX_CELL_CHARACTERS)}…`;
}

/** A URL inside a double-quoted HTML attribute: only the characters that could end it. */
function escapeAttribute(url: string): string {
  return url
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '%7C');
}

function code(text: string): string {
  return `<code>${escapeMarkdown(shortened(text))}</code>`;
}

/**
 * Escapes text for a table cell: HTML, the table's pipes, and the characters that would make
 * Markdown links, emphasis or code spans, as numeric entities, which GitHub renders as text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/[<>|[\]()*_`~\\!]/g, (character) => `&#${character.charCodeAt(0)};`);
}
