// One measured process of the workspace index benchmark: `floor` reads and parses every file with the `yaml`
// package (the options server/src/model/parse.ts uses) and keeps the documents; `index` reads every file into
// Pod Lens's WorkspaceIndex (setFileText: the project's parser, then the compact facts). Prints one JSON line:
// the time to do all files (ms) and the process's peak RSS (VmHWM, kB) after it.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const [mode, listFile] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);

const t0 = performance.now();
let keep;
if (mode === 'floor') {
  const { parseAllDocuments } = require('yaml');
  const OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, strict: false };
  keep = files.map((f) => parseAllDocuments(fs.readFileSync(f, 'utf8'), OPTIONS));
} else {
  const { WorkspaceIndex } = require(path.join(ROOT, 'out/server/src/analysis/workspace/index.js'));
  keep = new WorkspaceIndex();
  for (const f of files) keep.setFileText(f, fs.readFileSync(f, 'utf8'));
}
const ms = performance.now() - t0;
globalThis.__keep = keep;
process.stdout.write(JSON.stringify({ ms, hwmKb: hwm() }) + '\n');
