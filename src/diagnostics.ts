/**
 * The CLI's diagnostics, read back from its stderr (libs/cmdio/render.go): a heading
 * `Error:`, `Warning:` or `Recommendation:` with the summary, then optional `  at <path>` and
 * `  in <file>:<line>:<col>` lines (further ones indented with five spaces), then an optional
 * detail block after a blank line.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'recommendation';
  readonly summary: string;
  readonly paths: readonly string[];
  /** Relative to the bundle root, as the CLI prints them. */
  readonly locations: readonly { file: string; line: number; column: number }[];
  readonly detail: string;
}

const HEADING = /^(Error|Warning|Recommendation): (.*)$/;
const AT = /^ {2}at (.+)$/;
const IN = /^ {2}in (.+):(\d+):(\d+)$/;
const FURTHER = /^ {5}(\S.*)$/;
const LOCATION = /^(.+):(\d+):(\d+)$/;
// eslint-disable-next-line no-control-regex -- colour codes start with the ESC character
const COLOUR = /\u001b\[[0-9;]*m/g;

const SEVERITY = { Error: 'error', Warning: 'warning', Recommendation: 'recommendation' } as const;

/** Every diagnostic in the text, in order; robust to colour codes, CRLF and log lines between. */
export function parseDiagnostics(stderr: string): Diagnostic[] {
  const lines = stderr.replace(COLOUR, '').split(/\r?\n/);
  const found: Diagnostic[] = [];
  let index = 0;
  while (index < lines.length) {
    const heading = HEADING.exec(lines[index] ?? '');
    index += 1;
    if (heading === null) continue;

    const paths: string[] = [];
    const locations: { file: string; line: number; column: number }[] = [];
    let last: 'at' | 'in' | undefined;
    for (; index < lines.length; index++) {
      const line = lines[index] ?? '';
      const at = AT.exec(line);
      const location = IN.exec(line);
      const further = FURTHER.exec(line);
      if (at !== null) {
        paths.push(at[1] ?? '');
        last = 'at';
      } else if (location !== null) {
        locations.push(toLocation(location));
        last = 'in';
      } else if (further !== null && last === 'at') {
        paths.push(further[1] ?? '');
      } else if (further !== null && last === 'in') {
        const more = LOCATION.exec(further[1] ?? '');
        if (more !== null) locations.push(toLocation(more));
      } else {
        break;
      }
    }

    const detail: string[] = [];
    if (lines[index] === '' && index + 1 < lines.length && !isBoundary(lines[index + 1] ?? '')) {
      for (index += 1; index < lines.length && !isBoundary(lines[index] ?? ''); index++) {
        detail.push(lines[index] ?? '');
      }
    }
    const kind = heading[1] as keyof typeof SEVERITY;
    found.push({
      severity: SEVERITY[kind],
      summary: heading[2] ?? '',
      paths,
      locations,
      detail: detail.join('\n').trim(),
    });
  }
  return found;
}

function toLocation(match: RegExpExecArray): { file: string; line: number; column: number } {
  return { file: match[1] ?? '', line: Number(match[2]), column: Number(match[3]) };
}

/** A detail block ends at a blank line or where the next diagnostic or log line starts. */
function isBoundary(line: string): boolean {
  return line === '' || HEADING.test(line) || /^(Warn|Info|Debug): /.test(line);
}
