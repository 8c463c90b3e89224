import type { LocalImage } from '../engine.js';
import type { ImageReference } from '../image-reference.js';
import { compareVersions } from './cli-version.js';
import type { FindingList } from './findings.js';
import { effectiveSetting, type SelectedTarget, settingLine } from './targets.js';

/** Node's names for CPU architectures, in the OCI names that image configs use. */
const OCI_ARCHITECTURES: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

export function runnerArchitecture(nodeArch: string = process.arch): string {
  return OCI_ARCHITECTURES[nodeArch] ?? nodeArch;
}

/**
 * The image that will run must be the pinned one: a digest in the input must be one the local
 * store knows for this image (or its id), and a tag-only reference is reported as mutable with
 * the digest that actually ran. Its platform must be the runner's, since an emulated or
 * mismatched CLI either fails oddly or not at all.
 */
export function checkImage(
  reference: ImageReference,
  image: LocalImage,
  runnerArch: string,
  findings: FindingList,
): void {
  if (reference.digest !== undefined) {
    const digest = reference.digest;
    const known =
      image.id === digest || image.repoDigests.some((entry) => entry.endsWith(`@${digest}`));
    if (!known) {
      findings.add(
        'image-digest',
        'stop',
        `Input 'image' pins ${digest}, but the local image ${reference.raw} resolves to ` +
          `${image.id} with registry digests ${image.repoDigests.join(', ') || '(none)'}. ` +
          'Load the approved image, or correct the digest.',
      );
    }
  } else {
    // Only a digest of the same repository can replace the tag in the input.
    const digest = image.repoDigests.find((entry) => entry.startsWith(`${reference.repository}@`));
    const pin = digest ?? `${reference.repository}@<digest from your registry>`;
    findings.add(
      'mutable-tag',
      'advice',
      `Input 'image' names the tag ${reference.tag ?? ''}, which can be moved to another ` +
        `image. This run uses image ${image.id}; pin the input as ${pin} to make runs ` +
        'repeatable.',
    );
  }

  if (image.os !== 'linux' || image.architecture !== runnerArch) {
    findings.add(
      'image-platform',
      'stop',
      `The image is built for ${image.platform || 'an unknown platform'}, but this runner is ` +
        `linux/${runnerArch}. Mirror the ${runnerArch} variant of the CLI image.`,
    );
  }
}

export type EngineName = 'terraform' | 'direct';

export interface EngineDecision {
  readonly engine: EngineName | undefined;
  /** How it was decided, for messages: "bundle.engine in databricks.yml:4", ... */
  readonly source: string;
}

const ENGINES: readonly string[] = ['terraform', 'direct'];

// The CLI's default deployment engine for new deployments became "direct" in v1.3.0.
const DIRECT_DEFAULT_SINCE = '1.3.0';

/**
 * Which engine the CLI will deploy with, in the CLI's order: bundle.engine in the YAML, then
 * DATABRICKS_BUNDLE_ENGINE (from the `engine` input, else the image's own environment), then
 * the CLI version's default. Undefined engine means the version is needed and not yet known.
 */
export function decideEngine(
  target: SelectedTarget,
  inputEngine: EngineName | undefined,
  image: LocalImage,
  cliVersion: string | undefined,
  findings: FindingList,
): EngineDecision {
  const setting = effectiveSetting(target, ['bundle', 'engine']);
  // The CLI reads an empty engine as "not set".
  if (setting !== undefined && setting.value !== '') {
    const where = `bundle.engine in ${setting.fragment.file.relativePath}:${settingLine(setting)}`;
    if (typeof setting.value === 'string' && ENGINES.includes(setting.value)) {
      return { engine: setting.value as EngineName, source: where };
    }
    findings.add(
      'config-type',
      'stop',
      `bundle.engine must be "terraform" or "direct", not ${JSON.stringify(setting.value)}.`,
      { file: setting.fragment.file.relativePath, line: settingLine(setting) },
    );
    return { engine: undefined, source: where };
  }
  if (inputEngine !== undefined) return { engine: inputEngine, source: "the 'engine' input" };

  const imageEngine = image.env['DATABRICKS_BUNDLE_ENGINE'];
  if (imageEngine !== undefined && ENGINES.includes(imageEngine)) {
    return { engine: imageEngine as EngineName, source: "the image's DATABRICKS_BUNDLE_ENGINE" };
  }
  if (cliVersion === undefined) return { engine: undefined, source: 'the CLI version' };
  const engine = compareVersions(cliVersion, DIRECT_DEFAULT_SINCE) >= 0 ? 'direct' : 'terraform';
  return { engine, source: `the default of CLI ${cliVersion}` };
}

/** True when the image carries Terraform and the provider for offline use. */
export function imageHasOfflineTerraform(image: LocalImage): boolean {
  return ['DATABRICKS_TF_EXEC_PATH', 'DATABRICKS_TF_CLI_CONFIG_FILE'].every(
    (name) => (image.env[name] ?? '') !== '',
  );
}

/**
 * The Terraform engine downloads Terraform and the Databricks provider unless the image points
 * the CLI at baked-in copies. In a closed network that download cannot work.
 */
export function checkTerraformOffline(
  decision: EngineDecision,
  image: LocalImage,
  findings: FindingList,
): void {
  if (decision.engine !== 'terraform' || imageHasOfflineTerraform(image)) return;
  findings.add(
    'terraform-download',
    'stop',
    `This bundle deploys with the Terraform engine (decided by ${decision.source}), but the ` +
      'image does not set DATABRICKS_TF_EXEC_PATH and DATABRICKS_TF_CLI_CONFIG_FILE, so the ' +
      'CLI would download Terraform and the Databricks provider, which cannot work in a ' +
      'closed network. Use an image with both baked in, or deploy with the direct engine ' +
      '(bundle.engine: direct, or the engine input).',
  );
}
