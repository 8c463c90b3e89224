import path from 'node:path';

import type { BundleLocation } from '../bundle-location.js';
import { PLAN_SINCE } from '../container-command.js';
import type { LocalImage } from '../engine.js';
import type { ImageReference } from '../image-reference.js';
import type { AuthType, Credentials } from '../credentials.js';
import type { Command } from '../inputs.js';
import { loadBundleFiles } from './bundle-files.js';
import { checkManifest } from './checksum-manifest.js';
import { checkCliVersionConstraint, compareVersions } from './cli-version.js';
import { applyPolicy, FindingList, type Policy, type ReportedFinding } from './findings.js';
import {
  checkImage,
  checkTerraformOffline,
  decideEngine,
  type EngineDecision,
  type EngineName,
  imageHasOfflineTerraform,
  runnerArchitecture,
} from './image-rules.js';
import type { InternalHosts } from './internal-hosts.js';
import { findInternetReach } from './internet-reach.js';
import { type LocalArtifact, localReferences, resolveLocalFiles } from './local-files.js';
import { resourceSites } from './resource-sites.js';
import {
  effectiveSetting,
  type SelectedTarget,
  selectTarget,
  settingLine,
  variableValue,
} from './targets.js';
import { checkWorkspaceHost, checkWorkspaceProfile } from './workspace-rules.js';

export interface PreflightOptions {
  readonly target: string;
  readonly workspaceHost: string | undefined;
  readonly policy: Policy;
  readonly internalHosts: InternalHosts;
  /** The checksum manifest, relative to the repository root, when the input names one. */
  readonly checksums: string | undefined;
  readonly engine: EngineName | undefined;
  /** fail-on-warnings needs the CLI version, to know whether validate has --strict. */
  readonly failOnWarnings?: boolean;
  /** Any command but preflight reads the CLI version, for the audit record; plan needs it. */
  readonly command?: Command;
  /** Newer auth types need a CLI that has them. */
  readonly credentials?: Pick<Credentials, 'authType'>;
}

export interface PreflightReport {
  readonly policy: Policy;
  /** After the policy: what is annotated, in the order found. */
  readonly findings: readonly ReportedFinding[];
  readonly artifacts: readonly LocalArtifact[];
  readonly cliVersion: string | undefined;
  readonly engine: EngineDecision | undefined;
  /** `bundle.name` for the target, as written (a `${...}` in it is not resolved). */
  readonly bundleName: string | undefined;
  /** False when any finding is an error: nothing else may run. */
  readonly passed: boolean;
}

export interface BundleCheck {
  readonly target: SelectedTarget | undefined;
  readonly artifacts: LocalArtifact[];
}

/**
 * The static half of the pre-flight: reads the bundle and its local files, with no engine and
 * no network. Findings go to `findings`; the selected target is undefined when the
 * configuration could not be read far enough to pick one.
 */
export function checkBundle(
  location: BundleLocation,
  options: PreflightOptions,
  findings: FindingList,
): BundleCheck {
  const folders = {
    bundlePath: location.bundlePath,
    checkoutPath: location.checkoutPath,
    configFile: location.configFile,
  };
  const files = loadBundleFiles(folders, findings);
  const target = files && selectTarget(files, options.target, findings);
  if (target === undefined) return { target, artifacts: [] };

  checkWorkspaceHost(target, options.workspaceHost, findings);
  checkWorkspaceProfile(target, findings);

  const sites = resourceSites(target.fragments, (name) => variableValue(target, name));
  const references = localReferences(target.fragments, sites);
  const localLibrary = references.find((reference) => reference.what !== 'artifact file');
  findInternetReach(target.fragments, sites, localLibrary, {
    internal: options.internalHosts,
    findings,
    bundlePath: location.bundlePath,
    checkoutPath: location.checkoutPath,
  });

  const artifacts = resolveLocalFiles(references, folders, findings);
  if (options.checksums !== undefined) {
    const manifest = {
      absolutePath: path.join(location.checkoutPath, options.checksums),
      repositoryPath: options.checksums,
    };
    checkManifest(manifest, location.checkoutPath, location.relativePath, artifacts, findings);
  }
  return { target, artifacts };
}

/**
 * The whole pre-flight: the bundle, then the image. `readCliVersion` runs the image's
 * `databricks --version` (no network, no credentials); it is called only when the answer
 * matters: a databricks_cli_version constraint, or an engine that only the version decides.
 */
export async function runPreflight(
  location: BundleLocation,
  reference: ImageReference,
  image: LocalImage,
  options: PreflightOptions,
  readCliVersion: () => Promise<string | undefined>,
): Promise<PreflightReport> {
  const findings = new FindingList(location.relativePath);
  const { target, artifacts } = checkBundle(location, options, findings);
  checkImage(reference, image, runnerArchitecture(), findings);

  let cliVersion: string | undefined;
  let engine: EngineDecision | undefined;
  let bundleName: string | undefined;
  if (target !== undefined) {
    const name = effectiveSetting(target, ['bundle', 'name'])?.value;
    bundleName = typeof name === 'string' ? name : undefined;
    const constraint = effectiveSetting(target, ['bundle', 'databricks_cli_version']);
    let decision = decideEngine(target, options.engine, image, undefined, findings);
    const engineNeedsVersion = decision.engine === undefined && !imageHasOfflineTerraform(image);
    const versionMatters =
      constraint !== undefined ||
      engineNeedsVersion ||
      options.failOnWarnings === true ||
      options.command === 'plan' ||
      authTypeSince(options) !== undefined;
    const runsCli = options.command !== undefined && options.command !== 'preflight';
    if (versionMatters || runsCli) {
      cliVersion = await readCliVersion();
      // Without a decision that needs it, an unreadable version only leaves the audit
      // record without one; the phases then show what the image really does.
      if (cliVersion === undefined && versionMatters) {
        findings.add(
          'cli-version-unknown',
          'stop',
          "The image's `databricks --version` output was not understood, so the bundle's " +
            'CLI version constraint or deployment engine cannot be checked. Check that the ' +
            "image's entrypoint is the Databricks CLI.",
        );
      }
    }
    if (decision.engine === undefined && cliVersion !== undefined) {
      decision = decideEngine(target, options.engine, image, cliVersion, new FindingList('.'));
    }
    engine = decision;
    checkTerraformOffline(decision, image, findings);
    if (constraint !== undefined && cliVersion !== undefined) {
      checkConstraint(constraint, cliVersion, findings);
    }
    if (options.command === 'plan' && cliVersion !== undefined) {
      checkPlanSupported(cliVersion, findings);
    }
    if (cliVersion !== undefined) checkAuthTypeSupported(options, cliVersion, findings);
  }

  const reported = applyPolicy(findings.items, options.policy);
  return {
    policy: options.policy,
    findings: reported,
    artifacts,
    cliVersion,
    engine,
    bundleName,
    passed: !reported.some((finding) => finding.level === 'error'),
  };
}

/**
 * The first CLI release whose Go SDK has each newer auth type: github-oidc came with SDK
 * v0.65.0 (CLI 0.250.0), env-oidc with v0.68.0 (CLI 0.251.0); an older CLI fails with its
 * generic "cannot configure default credentials" instead.
 */
const AUTH_TYPE_SINCE: Partial<Record<AuthType, string>> = {
  'github-oidc': '0.250.0',
  'env-oidc': '0.251.0',
};

function authTypeSince(options: PreflightOptions): string | undefined {
  const authType = options.credentials?.authType;
  return authType === undefined ? undefined : AUTH_TYPE_SINCE[authType];
}

function checkAuthTypeSupported(
  options: PreflightOptions,
  cliVersion: string,
  findings: FindingList,
): void {
  const since = authTypeSince(options);
  if (since === undefined || compareVersions(cliVersion, since) >= 0) return;
  findings.add(
    'cli-without-auth-type',
    'stop',
    `auth-type ${options.credentials?.authType} needs a Databricks CLI of ${since} or later; ` +
      `the image's CLI is ${cliVersion}. Use a newer approved image, or another auth-type.`,
  );
}

function checkPlanSupported(cliVersion: string, findings: FindingList): void {
  if (compareVersions(cliVersion, PLAN_SINCE) >= 0) return;
  findings.add(
    'cli-without-plan',
    'stop',
    `command: plan needs \`bundle plan\`, which the Databricks CLI has since ${PLAN_SINCE}; ` +
      `the image's CLI is ${cliVersion}. Use a newer approved image, or command: validate.`,
  );
}

function checkConstraint(
  setting: NonNullable<ReturnType<typeof effectiveSetting>>,
  cliVersion: string,
  findings: FindingList,
): void {
  const where = { file: setting.fragment.file.relativePath, line: settingLine(setting) };
  const result = checkCliVersionConstraint(String(setting.value), cliVersion);
  if (result.outcome === 'satisfied') return;
  const kind = result.outcome === 'warning' ? 'advice' : 'stop';
  findings.add(
    'cli-version',
    kind,
    `${result.message}. The image's CLI is ${cliVersion}; use an image whose CLI satisfies ` +
      'bundle.databricks_cli_version, or change the constraint.',
    where,
  );
}
