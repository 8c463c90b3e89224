// Two finishing touches to the bundle, so that it is the same wherever it is built. The build
// writes to a scratch folder (the argument) and replaces dist/ only when everything succeeded,
// so a failed build never leaves the repository without a working dist/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const folder = path.resolve(process.argv[2] ?? 'dist');

// The bundle is an ES module. The runner starts it with plain `node dist/index.js`, so a
// package.json beside it must say so, whatever the repository root's package.json says.
writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');

// ncc names each bundled module in a comment by its resolved path, which leaves the checkout
// when node_modules is a symlink (a cache, a scratch copy); name it from node_modules instead.
const bundle = path.join(folder, 'index.js');
const text = readFileSync(bundle, 'utf8');
writeFileSync(
  bundle,
  text.replace(/(CONCATENATED MODULE: )\S*?\/?node_modules\//g, '$1./node_modules/'),
);
