import { existsSync } from 'node:fs';
import path from 'node:path';

import type { ConfigPath } from './config-file.js';
import { isWebUrl } from './dependencies.js';
import { registryOfImage } from './internal-hosts.js';
import { checkDependencyList, checkRequirementsLibrary } from './pip-requirements.js';
import {
  at,
  checkLocation,
  INTERNAL_HINT,
  type ReachContext,
  type Where,
} from './reach-context.js';
import type { Site } from './resource-sites.js';
import type { Fragment } from './targets.js';
import { isInterpolated, isMapping, stringAt } from './values.js';

export type { ReachContext } from './reach-context.js';

/** Where a task names a local library or dependency. */
export interface LocalUse {
  readonly fragment: Fragment;
  readonly path: ConfigPath;
}

/**
 * Flags everything that would fetch from outside the enclave: at deploy time (artifact builds,
 * Python and script hooks) or when the deployed jobs run (package indexes, Git, container
 * images, init scripts, Spark packages). Each finding names the file, line and reason.
 * `localLibrary` is the first local file a task uses, which makes the CLI build setup.py.
 */
export function findInternetReach(
  fragments: readonly Fragment[],
  sites: readonly Site[],
  localLibrary: LocalUse | undefined,
  context: ReachContext,
): void {
  for (const fragment of fragments) {
    checkArtifacts(fragment, context);
    checkHooks(fragment, context);
    checkAppRequirements(fragment, context);
  }
  checkImplicitWheelBuild(fragments, localLibrary, context);
  for (const site of sites) checkSite(site, context);
}

function checkArtifacts(fragment: Fragment, { findings }: ReachContext): void {
  const artifacts = fragment.value['artifacts'];
  if (!isMapping(artifacts)) return;

  for (const [name, artifact] of Object.entries(artifacts)) {
    if (!isMapping(artifact)) continue;
    const base = [...fragment.base, 'artifacts', name];
    const build = stringAt(artifact['build']);
    const files = artifact['files'];
    if (build !== undefined && build.trim() !== '') {
      findings.add(
        'artifact-build',
        'policy',
        `artifacts.${name}.build runs "${oneLine(build)}" at deploy time; build tools fetch ` +
          'from package indexes, and the CLI image has no compilers. Build the artifact in an ' +
          'earlier step and list the built files under files: without build:.',
        at(fragment, [...base, 'build']),
      );
    } else if (artifact['type'] === 'whl' && !(Array.isArray(files) && files.length > 0)) {
      findings.add(
        'artifact-build',
        'policy',
        `artifacts.${name} is a whl artifact with neither build nor files, so the CLI runs ` +
          '"python setup.py bdist_wheel" at deploy time. List the built wheel under files:.',
        at(fragment, base),
      );
    }
  }
}

function checkHooks(fragment: Fragment, { findings }: ReachContext): void {
  const experimental = fragment.value['experimental'];
  const python = fragment.value['python'];

  // venv_path alone does nothing: the CLI starts Python only for resources or mutators.
  if (isMapping(python) && (isSet(python['resources']) || isSet(python['mutators']))) {
    findings.add(
      'python-hook',
      'policy',
      'python: runs Python code (databricks-bundles) inside the CLI while loading the bundle; ' +
        'it needs a Python environment with packages from an index. Generate the resources ' +
        'into YAML before the action runs.',
      at(fragment, [...fragment.base, 'python']),
    );
  }
  if (!isMapping(experimental)) return;

  for (const key of ['python', 'pydabs'] as const) {
    if (isSet(experimental[key])) {
      findings.add(
        'python-hook',
        'policy',
        `experimental.${key} runs Python code inside the CLI while loading the bundle; it ` +
          'needs a Python environment with packages from an index.',
        at(fragment, [...fragment.base, 'experimental', key]),
      );
    }
  }
  const scripts = experimental['scripts'];
  if (isMapping(scripts)) {
    for (const [hook, command] of Object.entries(scripts)) {
      if (!isSet(command)) continue;
      findings.add(
        'script-hook',
        'policy',
        `experimental.scripts.${hook} runs a shell command during validate or deploy, which ` +
          'this pre-flight cannot prove stays inside the network. Run it as a reviewed ' +
          'workflow step instead.',
        at(fragment, [...fragment.base, 'experimental', 'scripts', hook]),
      );
    }
  }
  if (isSet(experimental['python_wheel_wrapper'])) {
    findings.add(
      'wheel-wrapper',
      'policy',
      'experimental.python_wheel_wrapper installs wheels with %pip on the cluster, which ' +
        "fetches the wheels' own dependencies from the default package index.",
      at(fragment, [...fragment.base, 'experimental', 'python_wheel_wrapper']),
    );
  }
}

/** A Databricks app installs its requirements.txt with pip when it starts. */
function checkAppRequirements(fragment: Fragment, context: ReachContext): void {
  const resources = fragment.value['resources'];
  const apps = isMapping(resources) ? resources['apps'] : undefined;
  if (!isMapping(apps)) return;
  for (const [name, app] of Object.entries(apps)) {
    const source = stringAt(isMapping(app) ? app['source_code_path'] : undefined);
    if (source === undefined || isInterpolated(source)) continue;
    const configPath = [...fragment.base, 'resources', 'apps', name, 'source_code_path'];
    const requirements = path.posix.join(source, 'requirements.txt');
    checkRequirementsLibrary(requirements, fragment, configPath, context, true);
    checkAppManifests(source, fragment, configPath, context);
  }
}

// Files that make the app platform run a package manager when the app is deployed or starts.
const APP_INSTALLERS: Record<string, string> = {
  'package.json': 'npm install',
  'pyproject.toml': 'uv sync / pip install',
};

function checkAppManifests(
  source: string,
  fragment: Fragment,
  configPath: ConfigPath,
  context: ReachContext,
): void {
  const folder = path.resolve(context.bundlePath, path.dirname(fragment.file.relativePath), source);
  for (const [manifest, installer] of Object.entries(APP_INSTALLERS)) {
    if (!existsSync(path.join(folder, manifest))) continue;
    context.findings.add(
      'app-install',
      'policy',
      `The app in ${source} has a ${manifest}, so the app platform runs ${installer} for it, ` +
        'fetching from the public registries unless the workspace points them at internal ' +
        'mirrors. Vendor the dependencies, or review and set policy: warn.',
      at(fragment, configPath),
    );
  }
}

/**
 * With no artifacts section, the CLI invents a `python setup.py bdist_wheel` build when a task
 * uses a local library or dependency and setup.py sits at the bundle root (InsertPythonArtifact).
 */
function checkImplicitWheelBuild(
  fragments: readonly Fragment[],
  localLibrary: LocalUse | undefined,
  { findings, bundlePath }: ReachContext,
): void {
  if (localLibrary === undefined) return;
  if (fragments.some((fragment) => isMapping(fragment.value['artifacts']))) return;
  if (!existsSync(path.join(bundlePath, 'setup.py'))) return;
  findings.add(
    'artifact-build',
    'policy',
    'A task uses a local library and setup.py is at the bundle root, so the CLI builds a ' +
      'wheel with "python3 setup.py bdist_wheel" at deploy time. Build it in an earlier step ' +
      'and declare it under artifacts with files: and no build:.',
    at(localLibrary.fragment, localLibrary.path),
  );
}

function checkSite(site: Site, context: ReachContext): void {
  const where = at(site.fragment, site.path);
  const value = site.value;
  switch (site.type) {
    case 'library':
      checkLibrary(site, context);
      break;
    case 'dependencies':
      checkDependencyList(value as unknown[], site.fragment, site.path, context);
      break;
    case 'git-source':
    case 'git-repository': {
      const url = stringAt(isMapping(value) ? (value['git_url'] ?? value['url']) : value);
      const what = site.type === 'git-source' ? 'git_source' : 'git_repository';
      checkLocation(url ?? '(no URL)', 'git-source', `${what} clones from`, where, context);
      break;
    }
    case 'docker-image':
      for (const image of Array.isArray(value) ? value : [value]) {
        const url = stringAt(isMapping(image) ? image['url'] : image);
        if (url !== undefined) checkDockerImage(url, where, context);
      }
      break;
    case 'init-scripts':
      context.findings.add(
        'init-script',
        'policy',
        'init_scripts run on every cluster start, and this pre-flight cannot read what they ' +
          'fetch. Bake what they install into an approved cluster image, or review the ' +
          'scripts and set policy: warn.',
        where,
      );
      break;
    case 'spark-conf':
      checkSparkConf(site, context);
      break;
    case 'spark-submit':
      checkSparkSubmit(value as unknown[], site, context);
      break;
    case 'dbt-commands':
      checkDbtCommands(value as unknown[], site, context);
      break;
    case 'java-dependencies':
      break;
    case 'unresolved':
      context.findings.add(
        'unresolved-reference',
        'policy',
        `${String(site.path[site.path.length - 1])} is set from ${String(value)}, which the ` +
          'pre-flight cannot resolve, so what it fetches cannot be checked. Write the value ' +
          'in the bundle, or use a complex variable with a default.',
        where,
      );
      break;
  }
}

const PACKAGE_LIBRARIES = {
  pypi: { name: 'package', source: 'PyPI (the default pip index)' },
  maven: { name: 'coordinates', source: 'Maven Central and Spark Packages' },
  cran: { name: 'package', source: 'CRAN' },
} as const;

function checkLibrary(site: Site, context: ReachContext): void {
  if (!isMapping(site.value)) return;

  for (const [kind, { name, source }] of Object.entries(PACKAGE_LIBRARIES)) {
    const spec = site.value[kind];
    if (spec === undefined) continue;
    const where = at(site.fragment, [...site.path, kind]);
    const label = stringAt(isMapping(spec) ? spec[name] : undefined) ?? '(unnamed)';
    const repo = stringAt(isMapping(spec) ? spec['repo'] : undefined);

    // "pkg @ https://..." or a bare (VCS) URL ignores the repo: pip fetches that URL.
    const direct = /(?:^|@)\s*(?:[a-z][a-z0-9.-]*\+)?([a-z][a-z0-9+.-]*:\/\/\S+)/i.exec(label);
    if (direct?.[1] !== undefined) {
      checkLocation(
        direct[1],
        'direct-url',
        `${kind} library ${label} is fetched from`,
        where,
        context,
      );
      continue;
    }
    if (repo !== undefined && context.internal.includesUrl(repo)) continue;
    const problem =
      repo === undefined
        ? `has no repo, so the cluster installs it from ${source}`
        : `comes from ${repo}, which is not an internal host`;
    context.findings.add(
      `${kind}-library`,
      'policy',
      `${kind} library ${label} ${problem}. Set repo: to a mirror inside the network and ` +
        'list its host in the internal-hosts input, or ship the library as a vetted file.',
      where,
    );
  }

  for (const key of ['whl', 'jar', 'egg'] as const) {
    const value = stringAt(site.value[key]);
    if (value !== undefined && isWebUrl(value)) {
      const where = at(site.fragment, [...site.path, key]);
      checkLocation(
        value,
        'remote-library',
        `${key} library ${value} is downloaded from`,
        where,
        context,
      );
    }
  }

  const requirements = stringAt(site.value['requirements']);
  if (requirements !== undefined) {
    checkRequirementsLibrary(requirements, site.fragment, [...site.path, 'requirements'], context);
  }
}

function checkDockerImage(url: string, where: Where, context: ReachContext): void {
  const registry = registryOfImage(url);
  if (isInterpolated(registry)) return; // `${var.registry}/x:1`: the host itself is unknown
  if (context.internal.includesHost(registry)) return;
  context.findings.add(
    'docker-image',
    'policy',
    `The container image ${url} is pulled from ${registry} when the cluster starts; ` +
      `${INTERNAL_HINT}.`,
    where,
  );
}

// Spark's package resolution always tries its default chain (Maven Central, spark-packages)
// besides any spark.jars.repositories; only an ivy settings file replaces that chain.
const SPARK_PACKAGES_HINT =
  'Spark resolves packages through Maven Central and spark-packages even with extra ' +
  'repositories. Ship the JARs as vetted files, or set spark.jars.ivySettings to an ivy ' +
  'settings file that names only internal mirrors (and review it).';

const SPARK_URL_LISTS = ['spark.jars', 'spark.files', 'spark.submit.pyFiles', 'spark.archives'];

/** Spark resolves `spark.jars.packages` at start-up, and fetches the URL lists. */
function checkSparkConf(site: Site, context: ReachContext): void {
  if (!isMapping(site.value)) return;
  const conf = site.value;
  const packages = stringAt(conf['spark.jars.packages']);
  if (
    packages !== undefined &&
    packages.trim() !== '' &&
    conf['spark.jars.ivySettings'] === undefined
  ) {
    context.findings.add(
      'spark-packages',
      'policy',
      `spark.jars.packages (${packages}) makes Spark download packages when the cluster ` +
        `starts. ${SPARK_PACKAGES_HINT}`,
      at(site.fragment, [...site.path, 'spark.jars.packages']),
    );
  }
  for (const key of SPARK_URL_LISTS) {
    const list = stringAt(conf[key]);
    if (list === undefined) continue;
    for (const entry of list.split(',').filter((part) => isFetchedUrl(part))) {
      const where = at(site.fragment, [...site.path, key]);
      checkLocation(
        entry,
        'remote-library',
        `${key} downloads ${entry.trim()} from`,
        where,
        context,
      );
    }
  }
}

const SPARK_SUBMIT_URL_OPTIONS = ['--jars', '--py-files', '--files', '--archives'];

/** `spark_submit_task.parameters`: --packages, URL lists, and --conf spark.jars.packages. */
function checkSparkSubmit(parameters: unknown[], site: Site, context: ReachContext): void {
  parameters.forEach((parameter, index) => {
    if (typeof parameter !== 'string') return;
    const [option, attached] = parameter.split(/=(.*)/s);
    const next = parameters[index + 1];
    const value = attached ?? (typeof next === 'string' ? next : '');
    const where = at(site.fragment, [...site.path, index]);
    const confPackages = option === '--conf' && /^spark\.jars\.packages=/.test(value);
    if (option === '--packages' || confPackages) {
      context.findings.add(
        'spark-packages',
        'policy',
        `spark_submit_task ${parameter} makes spark-submit download packages. ` +
          SPARK_PACKAGES_HINT,
        where,
      );
    }
    if (option !== undefined && SPARK_SUBMIT_URL_OPTIONS.includes(option)) {
      for (const entry of value.split(',').filter((part) => isFetchedUrl(part))) {
        checkLocation(
          entry,
          'remote-library',
          `spark_submit_task ${option} downloads ${entry} from`,
          where,
          context,
        );
      }
    }
  });
}

/** `dbt deps` installs the packages of packages.yml, from dbt Hub and Git by default. */
function checkDbtCommands(commands: unknown[], site: Site, context: ReachContext): void {
  commands.forEach((command, index) => {
    if (typeof command !== 'string' || !/\bdbt\s+deps\b/.test(command)) return;
    context.findings.add(
      'dbt-deps',
      'policy',
      `The dbt task runs "${oneLine(command)}", which installs dbt packages from dbt Hub and ` +
        'Git when the job runs. Vendor the packages into the project (dbt_packages) and drop ' +
        'the command, or point packages.yml at internal mirrors and set policy: warn.',
      at(site.fragment, [...site.path, index]),
    );
  });
}

/** A URL that is fetched over the network: http(s) and ftp (not workspace or cloud storage). */
function isFetchedUrl(value: string): boolean {
  return /^\s*(https?|ftp):\/\//i.test(value);
}

/** Whether a setting is on, as the CLI's lenient booleans and non-empty values count. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (typeof value === 'string' && /^(false|no|off|n|0)$/i.test(value.trim())) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isMapping(value)) return Object.values(value).some(isSet);
  return true;
}

function oneLine(text: string): string {
  const line = text.trim().split(/[\r\n]/)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
