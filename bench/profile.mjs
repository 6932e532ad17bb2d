#!/usr/bin/env node
// CPU profile of dist/server.js on one workload: `node bench/profile.mjs [--lines 50000] [--phase open|edit|requests|all]`.
// Starts the server with `node --cpu-prof`, drives the chosen phase, and prints the functions with the
// most self time (and their share) from the .cpuprofile written to bench/.work/prof/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from './lib/lsp.mjs';
import { generateWorkload } from './lib/workload.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROF = path.join(ROOT, 'bench/.work/prof');
const { values: a } = parseArgs({ options: { lines: { type: 'string', default: '50000' }, phase: { type: 'string', default: 'all' }, top: { type: 'string', default: '25' }, seed: { type: 'string', default: '42' } } });
fs.rmSync(PROF, { recursive: true, force: true });
fs.mkdirSync(PROF, { recursive: true });

const w = generateWorkload(Number(a.lines), Number(a.seed));
const lines = w.text.split('\n');
const mid = lines.findIndex((l, i) => i > lines.length / 2 && /^\s*- name: [\w-]+$/.test(l));
const c = new Client(['--cpu-prof', `--cpu-prof-dir=${PROF}`, path.join(ROOT, 'dist/server.js'), '--stdio'], (s) => (s === 'podLens' ? {} : null));
await c.initialize();
const uri = 'file:///bench/profile.yaml';
const phase = a.phase;
// the warm-up open is part of every phase: profiles of edits/requests then show steady-state work
let wait = c.nextDiagnostics(uri, 1);
await c.open(uri, w.text);
await wait;
if (phase === 'open' || phase === 'all') {
  for (let i = 0; i < 3; i++) {
    const u = `file:///bench/profile-open-${i}.yaml`;
    wait = c.nextDiagnostics(u, 1);
    await c.open(u, w.text);
    await wait;
    await c.close(u);
  }
}
if (phase === 'edit' || phase === 'all') {
  for (let i = 0; i < 40; i++) {
    const at = { line: mid, character: lines[mid].length };
    const version = c.versions.get(uri) + 1;
    wait = c.nextDiagnostics(uri, version);
    await c.change(uri, i % 2 === 0 ? { start: at, end: at } : { start: at, end: { line: mid, character: at.character + 1 } }, i % 2 === 0 ? 'x' : '');
    await wait;
  }
}
if (phase === 'requests' || phase === 'all') {
  for (let i = 0; i < 200; i++) {
    const line = Math.floor((i * 7919) % lines.length);
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line, character: (lines[line].length - lines[line].trimStart().length) + 1 } });
    if (i % 10 === 0) {
      await c.request('textDocument/codeLens', { textDocument: { uri } });
      await c.request('podLens/analysis', { textDocument: { uri } });
    }
  }
}
// exit on its own (not killed), so that node writes the profile
const exited = new Promise((r) => c.proc.once('exit', r));
await c.request('shutdown');
await c.notify('exit');
await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
await c.shutdown();

const file = fs.readdirSync(PROF).find((f) => f.endsWith('.cpuprofile'));
if (!file) { console.error('no profile written'); process.exit(1); }
const prof = JSON.parse(fs.readFileSync(path.join(PROF, file), 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) {
  const n = byId.get(prof.samples[i]);
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((s, v) => s + v, 0);
const idle = [...self.entries()].filter(([k]) => k.startsWith('(idle)') || k.startsWith('(program)')).reduce((s, [, v]) => s + v, 0);
console.log(`profile ${file}: ${(total / 1000).toFixed(0)} ms sampled, ${((total - idle) / 1000).toFixed(0)} ms busy (phase ${phase}, ${w.lines} lines)`);
for (const [k, v] of [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, Number(a.top))) {
  console.log(`${(v / 1000).toFixed(1).padStart(8)} ms ${((100 * v) / (total - idle || 1)).toFixed(1).padStart(5)}%  ${k}`);
}
