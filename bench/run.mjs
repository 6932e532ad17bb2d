#!/usr/bin/env node
// Pod Lens benchmark: `npm run bench` (or `node bench/run.mjs [options]`). See bench/README.md.
//
// Measures the real bundled server (dist/server.js --stdio) against two baselines on the same
// seeded workloads: the FLOOR (the `yaml` package parsing the text, bench/lib/floor.mjs) and the
// PEER (Red Hat's yaml-language-server validating against an offline Kubernetes JSON schema).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildK8sSchema } from './lib/k8sSchema.mjs';
import { measureCold, measureWarm } from './lib/drive.mjs';
import { median } from './lib/stats.mjs';
import { generateWorkload } from './lib/workload.mjs';
import { renderMarkdown, evaluateTargets } from './lib/report.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const WORK = path.join(BENCH, '.work');
const PEER = path.join(BENCH, '.peer');
const RESULTS = path.join(BENCH, 'results');
const PEER_VERSION = '1.25.0';
const SCHEMA_PACKAGE = 'kubernetes-models@4.3.1';

const { values: a } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: '42' },
    hovers: { type: 'string', default: '200' },
    'peer-hovers': { type: 'string', default: '40' },
    edits: { type: 'string', default: '20' },
    'peer-edits': { type: 'string', default: '6' },
    requests: { type: 'string', default: '20' },
    'floor-runs': { type: 'string', default: '7' },
    'cold-reps': { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'latest' },
    compare: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (a.help) {
  console.log(fs.readFileSync(path.join(BENCH, 'README.md'), 'utf8'));
  process.exit(0);
}
const opts = {
  reps: Number(a.reps), sizes: a.sizes.split(',').map(Number), seed: Number(a.seed),
  hovers: Number(a.hovers), peerHovers: Number(a['peer-hovers']), edits: Number(a.edits), peerEdits: Number(a['peer-edits']),
  requests: Number(a.requests), floorRuns: Number(a['floor-runs']), coldReps: Number(a['cold-reps'] ?? a.reps),
};
const log = (m) => process.stderr.write(`${m}\n`);
fs.mkdirSync(WORK, { recursive: true });
fs.mkdirSync(RESULTS, { recursive: true });
const started = performance.now();
const loadAtStart = os.loadavg()[0];

// 1. Build what is measured (the same as `npm run build`), and minified bundles for the size figures.
if (!a['no-build']) {
  log('building dist/ (node esbuild.mjs)...');
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const bundles = await bundleSizes();

// 2. Workloads, with the positions the editor actions use.
const workloads = opts.sizes.map((n) => {
  const g = generateWorkload(n, opts.seed);
  const file = path.join(WORK, `workload-${n}.yaml`);
  fs.writeFileSync(file, g.text);
  return { ...g, target: n, file, lines: g.lines, ...positions(g.text, opts.seed) };
});
for (const w of workloads) log(`workload ${w.target}: ${w.lines} lines, ${w.documents} documents, ${w.text.length} chars`);

// 3. The floor.
const floor = {};
for (const w of workloads) {
  floor[w.lines] = await measureFloor(w.file, opts.floorRuns);
  // A server may publish a large file in steps: its last publish counts as complete once none has
  // followed for this long (several times the parse of the whole file: a cold server on a busy
  // machine took 1.5 s between its first and its complete publish of the 50k-line file).
  w.quietMs = Math.max(3000, Math.round(5 * floor[w.lines].warmMedian));
  log(`floor ${w.lines} lines: parse ${floor[w.lines].warmMedian.toFixed(0)} ms (warm median), first ${floor[w.lines].firstParse.toFixed(0)} ms, process start->parsed ${floor[w.lines].coldProcess.toFixed(0)} ms`);
}

// 4. Pod Lens.
const ours = {
  name: 'pod-lens', argv: [path.join(ROOT, 'dist/server.js'), '--stdio'], versioned: true, podLens: true,
  configuration: (section) => (section === 'podLens' ? {} : null),
};
log('Pod Lens (dist/server.js)...');
const oursWarm = await measureWarm(ours, workloads, opts, log);
const largest = workloads[workloads.length - 1];
const oursCold = {};
for (const w of workloads) oursCold[w.lines] = await measureCold(ours, w, w === largest ? opts.coldReps : 1);

// 5. The peer.
let peerWarm;
let peerCold;
let peerInfo;
if (!a['no-peer']) {
  peerInfo = installPeer();
  const schemaUri = `file://${peerInfo.schema.file}`;
  const yaml = {
    validate: true, hover: true, completion: true, format: { enable: false },
    schemas: { [schemaUri]: ['*.yaml'] },
    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, maxItemsComputed: 5000,
  };
  const peer = {
    name: 'peer', argv: [peerInfo.server, '--stdio'], versioned: false, podLens: false,
    configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxy: '', proxyStrictSSL: false } : section === 'editor' ? { tabSize: 2 } : section === '[yaml]' ? {} : null),
    afterInit: async (c) => { await c.notify('workspace/didChangeConfiguration', { settings: { yaml, http: { proxy: '', proxyStrictSSL: false } } }); await new Promise((r) => setTimeout(r, 200)); },
    probe: probePeer,
  };
  log(`peer (yaml-language-server ${PEER_VERSION}, schema ${peerInfo.schema.kinds} kinds)...`);
  peerWarm = await measureWarm(peer, workloads, opts, log);
  peerCold = {};
  for (const w of workloads) peerCold[w.lines] = await measureCold(peer, w, w === largest ? Math.min(2, opts.coldReps) : 1);
}

// 6. Report.
const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
// The previous run (default: the results file this run replaces), for the ratios before and after.
const previousFile = a.compare ?? path.join(RESULTS, `${a.out}.json`);
let previous;
try { previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')); } catch { previous = undefined; }
const result = {
  date: new Date().toISOString(),
  previous: previous && previousRatios(previous, path.relative(ROOT, previousFile)),
  machine: { nproc: os.availableParallelism(), cpu, node: process.version, platform: `${os.platform()} ${os.release()}`, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), load1: [+loadAtStart.toFixed(2), +os.loadavg()[0].toFixed(2)] },
  options: opts,
  workloads: workloads.map((w) => ({ lines: w.lines, documents: w.documents, chars: w.text.length })),
  floor, pod: { warm: oursWarm, cold: oursCold },
  peer: peerWarm ? { version: PEER_VERSION, schema: { source: SCHEMA_PACKAGE, kinds: peerInfo.schema.kinds, definitions: peerInfo.schema.definitions }, warm: peerWarm, cold: peerCold } : undefined,
  bundles,
  durationS: +((performance.now() - started) / 1000).toFixed(1),
};
result.targets = evaluateTargets(result);
const md = renderMarkdown(result);
fs.writeFileSync(path.join(RESULTS, `${a.out}.json`), JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(path.join(RESULTS, `${a.out}.md`), md);
console.log(md);
log(`wrote bench/results/${a.out}.json and ${a.out}.md in ${result.durationS} s`);

// ---------------------------------------------------------------------------------------------

/**
 * Pod Lens / floor ratios of an earlier results file. Runs before issue 18 published once per open,
 * so their first diagnostics were also the complete ones.
 */
function previousRatios(p, file) {
  const out = { file, date: p.date, sizes: {} };
  for (const size of Object.keys(p.floor ?? {})) {
    const pod = p.pod?.warm?.sizes?.[size];
    const cold = p.pod?.cold?.[size];
    const F = p.floor[size].warmMedian;
    const C = p.floor[size].coldProcess;
    if (!pod) continue;
    out.sizes[size] = {
      first: median(pod.firstDiagnostics) / F,
      complete: median(pod.completeDiagnostics ?? pod.firstDiagnostics) / F,
      coldFirst: cold ? cold.median / C : undefined,
      coldComplete: cold ? (cold.completeMedian ?? cold.median) / C : undefined,
      editP95: pod.edit?.p95 / F,
      peakRssVsPeer: p.peer ? p.pod.warm.peakRss / p.peer.warm.peakRss : undefined,
    };
  }
  return out;
}

/** Hover positions spread over the whole file (on field names), edit positions in its middle. */
function positions(text, seed) {
  const lines = text.split('\n');
  const KEY = /^(\s*(?:- )?)(resources|restartPolicy|initContainers|containers|livenessProbe|readinessProbe|startupProbe|image|cpu|memory|kind|terminationGracePeriodSeconds|replicas|strategy|tolerations|limits|requests):/;
  const keyLines = [];
  lines.forEach((l, i) => { const m = KEY.exec(l); if (m) keyLines.push({ line: i, character: m[1].length + 1 }); });
  // deterministic shuffle so that consecutive hovers jump around the file like a user does
  let s = seed >>> 0;
  const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  for (let i = keyLines.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [keyLines[i], keyLines[j]] = [keyLines[j], keyLines[i]]; }
  const editPositions = [];
  const lo = Math.floor(lines.length * 0.45);
  const hi = Math.floor(lines.length * 0.55);
  for (let i = lo; i < hi && editPositions.length < 16; i++) {
    if (/^\s*- name: [\w-]+$/.test(lines[i])) editPositions.push({ line: i, character: lines[i].length });
  }
  return { hoverPositions: keyLines, editPositions };
}

function measureFloor(file, runs) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [path.join(BENCH, 'lib/floor.mjs'), file, String(runs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    let cold;
    p.stdout.on('data', (b) => {
      buf += b.toString();
      if (cold === undefined && buf.includes('first\n')) cold = performance.now() - t0;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`floor exited ${code}`));
      const r = JSON.parse(buf.slice(buf.indexOf('first\n') + 6));
      resolve({ runs: r.runs, firstParse: r.runs[0], warmMedian: median(r.runs.slice(1)), coldProcess: cold });
    });
  });
}

function installPeer() {
  const pkg = (name) => { try { return JSON.parse(fs.readFileSync(path.join(PEER, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return undefined; } };
  if (pkg('yaml-language-server') !== PEER_VERSION || pkg('kubernetes-models') !== SCHEMA_PACKAGE.split('@')[1]) {
    log(`installing the peer into bench/.peer (npm install yaml-language-server@${PEER_VERSION} ${SCHEMA_PACKAGE})...`);
    const r = spawnSync('npm', ['install', '--prefix', PEER, '--no-audit', '--no-fund', '--save-exact', `yaml-language-server@${PEER_VERSION}`, SCHEMA_PACKAGE], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install of the peer failed');
  }
  const schema = buildK8sSchema(PEER, path.join(WORK, 'kubernetes-1.27-strict-all.json'));
  return { server: path.join(PEER, 'node_modules/yaml-language-server/bin/yaml-language-server'), schema };
}

/** The peer must really validate: a misspelt field and a wrong type must be reported. */
async function probePeer(c) {
  const uri = 'file:///bench/peer/probe.yaml';
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\nspec:\n  replicas: three\n  selector:\n    matchLabels: { app: probe }\n  template:\n    metadata:\n      labels: { app: probe }\n    spec:\n      containers:\n        - name: app\n          image: nginx\n          imagePullPolicyy: Always\n';
  const wait = c.nextDiagnostics(uri, undefined, 60_000);
  await c.open(uri, text);
  const { diagnostics } = await wait;
  await c.close(uri);
  const messages = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
  const misspelt = diagnostics.some((d) => d.range.start.line === 15 && /not allowed/i.test(d.message));
  const wrongType = diagnostics.some((d) => d.range.start.line === 5 && /type|integer/i.test(d.message));
  const probe = { validates: misspelt && wrongType, misspelt, wrongType, messages };
  if (!probe.validates) throw new Error(`the peer did not report the schema errors of the probe file: ${JSON.stringify(probe)}`);
  return probe;
}

async function bundleSizes() {
  const size = (f) => { try { return fs.statSync(path.join(ROOT, f)).size; } catch { return undefined; } };
  const out = { client: size('dist/extension.js'), server: size('dist/server.js') };
  // Minified as `npm run build:prod` would make them, built into bench/.work so dist/ is untouched.
  try {
    const { createRequire } = await import('node:module');
    const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild');
    const common = { bundle: true, minify: true, sourcemap: false, logLevel: 'silent', legalComments: 'none', platform: 'node', format: 'cjs', target: 'node18', absWorkingDir: ROOT };
    await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: path.join(WORK, 'prod/extension.js'), external: ['vscode'] });
    await esbuild.build({ ...common, entryPoints: ['server/src/node/main.ts'], outfile: path.join(WORK, 'prod/server.js') });
    out.clientMinified = fs.statSync(path.join(WORK, 'prod/extension.js')).size;
    out.serverMinified = fs.statSync(path.join(WORK, 'prod/server.js')).size;
  } catch (e) {
    log(`minified bundle build failed: ${e.message}`);
  }
  return out;
}
