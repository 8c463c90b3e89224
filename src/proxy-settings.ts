/**
 * The proxies the container uses: the runner's HTTP_PROXY, HTTPS_PROXY and NO_PROXY (in either
 * case, as Go reads them), unless the action's inputs name others.
 */

export interface ProxyInputs {
  readonly httpProxy: string | undefined;
  readonly httpsProxy: string | undefined;
  readonly noProxy: string | undefined;
}

export interface ProxySetting {
  readonly value: string;
  /** Where it came from, for the log: the input's name or the runner variable's. */
  readonly source: string;
}

export interface ProxySettings {
  readonly http: ProxySetting | undefined;
  readonly https: ProxySetting | undefined;
  readonly noProxy: ProxySetting | undefined;
}

export function resolveProxies(inputs: ProxyInputs, runnerEnv: NodeJS.ProcessEnv): ProxySettings {
  return {
    http: pick(inputs.httpProxy, 'http-proxy', runnerEnv, 'HTTP_PROXY'),
    https: pick(inputs.httpsProxy, 'https-proxy', runnerEnv, 'HTTPS_PROXY'),
    noProxy: pick(inputs.noProxy, 'no-proxy', runnerEnv, 'NO_PROXY'),
  };
}

// Go's net/http reads the upper-case name first, then the lower-case one.
function pick(
  input: string | undefined,
  inputName: string,
  runnerEnv: NodeJS.ProcessEnv,
  variable: string,
): ProxySetting | undefined {
  if (input !== undefined) return { value: input, source: `input ${inputName}` };
  for (const name of [variable, variable.toLowerCase()]) {
    const value = runnerEnv[name];
    if (value !== undefined && value !== '') return { value, source: `the runner's ${name}` };
  }
  return undefined;
}

/**
 * The container's proxy variables, in both cases: the CLI and Terraform (Go) read either, and
 * other tools in an image may read only one.
 */
export function proxyEnvironment(settings: ProxySettings): Record<string, string> {
  const env: Record<string, string> = {};
  const entries: [string, ProxySetting | undefined][] = [
    ['HTTP_PROXY', settings.http],
    ['HTTPS_PROXY', settings.https],
    ['NO_PROXY', settings.noProxy],
  ];
  for (const [name, setting] of entries) {
    if (setting === undefined) continue;
    env[name] = setting.value;
    env[name.toLowerCase()] = setting.value;
  }
  return env;
}

/**
 * The parts of the proxy values that must be masked: their passwords and user names, or, for a
 * value that is not a URL, everything before its last `@`.
 */
export function proxySecrets(settings: ProxySettings): string[] {
  const secrets: string[] = [];
  for (const setting of [settings.http, settings.https]) {
    if (setting === undefined) continue;
    const url = parseUrl(setting.value);
    if (url === undefined) {
      const at = setting.value.lastIndexOf('@');
      if (at > 0) secrets.push(setting.value.slice(0, at));
      continue;
    }
    for (const part of [url.password, url.username]) {
      if (part !== '') secrets.push(part, decoded(part));
    }
  }
  return secrets;
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Log lines that say which proxies are in effect, with any credentials in them replaced. */
export function describeProxies(settings: ProxySettings): string[] {
  const lines: string[] = [];
  if (settings.https !== undefined) lines.push(describe('HTTPS', settings.https));
  if (settings.http !== undefined) lines.push(describe('HTTP', settings.http));
  if (settings.noProxy !== undefined) {
    lines.push(`No proxy for: ${settings.noProxy.value} (${settings.noProxy.source})`);
  }
  return lines.length === 0 ? ['Proxy: none (the container connects directly)'] : lines;
}

function describe(scheme: string, setting: ProxySetting): string {
  return `${scheme} proxy: ${withoutCredentials(setting.value)} (${setting.source})`;
}

export function withoutCredentials(value: string): string {
  const url = parseUrl(value);
  if (url === undefined) return value.includes('@') ? '(not a URL, with credentials)' : value;
  if (url.username === '' && url.password === '') return value;
  url.username = '';
  url.password = '';
  return url
    .toString()
    .replace(/^(\w+:\/\/)/, '$1***@')
    .replace(/\/$/, '');
}

/**
 * Go takes a proxy without a scheme as http://, so `user:pw@proxy:3128` is a proxy with
 * credentials, not a URL whose scheme is `user`; it is read the same way here.
 */
function parseUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.includes('://') ? value : `http://${value}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
