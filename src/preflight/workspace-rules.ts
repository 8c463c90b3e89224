import type { FindingList } from './findings.js';
import { effectiveSetting, type SelectedTarget, settingLine } from './targets.js';
import { isInterpolated } from './values.js';

/**
 * The CLI prefers `workspace.host` from the YAML over DATABRICKS_HOST, so a bundle that names
 * another workspace than the `host` input would receive this workspace's credentials. That
 * stops the step before any container sees them. The input's value is never repeated: it may
 * come from a secret.
 */
export function checkWorkspaceHost(
  target: SelectedTarget,
  inputHost: string | undefined,
  findings: FindingList,
): void {
  const setting = effectiveSetting(target, ['workspace', 'host']);
  if (setting === undefined) return;

  const where = { file: setting.fragment.file.relativePath, line: settingLine(setting) };
  if (typeof setting.value !== 'string') {
    findings.add('config-type', 'stop', 'workspace.host must be a string.', where);
    return;
  }
  if (isInterpolated(setting.value)) return; // the CLI warns about these and ignores them

  if (/^http:\/\//i.test(setting.value.trim())) {
    findings.add(
      'host-mismatch',
      'stop',
      `workspace.host for target ${target.name} is ${setting.value}, plain http: the CLI ` +
        'would send the credentials unencrypted. Use the https URL of the workspace.',
      where,
    );
    return;
  }
  if (inputHost === undefined) return;
  const yamlHost = normalizeHost(setting.value);
  if (yamlHost !== undefined && yamlHost === normalizeHost(inputHost)) return;
  findings.add(
    'host-mismatch',
    'stop',
    `workspace.host for target ${target.name} is ${setting.value}, which is not the ` +
      "workspace named by the host input. The CLI would use the YAML's host with the " +
      'credentials given for the input, so nothing runs. Make the two name the same ' +
      'workspace, or remove workspace.host from the YAML.',
    where,
  );
}

/** Host and port, lower case, with https assumed when no scheme is given, as the CLI does. */
export function normalizeHost(value: string): string | undefined {
  const text = value.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const port = url.port === '' || url.port === '443' ? '' : `:${url.port}`;
    return `${url.hostname.toLowerCase()}${port}`;
  } catch {
    return undefined;
  }
}

/** A profile names a section of ~/.databrickscfg, which does not exist in the container. */
export function checkWorkspaceProfile(target: SelectedTarget, findings: FindingList): void {
  const setting = effectiveSetting(target, ['workspace', 'profile']);
  if (setting === undefined) return;
  findings.add(
    'workspace-profile',
    'policy',
    `workspace.profile (${String(setting.value)}) names a profile in ~/.databrickscfg, which ` +
      'does not exist in the CLI container, so the CLI cannot load it. Remove it and let the ' +
      "action's host and credential inputs configure the workspace.",
    { file: setting.fragment.file.relativePath, line: settingLine(setting) },
  );
}
