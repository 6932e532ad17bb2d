// Issue 16 benchmark: the workspace index on a generated workspace of 5,000 manifests, as ratios against the floor
// of reading and parsing the same files with the `yaml` package, measured in the same run.
//   - index: a fresh process indexes every file (WorkspaceIndex.setFileText) vs a fresh process that parses every
//     file and keeps the documents; medians of --runs each, alternating;
//   - peak RSS of those processes (VmHWM);
//   - one-file edit: in one process, after indexing, an edited file is indexed again and the workspace rules re-check
//     every file of its namespace (what the editor re-publishes when all of them are open); p50/p95 over --edits.
// Usage: node bench/workspace.mjs [--files 5000] [--runs 5] [--edits 200] [--no-build]
// (compiles out/ with `npm run compile-tests` first unless --no-build). Part of `npm run bench`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { writeWorkspace } from './lib/workspaceGen.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name, d) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const FILES = arg('--files', 5000);
const RUNS = arg('--runs', 5);
const EDITS = arg('--edits', 200);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'compile-tests'], { cwd: ROOT, stdio: 'inherit' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-bench-ws-'));
const files = writeWorkspace(path.join(dir, 'ws'), { files: FILES });
const list = path.join(dir, 'files.txt');
fs.writeFileSync(list, files.join('\n'));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

const child = (mode) => JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bench/lib/workspaceChild.mjs'), mode, list], { encoding: 'utf8' }));
const floor = [];
const index = [];
for (let i = 0; i < RUNS; i++) { floor.push(child('floor')); index.push(child('index')); }

// One-file edits, in process.
const require = createRequire(path.join(ROOT, 'package.json'));
const { WorkspaceIndex } = require(path.join(ROOT, 'out/server/src/analysis/workspace/index.js'));
const { workspaceDiagnostics } = require(path.join(ROOT, 'out/server/src/service/workspaceDiagnostics.js'));
const { withDefaults } = require(path.join(ROOT, 'out/server/src/service/settings.js'));
const settings = withDefaults({});
const ix = new WorkspaceIndex();
const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
for (const [f, t] of texts) ix.setFileText(f, t);
const edits = [];
const deployments = files.filter((f) => texts.get(f).includes('kind: Deployment'));
for (let i = 0; i < EDITS; i++) {
  const f = deployments[(i * 7919) % deployments.length];
  const text = texts.get(f).replace(/replicas: \d+/, `replicas: ${1 + (i % 5)}`);
  const t0 = performance.now();
  const change = ix.setFileText(f, text);
  const namespaces = change.all ? ix.namespaces() : [...change.namespaces];
  let n = 0;
  for (const ns of namespaces) {
    const seen = new Set();
    for (const o of ix.objectsIn(ns)) {
      if (seen.has(o.file)) continue;
      seen.add(o.file);
      n += workspaceDiagnostics(ix, o.file, texts.get(o.file) ?? text, settings).length;
    }
  }
  edits.push(performance.now() - t0);
  globalThis.__n = n;
}

const fm = median(floor.map((x) => x.ms));
const im = median(index.map((x) => x.ms));
const fr = median(floor.map((x) => x.hwmKb));
const ir = median(index.map((x) => x.hwmKb));
const rows = [
  ['index 5k manifests (fresh process, read + parse + facts)', `${im.toFixed(0)} ms`, `${fm.toFixed(0)} ms`, `${(im / fm).toFixed(2)}×`, '≤ 1.5×'],
  ['peak RSS of that process', `${(ir / 1024).toFixed(0)} MB`, `${(fr / 1024).toFixed(0)} MB`, `${(ir / fr).toFixed(2)}×`, '≤ 2×'],
  [`one-file edit → re-check its namespace (${Math.round(FILES / 20)} files), p50`, `${pct(edits, 0.5).toFixed(1)} ms`, '', '', ''],
  ['one-file edit → re-check its namespace, p95', `${pct(edits, 0.95).toFixed(1)} ms`, '', '', '≤ 50 ms'],
];
const md = [
  `Workspace index: ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${RUNS} runs each, Node ${process.version}, ${os.cpus().length} cores`,
  '',
  '| figure | Pod Lens | floor (yaml parseAllDocuments, documents kept) | ratio | goal |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(md);
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/workspace.md'), md + '\n');
fs.rmSync(dir, { recursive: true, force: true });
