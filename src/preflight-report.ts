import path from 'node:path';

import type { Diagnostic } from './diagnostics.js';
import type { ReportedFinding } from './preflight/findings.js';
import type { PreflightReport } from './preflight/preflight.js';
import * as workflow from './workflow.js';

/**
 * Each finding becomes an annotation on its file and line, so a reviewer sees it on the pull
 * request's changed files, and a log line, so it is in the log too.
 */
export function announceFindings(report: PreflightReport): void {
  for (const finding of report.findings) {
    const location = {
      title: `Pre-flight: ${finding.rule}`,
      ...(finding.file === undefined ? {} : { file: finding.file }),
      ...(finding.line === undefined ? {} : { line: finding.line }),
    };
    if (finding.level === 'error') workflow.error(finding.message, location);
    else workflow.warning(finding.message, location);
  }

  const errors = report.findings.filter((finding) => finding.level === 'error').length;
  const warnings = report.findings.length - errors;
  workflow.info(
    `Pre-flight (policy ${report.policy}): ${plural(errors, 'error')}, ` +
      `${plural(warnings, 'warning')}, ${plural(report.artifacts.length, 'local file')} hashed` +
      (report.engine?.engine === undefined
        ? ''
        : `; deployment engine ${report.engine.engine} (${printable(report.engine.source)})`) +
      (report.cliVersion === undefined ? '' : `; image CLI ${report.cliVersion}`),
  );
  for (const artifact of report.artifacts) {
    workflow.info(`  ${artifact.sha256}  ${printable(artifact.path)} (${artifact.bytes} bytes)`);
  }
}

/**
 * The CLI's diagnostics as annotations on the repository file and line, once each: validate
 * and deploy print the same warnings. Paths in them are relative to the bundle root.
 */
export function announceDiagnostics(
  phases: readonly { name: string; diagnostics: readonly Diagnostic[] }[],
  bundleRelativePath: string,
): void {
  const seen = new Set<string>();
  for (const phase of phases) {
    for (const diagnostic of phase.diagnostics) {
      const location = diagnostic.locations[0];
      const file =
        location === undefined
          ? undefined
          : path.posix.normalize(path.posix.join(bundleRelativePath, location.file));
      const key = JSON.stringify([diagnostic.severity, diagnostic.summary, file, location?.line]);
      if (seen.has(key)) continue;
      seen.add(key);

      const at = diagnostic.paths.length > 0 ? ` (at ${diagnostic.paths.join(', ')})` : '';
      const detail = diagnostic.detail === '' ? '' : `\n${diagnostic.detail}`;
      const message = `${diagnostic.summary}${at}${detail}`;
      const title = `Databricks CLI (${phase.name})`;
      const properties =
        file === undefined || location === undefined
          ? { title }
          : { title, file, line: location.line, col: location.column };
      if (diagnostic.severity === 'error') workflow.error(message, properties);
      else if (diagnostic.severity === 'warning') workflow.warning(message, properties);
      else workflow.notice(message, properties);
    }
  }
}

/** The step's error when the pre-flight stops it: how many findings, and the first few. */
export function preflightFailureMessage(report: PreflightReport): string {
  const errors = report.findings.filter((finding) => finding.level === 'error');
  const shown = errors.slice(0, 5).map((finding) => `- ${locate(finding)}${finding.message}`);
  const more = errors.length > shown.length ? [`- and ${errors.length - shown.length} more`] : [];
  return [
    `The pre-flight found ${plural(errors.length, 'problem')} (policy ${report.policy}), so no ` +
      'container ran with credentials and nothing was deployed:',
    ...shown,
    ...more,
  ].join('\n');
}

export function locate(finding: ReportedFinding): string {
  if (finding.file === undefined) return '';
  return finding.line === undefined ? `${finding.file}: ` : `${finding.file}:${finding.line}: `;
}

// A job's outputs share a size limit of about 1 MB; the log and annotations have them all.
const MAX_FINDINGS_OUTPUT = 1_000;

/** The findings as the `findings` output: one JSON object each, in the order found. */
export function findingsJson(report: PreflightReport): string {
  return JSON.stringify(report.findings.slice(0, MAX_FINDINGS_OUTPUT).map(findingRecord));
}

/** One finding as JSON shows it, in the output and the audit record alike. */
export function findingRecord(finding: ReportedFinding) {
  return {
    rule: finding.rule,
    level: finding.level,
    kind: finding.kind,
    file: finding.file ?? null,
    line: finding.line ?? null,
    message: finding.message,
  };
}

// Control characters, and the two Unicode line separators: each can end a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/**
 * A file name or path for a log line: control characters (a newline in a file name could start
 * a forged workflow command) are shown as escapes instead.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => JSON.stringify(character).slice(1, -1));
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
