/**
 * The static pre-flight rules, one table row per rule and case: a small bundle written to a
 * scratch checkout, and exactly the findings ("rule file:line") it must give.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';

import { InternalHosts } from '../src/preflight/internal-hosts.js';
import type { PreflightOptions } from '../src/preflight/preflight.js';
import { type BundleFixture, checkFixture, writeBundle } from './support/bundle-fixture.js';

const fixtures: BundleFixture[] = [];
afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

function check(files: Record<string, string>, options: Partial<PreflightOptions> = {}) {
  const fixture = writeBundle(files);
  fixtures.push(fixture);
  return { ...checkFixture(fixture, options), fixture };
}

const sorted = (list: readonly string[]) => [...list].sort();

const TARGETS = 'targets:\n  dev:\n    default: true\n';

interface Case {
  readonly files: Record<string, string>;
  readonly options?: Partial<PreflightOptions>;
  readonly findings: readonly string[];
}

const LOADING: Record<string, Case> = {
  'a glob include pulls in matching files, with their targets': {
    files: {
      'databricks.yml': 'bundle: {name: b}\ninclude:\n  - resources/*.yml\n',
      'resources/a.yml': 'targets:\n  dev: {}\n',
      'resources/nested/b.yml': 'not: [valid\n',
    },
    findings: [],
  },
  'a plain include that matches nothing stops, on its line': {
    files: { 'databricks.yml': `include:\n  - a.yml\n  - missing.yml\n${TARGETS}`, 'a.yml': '' },
    findings: ['include-missing bundle/databricks.yml:3'],
  },
  'a glob that matches nothing is fine': {
    files: { 'databricks.yml': `include:\n  - none/*.yml\n${TARGETS}` },
    findings: [],
  },
  '** is flagged: it matches one level only': {
    files: {
      'databricks.yml': `include:\n  - resources/**/*.yml\n${TARGETS}`,
      'resources/x/a.yml': '',
    },
    findings: ['include-globstar bundle/databricks.yml:2'],
  },
  'a matched file that is not YAML or JSON stops': {
    files: { 'databricks.yml': `include:\n  - src/*\n${TARGETS}`, 'src/job.py': '' },
    findings: ['include-not-yaml bundle/databricks.yml:2'],
  },
  'JSON includes are read': {
    files: {
      'databricks.yml': 'include: ["conf/*.json"]\n',
      'conf/t.json': '{"targets": {"dev": {"workspace": {"profile": "x"}}}}',
    },
    findings: ['workspace-profile bundle/conf/t.json:1'],
  },
  'an absolute include stops': {
    files: { 'databricks.yml': `include: [/etc/passwd]\n${TARGETS}` },
    findings: ['include-absolute bundle/databricks.yml:1'],
  },
  'the root including itself is skipped, as the CLI does': {
    files: { 'databricks.yml': `include: ["*.yml"]\n${TARGETS}` },
    findings: [],
  },
  'an include cycle is refused: only the root may include': {
    files: {
      'databricks.yml': `include: [a.yml]\n${TARGETS}`,
      'a.yml': 'include: [databricks.yml, b.yml]\n',
      'b.yml': 'include: [a.yml]\n',
    },
    findings: ['include-outside-root bundle/a.yml:1'],
  },
  'malformed YAML stops with its file and line': {
    files: {
      'databricks.yml': `include: [a.yml]\n${TARGETS}`,
      'a.yml': 'resources:\n  jobs: [x\n',
    },
    findings: ['config-read bundle/a.yml:3'],
  },
  'an include that is not a list stops': {
    files: { 'databricks.yml': `include: a.yml\n${TARGETS}` },
    findings: ['config-type bundle/databricks.yml:1'],
  },
  'a root that is a list stops': {
    files: { 'databricks.yml': '- a\n- b\n' },
    findings: ['config-type bundle/databricks.yml:1'],
  },
  'null sections and a comment-only workspace are fine': {
    files: {
      'databricks.yml': `bundle:\n  name: x\nworkspace:\n  # host: https://a\nresources:\n${TARGETS}`,
    },
    findings: [],
  },
  'values of the wrong type in resources do not crash the rules': {
    files: {
      'databricks.yml':
        'resources:\n  jobs:\n    j:\n      tasks: 5\n      libraries: "x"\n' +
        '      environments: [{spec: {dependencies: 7}}]\nartifacts: [1, 2]\n',
    },
    options: { target: 'default' },
    findings: [],
  },
};

const TARGET_SELECTION: Record<string, Case> = {
  'an unknown target stops and lists the known ones': {
    files: { 'databricks.yml': 'targets:\n  prod: {}\n  dev: {}\n' },
    options: { target: 'staging' },
    findings: ['unknown-target bundle/databricks.yml:1'],
  },
  'a bundle without targets has only default': {
    files: { 'databricks.yml': 'bundle: {name: b}\n' },
    options: { target: 'default' },
    findings: [],
  },
  'a bundle without targets refuses any other name': {
    files: { 'databricks.yml': 'bundle: {name: b}\n' },
    findings: ['unknown-target bundle/databricks.yml:1'],
  },
  'a target defined only in an included file can be selected': {
    files: { 'databricks.yml': 'include: [t.yml]\n', 't.yml': 'targets:\n  dev: {}\n' },
    findings: [],
  },
  'targets that is not a mapping stops': {
    files: { 'databricks.yml': 'targets: [dev]\n' },
    findings: ['config-type bundle/databricks.yml:1', 'unknown-target bundle/databricks.yml:1'],
  },
};

const HOST = 'https://adb-1.2.azuredatabricks.net';

const WORKSPACE: Record<string, Case> = {
  'a target host naming another workspace stops': {
    files: {
      'databricks.yml': 'targets:\n  dev:\n    workspace:\n      host: https://other.example\n',
    },
    options: { workspaceHost: HOST },
    findings: ['host-mismatch bundle/databricks.yml:4'],
  },
  'the same host after normalising scheme, case and trailing slash is fine': {
    files: { 'databricks.yml': `workspace:\n  host: ADB-1.2.AzureDatabricks.net/\n${TARGETS}` },
    options: { workspaceHost: HOST },
    findings: [],
  },
  "the target's host wins over the top level": {
    files: {
      'databricks.yml': `workspace:\n  host: ${HOST}\ntargets:\n  dev:\n    workspace:\n      host: https://b.example\n`,
    },
    options: { workspaceHost: HOST },
    findings: ['host-mismatch bundle/databricks.yml:6'],
  },
  'a null host, an interpolated host or no host input is not compared': {
    files: {
      'databricks.yml':
        'workspace:\n  host: ${var.host}\n' + 'targets:\n  dev:\n    workspace:\n      host:\n',
    },
    options: { workspaceHost: HOST },
    findings: [],
  },
  'a profile is flagged': {
    files: { 'databricks.yml': `workspace:\n  profile: DEFAULT\n${TARGETS}` },
    findings: ['workspace-profile bundle/databricks.yml:2'],
  },
};

const job = (body: string) => `resources:\n  jobs:\n    j:\n${body}${TARGETS}`;

const REACH: Record<string, Case> = {
  'an artifact build command': {
    files: {
      'databricks.yml': `artifacts:\n  w:\n    type: whl\n    build: uv build --wheel\n${TARGETS}`,
    },
    findings: ['artifact-build bundle/databricks.yml:4'],
  },
  'a whl artifact with neither build nor files builds with setup.py': {
    files: { 'databricks.yml': `artifacts:\n  w:\n    type: whl\n    path: .\n${TARGETS}` },
    findings: ['artifact-build bundle/databricks.yml:2'],
  },
  'a prebuilt artifact listed under files is fine': {
    files: {
      'databricks.yml':
        'artifacts:\n  w:\n    type: whl\n    files:\n      - source: dist/*.whl\n' + TARGETS,
      'dist/a-1-py3-none-any.whl': 'wheel',
    },
    findings: [],
  },
  'a local library with setup.py at the root and no artifacts builds implicitly': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - whl: ./dist/*.whl\n',
      ),
      'setup.py': '',
      'dist/a-1-py3-none-any.whl': 'wheel',
    },
    findings: ['artifact-build bundle/databricks.yml:6'],
  },
  'pypi, maven and cran libraries without an internal repo': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - pypi: {package: requests}\n' +
          '            - maven: {coordinates: "a:b:1", repo: "https://repo1.maven.org/maven2"}\n' +
          '            - cran: {package: forecast}\n' +
          '            - pypi: {package: ok, repo: "https://pypi.bank.internal/simple"}\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: [
      'pypi-library bundle/databricks.yml:6',
      'maven-library bundle/databricks.yml:7',
      'cran-library bundle/databricks.yml:8',
    ],
  },
  'environment dependencies: names, index URLs and direct references': {
    files: {
      'databricks.yml': job(
        '      environments:\n        - environment_key: e\n          spec:\n' +
          '            dependencies:\n              - pandas==2.0\n' +
          '              - --extra-index-url https://pypi.org/simple\n' +
          '              - "x @ https://github.com/o/x/archive/main.zip"\n' +
          '              - /Workspace/Shared/lib.whl\n              - --find-links /Volumes/a/b\n',
      ),
    },
    findings: [
      'package-name bundle/databricks.yml:8',
      'package-index bundle/databricks.yml:9',
      'direct-url bundle/databricks.yml:10',
    ],
  },
  'package names are fine behind an internal index': {
    files: {
      'databricks.yml': job(
        '      environments:\n        - environment_key: e\n          spec:\n' +
          '            dependencies:\n              - -i https://pypi.bank.internal/simple\n' +
          '              - pandas==2.0\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('pypi.bank.internal') },
    findings: [],
  },
  'a local requirements file is read line by line': {
    files: {
      'databricks.yml': job(
        '      environments:\n        - environment_key: e\n          spec:\n' +
          '            dependencies:\n              - -r ./requirements.txt\n',
      ),
      'requirements.txt': '# pinned\n-i https://pypi.bank.internal/simple\nnumpy==1.26\n',
    },
    options: { internalHosts: InternalHosts.parse('bank.internal') },
    findings: [],
  },
  'a requirements file with public packages is flagged on its own lines': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: reqs.txt\n',
      ),
      'reqs.txt': 'numpy==1.26\n\nrequests  # http\n',
    },
    findings: ['package-name bundle/reqs.txt:1', 'package-name bundle/reqs.txt:3'],
  },
  'a workspace requirements file cannot be read here': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: /Workspace/r.txt\n',
      ),
    },
    findings: ['remote-requirements bundle/databricks.yml:6'],
  },
  'git_source, docker_image and init_scripts, also in job clusters': {
    files: {
      'databricks.yml': job(
        '      git_source: {git_url: "git@github.com:o/r.git", git_provider: gitHub}\n' +
          '      job_clusters:\n        - new_cluster:\n' +
          '            docker_image: {url: "databricksruntime/standard:15.4-LTS"}\n' +
          '            init_scripts:\n              - workspace: {destination: /i.sh}\n' +
          '        - new_cluster:\n' +
          '            docker_image: {url: "registry.bank.internal/runtime:1"}\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: [
      'git-source bundle/databricks.yml:4',
      'docker-image bundle/databricks.yml:7',
      'init-script bundle/databricks.yml:8',
    ],
  },
  'python, experimental.python and scripts hooks, and the wheel wrapper': {
    files: {
      'databricks.yml':
        'python:\n  venv_path: .venv\n  resources: ["r:load"]\n' +
        'experimental:\n  python:\n    resources: ["r:load"]\n' +
        '  scripts:\n    prebuild: make\n    postdeploy: ""\n  python_wheel_wrapper: true\n' +
        TARGETS,
    },
    findings: [
      'python-hook bundle/databricks.yml:1',
      'python-hook bundle/databricks.yml:5',
      'script-hook bundle/databricks.yml:8',
      'wheel-wrapper bundle/databricks.yml:10',
    ],
  },
  'python: with only a venv_path starts no Python': {
    files: { 'databricks.yml': `python:\n  venv_path: .venv\n${TARGETS}` },
    findings: [],
  },
  "only the selected target's overrides count": {
    files: {
      'databricks.yml':
        'targets:\n  dev:\n    default: true\n  prod:\n    artifacts:\n      w: {build: make}\n',
    },
    findings: [],
  },
  "the selected target's overrides are read": {
    files: {
      'databricks.yml':
        'targets:\n  dev:\n    artifacts:\n      w: {build: make}\n    resources:\n' +
        '      jobs:\n        j:\n          git_source: {git_url: "https://github.com/o/r"}\n',
    },
    findings: ['artifact-build bundle/databricks.yml:4', 'git-source bundle/databricks.yml:8'],
  },
};

const env = (deps: string[]) =>
  job(
    '      environments:\n        - environment_key: e\n          spec:\n' +
      '            dependencies:\n' +
      deps.map((dep) => `              - ${JSON.stringify(dep)}\n`).join(''),
  );

// Bypasses and slips a review found; each row must keep giving its findings.
const REVIEWED: Record<string, Case> = {
  'requirements lines are read as pip reads them, nested files included': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: ./r.txt\n',
      ),
      'r.txt':
        'requests ; python_version >= "3.8"\nzope.interface\nnumpy==1.*\n-r more.txt\n' +
        '--index-url https://pypi.bank.internal/simple --extra-index-url https://pypi.org/simple\n' +
        '--extra-index-url "https://pypi.org/simple"\n',
      'more.txt': 'flask\n-r r.txt\n',
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: ['package-index bundle/r.txt:5', 'package-index bundle/r.txt:6'],
  },
  'requirements package names without any internal index': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: ./r.txt\n',
      ),
      'r.txt': 'requests ; python_version >= "3.8"\nzope.interface\n-r more.txt\n',
      'more.txt': 'flask \\\n  ==3.0\n',
    },
    findings: [
      'package-name bundle/r.txt:1',
      'package-name bundle/r.txt:2',
      'package-name bundle/more.txt:1',
    ],
  },
  'dependency entries: VCS URLs, options around names, remote requirement files': {
    files: {
      'databricks.yml': env([
        'git+https://github.com/psf/requests.git',
        '-e git+ssh://git@github.com/o/r.git#egg=r',
        'requests --hash=sha256:abc',
        '--no-deps requests',
        '--trusted-host pypi.org requests',
        '-c https://x.example/c.txt',
        '--requirement=https://x.example/r.txt',
      ]),
    },
    findings: [
      'direct-url bundle/databricks.yml:8',
      'direct-url bundle/databricks.yml:9',
      'package-name bundle/databricks.yml:10',
      'package-name bundle/databricks.yml:11',
      'package-name bundle/databricks.yml:12',
      'direct-url bundle/databricks.yml:13',
      'direct-url bundle/databricks.yml:14',
    ],
  },
  'one entry with an internal and a public index': {
    files: {
      'databricks.yml': env([
        '--index-url https://pypi.bank.internal/simple --extra-index-url https://pypi.org/simple',
        'requests',
      ]),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: ['package-index bundle/databricks.yml:8'],
  },
  'merge keys: the later source wins, as in the CLI': {
    files: {
      'databricks.yml':
        'x-int: &int {repo: "https://pypi.bank.internal/simple"}\n' +
        'x-pub: &pub {repo: "https://pypi.org/simple"}\n' +
        job(
          '      tasks:\n        - libraries:\n' +
            '            - pypi: {<<: [*int, *pub], package: requests}\n',
        ),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: ['pypi-library bundle/databricks.yml:8'],
  },
  'complex variables cannot hide libraries, Git sources or clusters': {
    files: {
      'databricks.yml':
        'variables:\n  libs:\n    type: complex\n    default:\n' +
        '      - pypi: {package: requests}\n' +
        '  src:\n    type: complex\n    default: {git_url: "https://github.com/o/r"}\n' +
        '  cluster:\n    type: complex\n    default:\n      spark_version: x\n' +
        '      init_scripts: [{workspace: {destination: /i.sh}}]\n' +
        job(
          '      git_source: ${var.src}\n      tasks:\n        - libraries: ${var.libs}\n' +
            '          new_cluster: ${var.cluster}\n',
        ),
    },
    findings: [
      'pypi-library bundle/databricks.yml:5',
      'git-source bundle/databricks.yml:8',
      'init-script bundle/databricks.yml:13',
    ],
  },
  "a target's variable value is used for that target": {
    files: {
      'databricks.yml':
        'variables:\n  libs:\n    type: complex\n    default: []\n' +
        'resources:\n  jobs:\n    j:\n      tasks:\n        - libraries: ${var.libs}\n' +
        'targets:\n  dev:\n    variables:\n      libs:\n        - maven: {coordinates: "a:b:1"}\n',
    },
    findings: ['maven-library bundle/databricks.yml:14'],
  },
  'a whl artifact with an empty files list is built by setup.py': {
    files: { 'databricks.yml': `artifacts:\n  w:\n    type: whl\n    files: []\n${TARGETS}` },
    findings: ['artifact-build bundle/databricks.yml:2'],
  },
  'setup.py and a local environment dependency build implicitly': {
    files: {
      'databricks.yml': env(['./dist/a-1-py3-none-any.whl']),
      'setup.py': '',
      'dist/a-1-py3-none-any.whl': 'w',
    },
    findings: ['artifact-build bundle/databricks.yml:8'],
  },
  'the wheel wrapper takes the lenient booleans of the CLI': {
    files: { 'databricks.yml': `experimental:\n  python_wheel_wrapper: "yes"\n${TARGETS}` },
    findings: ['wheel-wrapper bundle/databricks.yml:2'],
  },
  'apps from Git, preloaded images, Spark packages and a package URL behind an internal repo': {
    files: {
      'databricks.yml':
        'resources:\n  apps:\n    a:\n      git_repository: {url: "https://github.com/o/app"}\n' +
        '  instance_pools:\n    p:\n      preloaded_docker_images: [{url: "ubuntu:22.04"}]\n' +
        '  jobs:\n    j:\n      tasks:\n        - new_cluster:\n            spark_conf:\n' +
        '              spark.jars.packages: "g:a:1"\n' +
        '              spark.jars: "https://repo1.maven.org/x.jar"\n' +
        '          spark_submit_task: {parameters: ["--packages", "g:a:1", "main.py"]}\n' +
        '          libraries:\n            - pypi:\n' +
        '                package: "x @ https://github.com/o/x/archive/main.zip"\n' +
        '                repo: "https://pypi.bank.internal/simple"\n' +
        TARGETS,
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: [
      'git-source bundle/databricks.yml:4',
      'docker-image bundle/databricks.yml:7',
      'spark-packages bundle/databricks.yml:13',
      'remote-library bundle/databricks.yml:14',
      'spark-packages bundle/databricks.yml:15',
      'direct-url bundle/databricks.yml:17',
    ],
  },
  "an app's requirements.txt is read as pip reads it": {
    files: {
      'databricks.yml':
        'resources:\n  apps:\n    a:\n      source_code_path: ./app\n' +
        '    b:\n      source_code_path: ./no-requirements\n' +
        TARGETS,
      'app/requirements.txt': 'streamlit==1.40\n',
      'no-requirements/app.py': '',
    },
    findings: ['package-name bundle/app/requirements.txt:1'],
  },
  'an http workspace host stops, even naming the same workspace': {
    files: { 'databricks.yml': `workspace:\n  host: http://a.example\n${TARGETS}` },
    options: { workspaceHost: 'https://a.example' },
    findings: ['host-mismatch bundle/databricks.yml:2'],
  },
  'Git and URL forms whose host is unclear are flagged': {
    files: {
      'databricks.yml': job(
        '      git_source: {git_url: "github.com:org/repo.git"}\n' +
          '      environments:\n        - environment_key: e\n          spec:\n' +
          '            dependencies: ["--index-url https://h:99999/simple"]\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('h') },
    findings: ['git-source bundle/databricks.yml:4', 'package-index bundle/databricks.yml:8'],
  },
  "pip's abbreviated and attached options": {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: ./r.txt\n',
      ),
      'r.txt':
        '--index-url https://pypi.bank.internal/simple\n--index=https://pypi.org/simple\n' +
        '-fhttps://links.example/wheels\n-egit+https://github.com/o/r.git\n-rmore.txt\n',
      'more.txt': '--extra=https://pypi.org/simple\n',
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: [
      'package-index bundle/r.txt:2',
      'package-index bundle/r.txt:3',
      'direct-url bundle/r.txt:4',
      'package-index bundle/more.txt:1',
    ],
  },
  'a pypi package that is itself a URL ignores the internal repo': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - pypi:\n' +
          '                package: git+https://github.com/psf/requests.git\n' +
          '                repo: https://pypi.bank.internal/simple\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: ['direct-url bundle/databricks.yml:6'],
  },
  'a host written out before a ${...} is still checked': {
    files: {
      'databricks.yml': job(
        '      git_source: {git_url: "https://github.com/${var.org}/x.git"}\n' +
          '      tasks:\n        - new_cluster:\n' +
          '            docker_image: {url: "docker.io/library/python:${var.tag}"}\n' +
          '          libraries:\n' +
          '            - whl: "https://files.pythonhosted.org/${var.p}/x.whl"\n' +
          '            - requirements: ./r.txt\n',
      ),
      'r.txt': 'git+https://github.com/psf/requests.git@${REF}\n',
    },
    findings: [
      'git-source bundle/databricks.yml:4',
      'docker-image bundle/databricks.yml:7',
      'remote-library bundle/databricks.yml:9',
      'direct-url bundle/r.txt:1',
    ],
  },
  'long-form and nested variable references, and ones that cannot be resolved': {
    files: {
      'databricks.yml':
        'variables:\n  libs:\n    type: complex\n    default: [{pypi: {package: requests}}]\n' +
        '  cfg:\n    type: complex\n    default:\n      git: {git_url: "https://github.com/o/r"}\n' +
        'resources:\n  jobs:\n    a:\n      git_source: ${var.cfg.git}\n      tasks:\n' +
        '        - libraries: ${variables.libs.value}\n' +
        '    b:\n      tasks:\n        - libraries: ${resources.jobs.a.tasks[0].libraries}\n' +
        TARGETS,
    },
    findings: [
      'pypi-library bundle/databricks.yml:4',
      'git-source bundle/databricks.yml:8',
      'unresolved-reference bundle/databricks.yml:17',
    ],
  },
  'Spark: URL lists, --conf packages, and packages despite internal repositories': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - new_cluster:\n            spark_conf:\n' +
          '              spark.jars.packages: "g:a:1"\n' +
          '              spark.jars.repositories: "https://maven.bank.internal/m2"\n' +
          '              spark.archives: "https://x.example/env.tar.gz"\n' +
          '              spark.files: "ftp://x.example/f.txt,/Volumes/a/b.txt"\n' +
          '          spark_submit_task:\n            parameters:\n' +
          '              - --jars\n              - https://repo1.maven.org/a.jar\n' +
          '              - --conf\n              - spark.jars.packages=g:b:2\n',
      ),
    },
    options: { internalHosts: InternalHosts.parse('.bank.internal') },
    findings: [
      'spark-packages bundle/databricks.yml:7',
      'remote-library bundle/databricks.yml:9',
      'remote-library bundle/databricks.yml:10',
      'remote-library bundle/databricks.yml:13',
      'spark-packages bundle/databricks.yml:15',
    ],
  },
  'an app whose package manager would run': {
    files: {
      'databricks.yml': `resources:\n  apps:\n    a:\n      source_code_path: ./app\n${TARGETS}`,
      'app/package.json': '{}',
      'app/app.js': '',
    },
    findings: ['app-install bundle/databricks.yml:4'],
  },
  'dbt deps in a dbt task': {
    files: {
      'databricks.yml': job(
        '      tasks:\n        - dbt_task:\n            commands: ["dbt deps", "dbt run"]\n',
      ),
    },
    findings: ['dbt-deps bundle/databricks.yml:6'],
  },
  'a plain-http host stops without a host input too': {
    files: { 'databricks.yml': `workspace:\n  host: http://a.example\n${TARGETS}` },
    findings: ['host-mismatch bundle/databricks.yml:2'],
  },
  'includes from outside the bundle folder get normalised paths': {
    files: { 'databricks.yml': `include: [../common/*.yml]\n${TARGETS}` },
    findings: [],
  },
};

describe.each([
  ['loading and include', LOADING],
  ['target selection', TARGET_SELECTION],
  ['workspace', WORKSPACE],
  ['internet reach', REACH],
  ['reviewed', REVIEWED],
])('%s', (_group, cases) => {
  test.each(Object.entries(cases))('%s', (_name, { files, options, findings }) => {
    expect(sorted(check(files, options).findings)).toEqual(sorted(findings));
  });
});

describe('local files', () => {
  const WHEEL = 'dist/sales-1.0-py3-none-any.whl';

  test('each matched file is recorded once, with its size and SHA-256', () => {
    const result = check({
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - whl: ./dist/*.whl\n' +
          '      environments:\n        - environment_key: e\n          spec:\n' +
          `            dependencies: [./${WHEEL}]\n`,
      ),
      [WHEEL]: 'wheel bytes',
    });
    expect(result.findings).toEqual([]);
    expect(result.artifacts).toEqual([
      {
        path: `bundle/${WHEEL}`,
        bytes: 11,
        sha256: createHash('sha256').update('wheel bytes').digest('hex'),
      },
    ]);
  });

  test('paths resolve from the folder of the file that names them', () => {
    const result = check({
      'databricks.yml': 'include: [resources/*.yml]\n' + TARGETS,
      'resources/job.yml':
        'resources:\n  jobs:\n    j:\n      tasks:\n        - libraries:\n' +
        '            - whl: ../dist/*.whl\n            - whl: ./dist/*.whl\n',
      [WHEEL]: 'w',
    });
    expect(result.findings).toEqual(['local-file-missing bundle/resources/job.yml:7']);
    expect(result.artifacts.map((artifact) => artifact.path)).toEqual([`bundle/${WHEEL}`]);
  });

  test('a missing file, a path out of the checkout and a link out of it stop', () => {
    const fixture = writeBundle({
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - whl: ./dist/missing.whl\n' +
          '            - jar: ../../../../etc/x.jar\n            - whl: ./linked/*.whl\n' +
          '            - whl: ${var.wheel}\n',
      ),
    });
    fixtures.push(fixture);
    const outside = fs.mkdtempSync(path.join(path.dirname(fixture.checkout), 'outside-'));
    fs.writeFileSync(path.join(outside, 'evil-1-py3-none-any.whl'), 'x');
    fs.symlinkSync(outside, path.join(fixture.location.bundlePath, 'linked'));
    try {
      expect(sorted(checkFixture(fixture).findings)).toEqual([
        'local-file-missing bundle/databricks.yml:6',
        'outside-checkout bundle/databricks.yml:7',
        'outside-checkout bundle/databricks.yml:8',
      ]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('an included file that links out of the checkout is not read', () => {
    const fixture = writeBundle({ 'databricks.yml': `include: [linked.yml]\n${TARGETS}` });
    fixtures.push(fixture);
    const outside = path.join(
      path.dirname(fixture.checkout),
      `outside-${path.basename(fixture.checkout)}.yml`,
    );
    fs.writeFileSync(outside, 'resources: {}\n');
    fs.symlinkSync(outside, path.join(fixture.location.bundlePath, 'linked.yml'));
    try {
      expect(checkFixture(fixture).findings).toEqual(['outside-checkout bundle/linked.yml']);
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  test('artifact files are globs, checked like libraries', () => {
    const result = check({
      'databricks.yml':
        'artifacts:\n  j:\n    type: jar\n    files:\n      - source: ./target/*.jar\n' + TARGETS,
    });
    expect(result.findings).toEqual(['local-file-missing bundle/databricks.yml:5']);
  });
});

describe('checksum manifest', () => {
  const WHEEL = 'dist/sales-1.0-py3-none-any.whl';
  const files = {
    'databricks.yml': job('      tasks:\n        - libraries:\n            - whl: ./dist/*.whl\n'),
    [WHEEL]: 'vetted wheel',
    'dist/other-1.0-py3-none-any.whl': 'other',
  };

  function manifestFor(fixture: BundleFixture, lines: string[]): string {
    fs.writeFileSync(path.join(fixture.location.bundlePath, 'SHA256SUMS'), lines.join('\n'));
    return 'bundle/SHA256SUMS';
  }

  test('an exact match passes; sha256sum binary mode is read too', () => {
    const first = check(files);
    const hashes = first.artifacts.map((artifact) => artifact.sha256);
    const checksums = manifestFor(first.fixture, [
      `${hashes[1]} *dist/sales-1.0-py3-none-any.whl`,
      `${hashes[0]}  ./dist/other-1.0-py3-none-any.whl`,
    ]);
    expect(checkFixture(first.fixture, { checksums }).findings).toEqual([]);
  });

  test('a different hash, a missing file, an extra file and a bad line each stop', () => {
    const first = check(files);
    const checksums = manifestFor(first.fixture, [
      `${'0'.repeat(64)}  dist/sales-1.0-py3-none-any.whl`,
      `${'1'.repeat(64)}  dist/gone-1.0-py3-none-any.whl`,
      'not a manifest line',
    ]);
    expect(sorted(checkFixture(first.fixture, { checksums }).findings)).toEqual([
      'checksum-extra-file bundle/dist/other-1.0-py3-none-any.whl',
      'checksum-manifest bundle/SHA256SUMS:3',
      'checksum-mismatch bundle/SHA256SUMS:1',
      'checksum-missing-file bundle/SHA256SUMS:2',
    ]);
  });

  test('two names for one wheel are two uploads, as sha256sum lists them', () => {
    const first = check(files);
    const dist = path.join(first.fixture.location.bundlePath, 'dist');
    fs.symlinkSync('sales-1.0-py3-none-any.whl', path.join(dist, 'sales-latest-py3-none-any.whl'));
    const listing = execFileSync(
      'sha256sum',
      [
        'dist/other-1.0-py3-none-any.whl',
        'dist/sales-1.0-py3-none-any.whl',
        'dist/sales-latest-py3-none-any.whl',
      ],
      {
        cwd: first.fixture.location.bundlePath,
        encoding: 'utf8',
      },
    );
    const checksums = manifestFor(first.fixture, listing.trim().split('\n'));
    const result = checkFixture(first.fixture, { checksums });
    expect(result.findings).toEqual([]);
    expect(result.artifacts).toHaveLength(3);
  });

  test('a manifest that does not exist stops', () => {
    const result = check(files, { checksums: 'bundle/NOPE' });
    expect(result.findings).toEqual(['checksum-manifest']);
  });
});

describe('hostile input gives a finding, in bounded time and memory', () => {
  // Nine levels of nine aliases: 9^9 values if expanded, a few hundred bytes as text.
  const aliasBomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    .concat(
      'bcdefghi'.split('').map((name, index) => {
        const previous = 'abcdefghi'[index];
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
      }),
    )
    .join('\n');

  test('an alias bomb in an included file', () => {
    const result = check({
      'databricks.yml': `include: [bomb.yml]\n${TARGETS}`,
      'bomb.yml': aliasBomb,
    });
    expect(result.findings).toEqual(['config-read bundle/bomb.yml']);
    expect(result.messages[0]).toMatch(/YAML aliases/);
  });

  test('a 50 MB included file is refused by its size, unread', () => {
    const fixture = writeBundle({ 'databricks.yml': `include: [big.yml]\n${TARGETS}` });
    fixtures.push(fixture);
    const big = path.join(fixture.location.bundlePath, 'big.yml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024);
    const result = checkFixture(fixture);
    expect(result.findings).toEqual(['config-read bundle/big.yml']);
    expect(result.messages[0]).toMatch(/MiB/);
  });

  test('an include that is a symlink loop', () => {
    const fixture = writeBundle({ 'databricks.yml': `include: [loop.yml]\n${TARGETS}` });
    fixtures.push(fixture);
    fs.symlinkSync('loop.yml', path.join(fixture.location.bundlePath, 'loop.yml'));
    expect(checkFixture(fixture).findings).toEqual(['config-read bundle/loop.yml']);
  });

  test('a binary file where YAML should be', () => {
    const result = check({
      'databricks.yml': `include: ["*.yaml"]\n${TARGETS}`,
      'blob.yaml': '\u0000\u0001binary',
    });
    expect(result.findings).toEqual(['config-read bundle/blob.yaml:1']);
  });

  test('nesting 5,000 levels deep', () => {
    const deep = `resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = check({ 'databricks.yml': `include: [deep.yml]\n${TARGETS}`, 'deep.yml': deep });
    expect(result.findings).toEqual(['config-read bundle/deep.yml:1']);
  });
});

describe('inputs that could hang the step are not read', () => {
  test('a FIFO as a requirements file or as the checksum manifest', () => {
    const fixture = writeBundle({
      'databricks.yml': job(
        '      tasks:\n        - libraries:\n            - requirements: ./r.txt\n',
      ),
    });
    fixtures.push(fixture);
    for (const name of ['r.txt', 'SHA256SUMS']) {
      execFileSync('mkfifo', [path.join(fixture.location.bundlePath, name)]);
    }
    const result = checkFixture(fixture, { checksums: 'bundle/SHA256SUMS' });
    expect(sorted(result.findings)).toEqual([
      'checksum-manifest',
      'local-file-unreadable bundle/databricks.yml:6',
      'requirements-unreadable bundle/databricks.yml:6',
    ]);
  });

  test('a dependency entry of 150,000 spaces is read in linear time', () => {
    const result = check({ 'databricks.yml': env([`a${' '.repeat(150_000)}b`]) });
    // pip reads it as a package; the CLI's own rules read it as a local path, which is missing.
    expect(sorted(result.findings)).toEqual([
      'local-file-missing bundle/databricks.yml:8',
      'package-name bundle/databricks.yml:8',
    ]);
  });
});
