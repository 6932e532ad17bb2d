/**
 * What a user sees, captured from the built bundles (dist/cli.js and dist/server.js) so that a
 * refactor can prove it changed nothing: the CLI's text, JSON and SARIF output and `simulate`
 * timelines, and the server's diagnostics, hovers, code lenses, quick fixes and custom requests,
 * in English and Simplified Chinese, for every example and fixture file and the rule corpus.
 *
 * `npm run golden:update` writes test/golden/snapshots/; golden.test.ts compares against them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REJECTED, VALID, VERSIONED } from '../unit/rules/corpusCases';
import { WEB } from '../unit/hover/fixtures';
import { LspClient } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

export interface GoldenInput {
  readonly name: string;
  readonly text: string;
  readonly version?: string;
}

/** Every example and fixture file, the hover fixture and the whole rule corpus. */
export function goldenInputs(): GoldenInput[] {
  const files = ['examples/web.yaml', 'test/e2e/workspace/pod.yaml', 'test/e2e/workspace/workload.yaml'];
  const inputs: GoldenInput[] = files.map((f) => ({ name: f, text: fs.readFileSync(path.join(ROOT, f), 'utf8') }));
  inputs.push({ name: 'hover-web', text: WEB });
  REJECTED.forEach((c, i) => inputs.push({ name: `rejected-${String(i).padStart(3, '0')}`, text: c.text, version: c.version }));
  VALID.forEach((c, i) => inputs.push({ name: `valid-${String(i).padStart(3, '0')}`, text: c.text, version: c.version }));
  VERSIONED.forEach((c, i) => inputs.push({ name: `versioned-${String(i).padStart(3, '0')}`, text: c.text, version: c.version }));
  return inputs;
}

function runCli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The CLI: one run per version, locale and format over a folder of all inputs of that version. */
export function captureCli(locale: Locale): Record<string, unknown> {
  const inputs = goldenInputs();
  const byVersion = new Map<string, GoldenInput[]>();
  for (const input of inputs) {
    const v = input.version ?? 'default';
    byVersion.set(v, [...(byVersion.get(v) ?? []), input]);
  }
  const result: Record<string, unknown> = {};
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-golden-'));
  try {
    for (const [version, group] of [...byVersion].sort(([a], [b]) => a.localeCompare(b))) {
      const dir = path.join(tmp, version);
      for (const input of group) {
        const file = path.join(dir, `${input.name.replace(/[/]/g, '__')}.yaml`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, input.text);
      }
      const versionArgs = version === 'default' ? [] : ['--kubernetes-version', version];
      for (const format of ['text', 'json', 'sarif']) {
        const r = runCli(['check', '--format', format, '--locale', locale, ...versionArgs, version], tmp);
        result[`check ${version} ${format}`] = { code: r.code, out: format === 'text' ? r.out.split('\n') : JSON.parse(r.out), err: r.err };
      }
    }
    for (const input of inputs.filter((i) => !i.name.startsWith('rejected') && !i.name.startsWith('valid') && !i.name.startsWith('versioned'))) {
      const file = path.join(tmp, `${input.name.replace(/[/]/g, '__')}.yaml`);
      fs.writeFileSync(file, input.text);
      const pods = (JSON.parse(runCli(['check', '--format', 'json', file], tmp).out) as { files: { pods: { containers?: unknown }[] }[] }).files[0]!.pods.length;
      for (let pod = 0; pod < pods; pod++) {
        for (const scenario of scenariosFor(input.text)) {
          for (const format of scenario === 'happy' ? ['json', 'svg', 'html'] : ['json']) {
            const r = runCli(['simulate', '--format', format, '--locale', locale, '--pod', String(pod), '--scenario', scenario, path.basename(file)], tmp);
            result[`simulate ${input.name} pod ${pod} ${scenario} ${format}`] = { code: r.code, out: format === 'json' && r.code === 0 ? JSON.parse(r.out) : r.out.split('\n'), err: r.err };
          }
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return result;
}

/** Pod-level scenarios plus a container exit and probe failure for each container name in the file. */
function scenariosFor(text: string): string[] {
  const names = [...new Set([...text.matchAll(/^\s*-\s+name:\s*([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!))];
  const scenarios = ['happy', 'delete@90', 'unreachable@60', 'memory-pressure@60'];
  for (const name of names.slice(0, 2)) scenarios.push(`exit:${name}:1@30`, `exit:${name}:0@20`, `probe:${name}:liveness@60`, `probe:${name}:readiness@40`);
  return scenarios;
}

/** Positions worth hovering on a line: its first character, and the start of a `key: value`'s value. */
function hoverPositions(text: string): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  text.split('\n').forEach((lineText, line) => {
    const first = lineText.search(/\S/);
    if (first < 0 || lineText[first] === '#') return;
    const key = /^(\s*(?:-\s+)?)([A-Za-z0-9_.-]+)(:\s*)(\S?)/.exec(lineText);
    if (key) {
      positions.push({ line, character: key[1]!.length });
      if (key[4]) positions.push({ line, character: key[1]!.length + key[2]!.length + key[3]!.length });
    } else {
      positions.push({ line, character: first });
    }
  });
  return positions;
}

/** The server over stdio, as an editor drives it. */
export async function captureServer(locale: Locale): Promise<Record<string, unknown>> {
  const client = new LspClient({ locale, settings: {} });
  const result: Record<string, unknown> = {};
  try {
    await client.initialize();
    for (const input of goldenInputs().filter((i) => i.version === undefined)) {
      const uri = `file:///golden/${input.name}.yaml`;
      const waiting = client.waitForDiagnostics(uri, 1);
      await client.open(uri, input.text);
      const diagnostics = await waiting;
      const hovers: unknown[] = [];
      for (const position of hoverPositions(input.text)) {
        const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position });
        if (hover) hovers.push({ position, hover });
      }
      const lenses = await client.request<{ range: unknown; data?: unknown }[]>('textDocument/codeLens', { textDocument: { uri } });
      const resolved: unknown[] = [];
      for (const lens of lenses ?? []) resolved.push(await client.request('codeLens/resolve', lens));
      const actions: unknown[] = [];
      for (const diagnostic of diagnostics) {
        actions.push(await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
      }
      const analysis = await client.request('podLens/analysis', { textDocument: { uri } });
      const pods = (analysis as { pods?: unknown[] } | null)?.pods?.length ?? 0;
      const lifecycles: unknown[] = [];
      for (let pod = 0; pod < pods; pod++) lifecycles.push(await client.request('podLens/lifecycle', { textDocument: { uri }, pod }));
      result[input.name] = { diagnostics, hovers, lenses: resolved, actions, analysis, lifecycles };
      await client.close(uri);
    }
  } finally {
    await client.shutdown();
  }
  return result;
}

export const SNAPSHOT_DIR = path.join(ROOT, 'test/golden/snapshots');

export function snapshotPath(kind: 'cli' | 'server', locale: Locale): string {
  return path.join(SNAPSHOT_DIR, `${kind}.${locale}.json`);
}

export async function captureAll(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const locale of LOCALES) {
    out.set(snapshotPath('cli', locale), JSON.stringify(captureCli(locale), null, 1) + '\n');
    out.set(snapshotPath('server', locale), JSON.stringify(await captureServer(locale), null, 1) + '\n');
  }
  return out;
}

if (require.main === module) {
  void captureAll().then((files) => {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    for (const [file, text] of files) fs.writeFileSync(file, text);
    process.stdout.write(`wrote ${files.size} snapshots to ${path.relative(ROOT, SNAPSHOT_DIR)}\n`);
  });
}
