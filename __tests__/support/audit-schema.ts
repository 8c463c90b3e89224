/**
 * Validates audit records against the JSON Schema in schema/, with Ajv (draft 2020-12) and its
 * date-time format, so every test that sees a record checks it the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { REPOSITORY_ROOT } from './bundles.js';

// Both packages are CommonJS; Node's ESM import gives their module.exports, whose `default`
// property is the class (Ajv) and the plugin (ajv-formats).
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export const AUDIT_SCHEMA_PATH = path.join(REPOSITORY_ROOT, 'schema', 'audit-record.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(AUDIT_SCHEMA_PATH, 'utf8')) as object);

/** The schema's complaints about `record`, one per line; empty when it is valid. */
export function auditSchemaErrors(record: unknown): string[] {
  if (validate(record)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
