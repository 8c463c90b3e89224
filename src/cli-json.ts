import { messageOf } from './errors.js';
import { isMapping, type Mapping } from './preflight/values.js';

/**
 * A JSON document the CLI printed to stdout, which must be an object. `fail` makes the error
 * of the caller's kind, so each reader reports in its own words what could not be read.
 */
export function parseCliJsonObject(stdout: string, fail: (reason: string) => Error): Mapping {
  let document: unknown;
  try {
    document = JSON.parse(stdout);
  } catch (error) {
    throw fail(`its output is not JSON (${messageOf(error)})`);
  }
  if (!isMapping(document)) throw fail('its output is not a JSON object');
  return document;
}
