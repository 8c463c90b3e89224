// Two finishing touches to the bundle in dist/, so that it is the same wherever it is built.
import { readFileSync, writeFileSync } from 'node:fs';

// The bundle is an ES module. The runner starts it with plain `node dist/index.js`, so a
// package.json beside it must say so, whatever the repository root's package.json says.
writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "module" }\n');

// ncc names each bundled module in a comment by its resolved path, which leaves the checkout
// when node_modules is a symlink (a cache, a scratch copy); name it from node_modules instead.
const bundle = new URL('../dist/index.js', import.meta.url);
const text = readFileSync(bundle, 'utf8');
writeFileSync(
  bundle,
  text.replace(/(CONCATENATED MODULE: )\S*?\/?node_modules\//g, '$1./node_modules/'),
);
