/**
 * Which hosts count as inside the enclave: the `internal-hosts` input, a list of host names
 * (`pypi.bank.internal`, which also covers its subdomains) or suffixes (`.bank.internal`, which
 * covers only subdomains). Nothing is internal when the list is empty.
 */
export class InternalHosts {
  private constructor(private readonly entries: readonly string[]) {}

  static parse(text: string): InternalHosts {
    const entries = text
      .split(/[\s,]+/)
      .map((entry) => entry.trim().toLowerCase().replace(/\.$/, ''))
      .filter((entry) => entry !== '');
    return new InternalHosts(entries);
  }

  get list(): readonly string[] {
    return this.entries;
  }

  /** True when `host` (a bare host name, no port) is on the list. */
  includesHost(host: string): boolean {
    const name = host.toLowerCase().replace(/\.$/, '');
    return this.entries.some((entry) =>
      entry.startsWith('.') ? name.endsWith(entry) : name === entry || name.endsWith(`.${entry}`),
    );
  }

  /** True when `url` parses and its host is on the list. */
  includesUrl(url: string): boolean {
    const host = hostOfUrl(url);
    return host !== undefined && this.includesHost(host);
  }
}

/** The host of an absolute URL (or scp-like Git address), or undefined when it has none. */
export function hostOfUrl(url: string): string | undefined {
  // Git's scp-like form, git@host:org/repo.git, is not a URL but names a host all the same.
  const scpLike = /^(?:[\w.-]+@)?([\w.-]+\.[\w-]+):(?!\/\/)(?!\d+(?:\/|$))/.exec(url.trim());
  if (scpLike !== null) return scpLike[1];
  try {
    const parsed = new URL(url.trim());
    return parsed.hostname === '' ? undefined : parsed.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/**
 * The registry host of a container image reference, as Docker reads it: the first path part
 * when it has a dot, a colon or is `localhost`; otherwise Docker Hub.
 */
export function registryOfImage(reference: string): string {
  const first = reference.trim().split('/')[0] ?? '';
  const hasRegistry =
    reference.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost');
  return hasRegistry ? first.replace(/:\d+$/, '') : 'docker.io';
}
