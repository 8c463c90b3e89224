/**
 * Reading `bundle plan` and `bundle summary -o json`. The samples are written by hand in the
 * shapes the CLI prints (cmd/bundle/plan.go, bundle/deployplan, bundle/config/resources).
 */
import { describe, expect, test } from '@jest/globals';

import { commonResourceOutputs, parseSummary } from '../src/deployed-resources.js';
import { parsePlanJson, parsePlanText } from '../src/plan-result.js';

describe('parsePlanJson', () => {
  test('counts as the CLI does: a recreate is a delete and a create, skip is unchanged', () => {
    const plan = parsePlanJson(
      JSON.stringify({
        plan_version: 2,
        cli_version: '1.13.0',
        lineage: 'b1f7c4de',
        serial: 4,
        plan: {
          'resources.jobs.nightly': { action: 'update', changes: { name: { action: 'update' } } },
          'resources.jobs.adhoc': { action: 'create', new_state: { value: { name: 'x' } } },
          'resources.pipelines.etl': { action: 'recreate' },
          'resources.schemas.old': { action: 'delete' },
          'resources.jobs.same': { action: 'skip' },
          'resources.jobs.nightly.permissions': { action: 'update_id' },
          'resources.volumes.files': { action: 'resize' },
        },
      }),
    );
    expect(plan.counts).toEqual({ create: 2, change: 3, delete: 2, unchanged: 1 });
    expect(plan.changes).toEqual([
      { resource: 'jobs.adhoc', action: 'create' },
      { resource: 'jobs.nightly', action: 'update' },
      { resource: 'jobs.nightly.permissions', action: 'update_id' },
      { resource: 'pipelines.etl', action: 'recreate' },
      { resource: 'schemas.old', action: 'delete' },
      { resource: 'volumes.files', action: 'resize' },
    ]);
  });

  test('a plan with nothing in it (the CLI omits an empty map)', () => {
    expect(parsePlanJson('{"cli_version": "0.298.0"}')).toEqual({
      changes: [],
      counts: { create: 0, change: 0, delete: 0, unchanged: 0 },
    });
  });

  test('an action it does not know counts as a deletion, so the plan warns', () => {
    const plan = parsePlanJson(
      '{"cli_version": "2.0.0", "plan": {"resources.schemas.s": {"action": "drop_and_recreate"},' +
        ' "resources.jobs.j": {}}}',
    );
    expect(plan.counts).toEqual({ create: 0, change: 0, delete: 2, unchanged: 0 });
    expect(plan.changes).toEqual([
      { resource: 'jobs.j', action: 'unknown' },
      { resource: 'schemas.s', action: 'drop_and_recreate' },
    ]);
  });

  test.each([
    ['{"changes": {"resources.schemas.s": {"action": "delete"}}}', /neither `plan` nor/],
    ['Plan: 1 to add', /not JSON/],
    ['[]', /not a JSON object/],
    ['{"plan": []}', /`plan` is not an object/],
  ])('%j is refused with a reason', (stdout, reason) => {
    expect(() => parsePlanJson(stdout)).toThrow(reason);
  });
});

describe('parsePlanText', () => {
  test('action lines and the Plan: line', () => {
    const stdout = [
      'create jobs.adhoc',
      'update jobs.nightly',
      'recreate pipelines.etl',
      'delete schemas.old',
      '',
      'Plan: 2 to add, 1 to change, 2 to delete, 4 unchanged',
      '',
    ].join('\n');
    expect(parsePlanText(stdout)).toEqual({
      changes: [
        { resource: 'jobs.adhoc', action: 'create' },
        { resource: 'jobs.nightly', action: 'update' },
        { resource: 'pipelines.etl', action: 'recreate' },
        { resource: 'schemas.old', action: 'delete' },
      ],
      counts: { create: 2, change: 1, delete: 2, unchanged: 4 },
    });
  });

  test('no changes: only the Plan: line, with CRLF and a --select suffix', () => {
    expect(
      parsePlanText('Plan: 0 to add, 0 to change, 0 to delete, 3 unchanged, 1 not selected\r\n'),
    ).toEqual({ changes: [], counts: { create: 0, change: 0, delete: 0, unchanged: 3 } });
  });

  test('output without a Plan: line is refused', () => {
    expect(() => parsePlanText('create jobs.x\n')).toThrow(/no "Plan:" line/);
  });
});

describe('parseSummary', () => {
  const summary = {
    bundle: { name: 'sales', target: 'dev' },
    workspace: { root_path: '/Workspace/Users/a/.bundle/sales/dev' },
    resources: {
      jobs: {
        nightly: {
          name: '[dev a] nightly',
          id: '480075276280193',
          url: 'https://adb-1.azuredatabricks.net/jobs/480075276280193?o=1',
          tasks: [{ task_key: 't' }],
        },
        fresh: { name: 'fresh', modified_status: 'created' },
      },
      pipelines: {
        etl: { name: 'etl', id: 'a1b2c3d4-0000-4000-8000-000000000001', url: 'https://h/p/1' },
      },
      schemas: { sales: { name: 'sales', id: 'main.sales', url: 'javascript:alert(1)' } },
      dashboards: { board: { display_name: 'Board', id: 7, url: 'not a url' } },
    },
  };

  test('each resource with its group, key, name, id and an https url only', () => {
    expect(parseSummary(JSON.stringify(summary))).toEqual([
      { group: 'dashboards', key: 'board', name: 'Board', id: '7', url: null },
      { group: 'jobs', key: 'fresh', name: 'fresh', id: null, url: null },
      {
        group: 'jobs',
        key: 'nightly',
        name: '[dev a] nightly',
        id: '480075276280193',
        url: 'https://adb-1.azuredatabricks.net/jobs/480075276280193?o=1',
      },
      {
        group: 'pipelines',
        key: 'etl',
        name: 'etl',
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        url: 'https://h/p/1',
      },
      { group: 'schemas', key: 'sales', name: 'sales', id: 'main.sales', url: null },
    ]);
  });

  test('the job and pipeline outputs map keys to ids and links', () => {
    const outputs = commonResourceOutputs(parseSummary(JSON.stringify(summary)));
    expect(JSON.parse(outputs['job-ids'])).toEqual({ nightly: '480075276280193' });
    expect(JSON.parse(outputs['job-urls'])).toEqual({
      nightly: 'https://adb-1.azuredatabricks.net/jobs/480075276280193?o=1',
    });
    expect(JSON.parse(outputs['pipeline-ids'])).toEqual({
      etl: 'a1b2c3d4-0000-4000-8000-000000000001',
    });
    expect(JSON.parse(outputs['pipeline-urls'])).toEqual({ etl: 'https://h/p/1' });
  });

  test('links elsewhere, or with characters a shell would act on, are not published', () => {
    const links = {
      resources: {
        jobs: {
          same: { id: '1', url: 'https://adb-1.azuredatabricks.net/jobs/1?o=1' },
          elsewhere: { id: '2', url: 'https://phish.example/jobs/2' },
          shell: { id: '3', url: 'https://adb-1.azuredatabricks.net/jobs/3$(touch /tmp/x)' },
          quote: { id: '4', url: 'https://adb-1.azuredatabricks.net/jobs/4"; rm -rf /; "' },
        },
      },
    };
    const urls = parseSummary(JSON.stringify(links), 'https://adb-1.azuredatabricks.net').map(
      (resource) => [resource.key, resource.url],
    );
    expect(urls).toEqual([
      ['elsewhere', null],
      ['quote', null],
      ['same', 'https://adb-1.azuredatabricks.net/jobs/1?o=1'],
      ['shell', null],
    ]);
  });

  test('a bundle without resources has none', () => {
    expect(parseSummary('{"bundle": {"name": "x"}}')).toEqual([]);
  });

  test.each([
    ['', /not JSON/],
    ['"text"', /not a JSON object/],
    ['{"resources": [1]}', /`resources` is not an object/],
  ])('%j is refused with a reason', (stdout, reason) => {
    expect(() => parseSummary(stdout)).toThrow(reason);
  });
});
