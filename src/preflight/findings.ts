import path from 'node:path';

/**
 * What the pre-flight found, and what each finding does to the step.
 *
 * Findings come in three kinds, because they call for different responses:
 * - `stop`: the deployment cannot be correct (unreadable configuration, a file that is missing
 *   or does not match its checksum, credentials that would go to another workspace, an image
 *   that is not the pinned one). These always fail the step, whatever the policy.
 * - `policy`: something would fetch from outside the enclave, at deploy time or when the
 *   deployed jobs run, or would fail for want of a local file (a profile). The `policy` input
 *   decides: strict fails, warn annotates, off drops.
 * - `advice`: worth a reviewer's attention but never wrong in itself (a mutable tag, `**` in an
 *   include). Always a warning.
 */
export type FindingKind = 'stop' | 'policy' | 'advice';

export interface Finding {
  /** A stable, short name of the rule, e.g. `artifact-build`; the JSON output carries it. */
  readonly rule: string;
  readonly kind: FindingKind;
  /** One or two sentences: what was found, why it matters, and what to do. */
  readonly message: string;
  /** The file, relative to the repository root with forward slashes, when there is one. */
  readonly file?: string;
  readonly line?: number;
}

export const POLICIES = ['strict', 'warn', 'off'] as const;
export type Policy = (typeof POLICIES)[number];

/** A finding after the policy: how it is annotated, and whether it fails the step. */
export interface ReportedFinding extends Finding {
  readonly level: 'error' | 'warning';
}

export function applyPolicy(findings: readonly Finding[], policy: Policy): ReportedFinding[] {
  const reported: ReportedFinding[] = [];
  for (const finding of findings) {
    if (finding.kind === 'stop') {
      reported.push({ ...finding, level: 'error' });
    } else if (finding.kind === 'advice') {
      reported.push({ ...finding, level: 'warning' });
    } else if (policy !== 'off') {
      reported.push({ ...finding, level: policy === 'strict' ? 'error' : 'warning' });
    }
  }
  return reported;
}

const MAX_MESSAGE = 1_000;

interface Location {
  readonly file: string;
  readonly line?: number | undefined;
}

/** Collects findings with the file path made relative to the repository root. */
export class FindingList {
  readonly items: Finding[] = [];

  /** @param bundlePrefix the bundle folder relative to the repository root ('.' for the root) */
  constructor(private readonly bundlePrefix: string) {}

  /** Adds a finding located in a bundle file (a path relative to the bundle root). */
  add(rule: string, kind: FindingKind, message: string, where?: Location): void {
    const located =
      where === undefined ? undefined : { ...where, file: this.repositoryPath(where.file) };
    this.addAt(rule, kind, message, located);
  }

  /** Adds a finding located in a file given relative to the repository root. */
  addAt(rule: string, kind: FindingKind, message: string, where?: Location): void {
    // A message quotes values from the bundle, which may be huge; the step summary and the
    // outputs have size limits.
    const text =
      message.length > MAX_MESSAGE
        ? `${message.slice(0, MAX_MESSAGE - 15)}... (shortened)`
        : message;
    const finding: Finding = { rule, kind, message: text };
    if (where === undefined) {
      this.items.push(finding);
    } else if (where.line === undefined) {
      this.items.push({ ...finding, file: where.file });
    } else {
      this.items.push({ ...finding, file: where.file, line: where.line });
    }
  }

  /** A bundle-relative path as the repository-relative path annotations need. */
  repositoryPath(bundleRelative: string): string {
    // A bundle file may be named from outside the bundle folder (include: ../common/*.yml).
    if (this.bundlePrefix === '.' || this.bundlePrefix === '') {
      return path.posix.normalize(bundleRelative);
    }
    return path.posix.normalize(`${this.bundlePrefix}/${bundleRelative}`);
  }
}
