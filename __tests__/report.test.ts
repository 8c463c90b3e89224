import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, jest, test } from '@jest/globals';

import { parseImageReference } from '../src/image-reference.js';
import { LineTail, type PhaseResult } from '../src/phase-runner.js';
import {
  escapeMarkdown,
  failureMessage,
  overallOutcome,
  type RunReport,
  stepSummary,
  writeStepSummary,
} from '../src/report.js';
import { printable } from '../src/preflight-report.js';

const phase = (name: PhaseResult['name'], outcome: PhaseResult['outcome']): PhaseResult => ({
  name,
  outcome,
  exitCode: outcome === 'skipped' ? undefined : outcome === 'success' ? 0 : 1,
  startedAt: outcome === 'skipped' ? undefined : '2026-12-04T10:00:00.000Z',
  finishedAt: outcome === 'skipped' ? undefined : '2026-12-04T10:00:02.345Z',
  durationMs: outcome === 'skipped' ? 0 : 2345,
  informational: name === 'summary',
  output: undefined,
  errorTail: [],
  diagnostics: [],
});

const report: RunReport = {
  inputs: {
    image: parseImageReference('mirror.internal/databricks/cli:0.298.0'),
    target: 'prod|<b>',
    command: 'deploy',
  },
  bundleRelativePath: 'bundles/sales',
  image: {
    id: 'sha256:abc',
    repoDigest: undefined,
    repoDigests: [],
    platform: 'linux/amd64',
    os: 'linux',
    architecture: 'amd64',
    env: {},
  },
  preflight: {
    policy: 'strict',
    findings: [],
    artifacts: [],
    cliVersion: undefined,
    engine: undefined,
    bundleName: 'sales',
    passed: true,
  },
  phases: [phase('validate', 'failure'), phase('deploy', 'skipped')],
  resources: undefined,
  plan: undefined,
};

afterEach(() => {
  jest.restoreAllMocks();
});

describe('stepSummary', () => {
  test('shows the target, image, digest and every phase', () => {
    expect(stepSummary(report)).toBe(
      [
        '### Databricks bundle deploy: ❌ failure',
        '',
        '| | |',
        '| --- | --- |',
        '| Target | prod&#124;&#60;b&#62; |',
        '| Bundle | <code>bundles/sales</code> |',
        '| Image | <code>mirror.internal/databricks/cli:0.298.0</code> |',
        '| Image id | <code>sha256:abc</code> |',
        '| Registry digest | none |',
        '',
        '#### Pre-flight ✅ 0 errors, 0 warnings (policy strict)',
        '',
        '| Phase | Outcome | Exit code | Duration |',
        '| --- | --- | --- | --- |',
        '| validate | ❌ failure | 1 | 2.3 s |',
        '| deploy | ⏭️ skipped |  |  |',
        '',
        '',
      ].join('\n'),
    );
  });

  test('escapes Markdown and HTML', () => {
    expect(escapeMarkdown('a|b<c>&\nd')).toBe('a&#124;b&#60;c&#62;&amp; d');
    // A lone carriage return ends a Markdown line too; so do the Unicode separators.
    expect(escapeMarkdown('echo\r### x\u2028y\u0000')).toBe('echo ### x y ');
    expect(printable('a\n::error::x\r\u0007.whl')).toBe('a\\n::error::x\\r\\u0007.whl');
    expect(escapeMarkdown('[x](https://e.test) *b* _i_ `c` ~s~ \\ !')).toBe(
      '&#91;x&#93;&#40;https://e.test&#41; &#42;b&#42; &#95;i&#95; &#96;c&#96; &#126;s&#126; ' +
        '&#92; &#33;',
    );
  });

  test('a runner without step summaries gets a warning, not a failure', () => {
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    writeStepSummary(report, {});
    const folder = mkdtempSync(path.join(tmpdir(), 'summary-'));
    writeStepSummary(report, { GITHUB_STEP_SUMMARY: folder });
    rmSync(folder, { recursive: true });
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^::warning::The step summary could not be written/);
    expect(written[1]).toMatch(/EISDIR/);
  });
});

describe('failureMessage', () => {
  const failed = (name: PhaseResult['name'], exitCode: number): PhaseResult => ({
    ...phase(name, 'failure'),
    exitCode,
    errorTail: ['Uploading...', '', 'Error: something broke', '  at resources.jobs.x'],
  });

  test('names the phase, the exit code and the last error lines', () => {
    expect(failureMessage([phase('validate', 'success'), failed('deploy', 1)])).toBe(
      'The deploy phase failed: the Databricks CLI exited with code 1. The deployment may be ' +
        "incomplete; fix the cause and run the workflow again.\nLast lines of the container's " +
        'error output:\nUploading...\nError: something broke\n  at resources.jobs.x',
    );
  });

  test.each([
    [2, /the CLI was stopped \(exit code 2\): by a signal such as `docker stop`/],
    [125, /docker could not create or start the container \(exit code 125\)/],
    [126, /entrypoint could not be executed \(exit code 126\)/],
    [127, /entrypoint was not found \(exit code 127\)/],
    [137, /container was killed \(exit code 137, SIGKILL\)/],
    [143, /container was terminated \(exit code 143, SIGTERM\)/],
  ])("explains docker's own exit code %i", (exitCode, message) => {
    const text = failureMessage([failed('validate', exitCode), phase('deploy', 'skipped')]);
    expect(text).toMatch(message);
    expect(text).toContain('Nothing was changed in the workspace.');
    expect(text).toContain(`See docs/TROUBLESHOOTING.md#exit-code-${exitCode}`);
    expect(text).not.toContain('the Databricks CLI exited');
  });
});

describe('LineTail', () => {
  test('keeps the last complete lines of a chunked stream', () => {
    const tail = new LineTail(3);
    tail.push('one\ntw');
    tail.push('o\r\nthree\nfour\nfi');
    expect(tail.lines()).toEqual(['three', 'four', 'fi']);
    tail.push('ve\n');
    expect(tail.lines()).toEqual(['three', 'four', 'five']);
  });
});

describe('results of deploy and plan', () => {
  const resources = [
    {
      group: 'jobs',
      key: 'nightly',
      name: '[dev a] nightly|x',
      id: '123',
      url: 'https://adb-1.azuredatabricks.net/jobs/123?o=1&x="y"',
    },
    { group: 'schemas', key: 'sales', name: null, id: null, url: null },
  ];

  test('the summary lists deployed resources with escaped names and links', () => {
    const text = stepSummary({
      ...report,
      phases: [phase('validate', 'success'), phase('deploy', 'success')],
      resources,
    });
    expect(text).toContain('#### Deployed resources (2)');
    expect(text).toContain(
      '| <code>jobs.nightly</code> | &#91;dev a&#93; nightly&#124;x | <code>123</code> | ' +
        '<a href="https://adb-1.azuredatabricks.net/jobs/123?o=1&amp;x=&quot;y&quot;">open</a> |',
    );
    expect(text).toContain('| <code>schemas.sales</code> |  | not deployed |  |');
  });

  test('a very long name is shortened in the summary, never in the outputs', () => {
    const long = 'n'.repeat(1_000);
    const text = stepSummary({
      ...report,
      phases: [phase('validate', 'success'), phase('deploy', 'success')],
      resources: [{ group: 'jobs', key: 'k', name: long, id: '1', url: null }],
    });
    expect(text).toContain(`| ${'n'.repeat(300)}… |`);
    expect(text).not.toContain('n'.repeat(301));
  });

  test('the summary shows the plan, with a warning when it deletes', () => {
    const text = stepSummary({
      ...report,
      inputs: { ...report.inputs, command: 'plan' },
      phases: [phase('validate', 'success'), phase('plan', 'success')],
      plan: {
        changes: [
          { resource: 'jobs.nightly', action: 'create' },
          { resource: 'schemas.sales', action: 'recreate' },
        ],
        counts: { create: 2, change: 0, delete: 1, unchanged: 3 },
      },
    });
    expect(text).toContain('### Databricks bundle plan: ✅ success');
    expect(text).toContain('#### Plan: 2 to add, 0 to change, 1 to delete, 3 unchanged');
    expect(text).toContain('needs `auto-approve: true`');
    expect(text).toContain('| recreate | <code>schemas.sales</code> |');
  });

  test('a failed summary after a deploy does not fail the run', () => {
    const phases = [
      phase('validate', 'success'),
      phase('deploy', 'success'),
      phase('summary', 'failure'),
    ];
    expect(overallOutcome(phases)).toBe('success');
    expect(overallOutcome([phase('validate', 'success'), phase('deploy', 'failure')])).toBe(
      'failure',
    );
  });

  test('a recognised failure gives its explanation and link instead of the exit code', () => {
    const failed: PhaseResult = {
      ...phase('deploy', 'failure'),
      recognizedFailure: { id: 'lock-held', explanation: 'Another deployment holds the lock.' },
    };
    const text = failureMessage([phase('validate', 'success'), failed], {
      GITHUB_SERVER_URL: 'https://github.bank.internal',
      GITHUB_ACTION_REPOSITORY: 'platform/databricks-bundle',
      GITHUB_ACTION_REF: 'v1',
    });
    expect(text).toMatch(/^The deploy phase failed: Another deployment holds the lock\. See /);
    expect(text).toContain(
      'See https://github.bank.internal/platform/databricks-bundle/blob/v1/docs/' +
        'TROUBLESHOOTING.md#lock-held. Nothing was changed in the workspace.',
    );
    expect(text).not.toContain('exited with code');
  });
});
