// The bundle in dist/ is an ES module. The runner starts it with plain `node dist/index.js`, so
// a package.json beside it must say so, whatever the repository root's package.json says.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "module" }\n');
