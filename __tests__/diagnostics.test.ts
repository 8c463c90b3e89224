import { describe, expect, test } from '@jest/globals';

import { parseDiagnostics } from '../src/diagnostics.js';

describe('parseDiagnostics', () => {
  test.each([
    [
      'an error with a path and a location',
      'Error: dashboard display_name is required\n  at resources.dashboards.my_dashboard\n' +
        '  in databricks.yml:8:7\n\n',
      [
        {
          severity: 'error',
          summary: 'dashboard display_name is required',
          paths: ['resources.dashboards.my_dashboard'],
          locations: [{ file: 'databricks.yml', line: 8, column: 7 }],
          detail: '',
        },
      ],
    ],
    [
      'a warning with further paths and locations, and a detail block',
      'Warning: unknown field: description\n  at resources.experiments.a\n' +
        '     resources.experiments.b\n  in resources/ml.yml:28:7\n     resources/ml.yml:40:7\n' +
        '\nThe field is ignored.\nRemove it.\n\n',
      [
        {
          severity: 'warning',
          summary: 'unknown field: description',
          paths: ['resources.experiments.a', 'resources.experiments.b'],
          locations: [
            { file: 'resources/ml.yml', line: 28, column: 7 },
            { file: 'resources/ml.yml', line: 40, column: 7 },
          ],
          detail: 'The field is ignored.\nRemove it.',
        },
      ],
    ],
    [
      'colour codes, CRLF, log lines between, and an unlocated error',
      '\u001b[33mWarning\u001b[0m: x\r\n  in a.yml:1:2\r\nWarn: some log line\r\n' +
        'Uploading bundle files...\r\nRecommendation: y\r\nError: failed to deploy\r\n',
      [
        {
          severity: 'warning',
          summary: 'x',
          paths: [],
          locations: [{ file: 'a.yml', line: 1, column: 2 }],
          detail: '',
        },
        { severity: 'recommendation', summary: 'y', paths: [], locations: [], detail: '' },
        { severity: 'error', summary: 'failed to deploy', paths: [], locations: [], detail: '' },
      ],
    ],
  ])('%s', (_name, stderr, expected) => {
    expect(parseDiagnostics(stderr)).toEqual(expected);
  });

  test('text without diagnostics gives none', () => {
    expect(
      parseDiagnostics('Uploading bundle files to /Workspace\nDeployment complete!\n'),
    ).toEqual([]);
  });
});
