// Transpiles the action's TypeScript sources into a scratch folder inside the repository (so
// that `js-yaml` still resolves from node_modules) and returns a function that imports one of
// them. Scripts use it to call the pre-flight's own code without a bundler.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export function loadSource(repo) {
  const out = fs.mkdtempSync(path.join(repo, '.scratch-'));
  process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');

  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
  for (const file of walk(path.join(repo, 'src'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    const target = path.join(out, path.relative(repo, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return (relative) => import(pathToFileURL(path.join(out, relative.replace(/\.ts$/, '.js'))).href);
}
