import path from 'node:path';

/** A YAML mapping as js-yaml builds it: a plain object. */
export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string value, or undefined for anything else (null, numbers, mappings). */
export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** True when `candidate` is `folder` itself or lies below it (both absolute and normalised). */
export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Values that the CLI resolves later (`${var.x}`, `${workspace.file_path}`): not checkable. */
export function isInterpolated(value: string): boolean {
  return value.includes('${');
}
