// Writes the README's inputs and outputs tables from action.yml, so the two cannot drift apart.
// `node scripts/readme-tables.mjs --check` fails instead of writing when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';

import { load } from 'js-yaml';
import { format, resolveConfig } from 'prettier';

const root = new URL('../', import.meta.url);
const action = load(readFileSync(new URL('action.yml', root), 'utf8'));
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');

const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');

const inputs = [
  '| Input | Required | Default | Description |',
  '| --- | --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ` +
      `${input.default === undefined || input.default === '' ? '' : `\`${input.default}\``} | ` +
      `${cell(input.description)} |`,
  ),
].join('\n');

const outputs = [
  '| Output | Description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  ),
].join('\n');

const replaceBetween = (text, marker, table) => {
  const pattern = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(\\n<!-- ${marker}:end -->)`);
  if (!pattern.test(text)) throw new Error(`README.md has no ${marker}:start/end markers`);
  return text.replace(pattern, (_, start, end) => `${start}${table}${end}`);
};

// Prettier aligns Markdown tables; format the result the same way so that both checks agree.
const options = { ...(await resolveConfig(readmeUrl)), filepath: readmeUrl.pathname };
const updated = await format(
  replaceBetween(replaceBetween(readme, 'inputs', inputs), 'outputs', outputs),
  options,
);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md tables differ from action.yml: run node scripts/readme-tables.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(readmeUrl, updated);
}
