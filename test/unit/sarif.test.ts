import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { artifactUri, sarifFormats } from '../../server/src/cli/sarif';
import { ruleMetadata } from '../../server/src/analysis/rules/index';

function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-sarif-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Only a warning: `nginx` has no tag. */
const WARN_ONLY = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: nginx
      resources: { requests: { cpu: 10m, memory: 64Mi }, limits: { memory: 64Mi } }
`;
const BROKEN = WARN_ONLY.replace('cpu: 10m', 'cpu: lots');

type Json = Record<string, unknown>;
const obj = (v: unknown, what: string): Json => {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `${what} must be an object`);
  return v as Json;
};
const arr = (v: unknown, what: string): unknown[] => {
  assert.ok(Array.isArray(v), `${what} must be an array`);
  return v;
};
const str = (v: unknown, what: string): string => {
  assert.equal(typeof v, 'string', `${what} must be a string`);
  assert.ok((v as string).length > 0, `${what} must not be empty`);
  return v as string;
};
const posInt = (v: unknown, what: string): number => {
  assert.ok(Number.isInteger(v) && (v as number) >= 1, `${what} must be an integer >= 1 (got ${String(v)})`);
  return v as number;
};
const LEVELS = ['none', 'note', 'warning', 'error'];

/** The parts of the SARIF 2.1.0 schema that code-scanning consumers require. */
function checkSarif(log: unknown): { rules: Json[]; results: Json[] } {
  const root = obj(log, 'log');
  assert.equal(root['version'], '2.1.0');
  assert.match(str(root['$schema'], '$schema'), /sarif-schema-2\.1\.0\.json$/);
  const runs = arr(root['runs'], 'runs');
  assert.equal(runs.length, 1);
  const runObj = obj(runs[0], 'run');
  const driver = obj(obj(runObj['tool'], 'tool')['driver'], 'driver');
  assert.equal(driver['name'], 'pod-lens');
  assert.match(str(driver['informationUri'], 'informationUri'), /^https:\/\//);
  const rules = arr(driver['rules'], 'rules').map((r, i) => obj(r, `rules[${i}]`));
  const ids = new Set<string>();
  for (const r of rules) {
    const id = str(r['id'], 'rule.id');
    assert.ok(!ids.has(id), `duplicate rule ${id}`);
    ids.add(id);
    str(obj(r['shortDescription'], 'shortDescription')['text'], `${id}.shortDescription.text`);
    str(obj(r['fullDescription'], 'fullDescription')['text'], `${id}.fullDescription.text`);
    assert.match(str(r['helpUri'], 'helpUri'), /^https:\/\/.*\.md$/);
    const help = obj(r['help'], 'help');
    str(help['text'], `${id}.help.text`);
    str(help['markdown'], `${id}.help.markdown`);
    assert.ok(LEVELS.includes(obj(r['defaultConfiguration'], 'defaultConfiguration')['level'] as string), `${id} level`);
  }
  const results = arr(runObj['results'], 'results').map((r, i) => obj(r, `results[${i}]`));
  for (const r of results) {
    const id = str(r['ruleId'], 'ruleId');
    assert.ok(ids.has(id), `result rule ${id} is not in driver.rules`);
    assert.equal((rules[r['ruleIndex'] as number] ?? {})['id'], id, 'ruleIndex points at the rule');
    assert.ok(LEVELS.includes(r['level'] as string));
    str(obj(r['message'], 'message')['text'], 'message.text');
    const locs = arr(r['locations'], 'locations');
    assert.ok(locs.length >= 1);
    const phys = obj(obj(locs[0], 'location')['physicalLocation'], 'physicalLocation');
    str(obj(phys['artifactLocation'], 'artifactLocation')['uri'], 'artifactLocation.uri');
    const region = obj(phys['region'], 'region');
    const sl = posInt(region['startLine'], 'startLine');
    const sc = posInt(region['startColumn'], 'startColumn');
    const el = posInt(region['endLine'], 'endLine');
    const ec = posInt(region['endColumn'], 'endColumn');
    assert.ok(el > sl || (el === sl && ec >= sc), 'region end after start');
  }
  return { rules, results };
}

describe('pod-lens check --format sarif', () => {
  it('is offered as a format', () => {
    assert.deepEqual(sarifFormats(), ['sarif']);
  });

  it('prints a valid SARIF 2.1.0 log with every rule and 1-based regions', () => {
    const file = tmpFile('pod.yaml', BROKEN);
    const r = cli(['check', '--format', 'sarif', file]);
    assert.equal(r.code, 1, r.err);
    const { rules, results } = checkSarif(JSON.parse(r.out));
    // Every code Pod Lens knows is described, with its default level.
    const byId = new Map(rules.map((x) => [x['id'] as string, x]));
    for (const m of ruleMetadata()) assert.ok(byId.has(m.code), `rule ${m.code} missing`);
    assert.equal((byId.get('invalid-quantity')!['defaultConfiguration'] as Json)['level'], 'error');
    assert.equal((byId.get('image-latest-tag')!['defaultConfiguration'] as Json)['level'], 'warning');
    assert.equal((byId.get('tcp-probe-on-http-port')!['defaultConfiguration'] as Json)['level'], 'note');
    // The rule's doc page is the help markdown when it is available.
    assert.match((byId.get('image-latest-tag')!['help'] as Json)['markdown'] as string, /^# image-latest-tag/);
    const q = results.find((x) => x['ruleId'] === 'invalid-quantity')!;
    assert.equal(q['level'], 'error');
    const region = ((q['locations'] as Json[])[0]!['physicalLocation'] as Json)['region'] as Json;
    // `lots` on line 8 (1-based), columns 36..40 (end exclusive).
    const line = BROKEN.split('\n')[7]!;
    assert.deepEqual(region, { startLine: 8, startColumn: line.indexOf('lots') + 1, endLine: 8, endColumn: line.indexOf('lots') + 5 });
    const uri = (((q['locations'] as Json[])[0]!['physicalLocation'] as Json)['artifactLocation'] as Json)['uri'];
    assert.equal(uri, artifactUri(file));
    assert.match(uri as string, /^file:\/\/\/.*pod\.yaml$/);
    const img = results.find((x) => x['ruleId'] === 'image-latest-tag')!;
    assert.equal(img['level'], 'warning');
  });

  it('keeps relative paths relative and encodes them as URIs', () => {
    assert.equal(artifactUri(path.join('deploy', 'my app.yaml')), 'deploy/my%20app.yaml');
    assert.equal(artifactUri('-'), 'stdin');
  });

  it('reads stdin and reports a clean file with no results', () => {
    const clean = WARN_ONLY.replace('image: nginx', 'image: nginx:1.27');
    const r = cli(['check', '--format', 'sarif', '-'], clean);
    assert.equal(r.code, 0, r.err);
    const { results } = checkSarif(JSON.parse(r.out));
    assert.deepEqual(results, []);
  });
});

describe('--fail-on', () => {
  it('warning-only files pass by default and fail with --fail-on warning (all formats)', () => {
    const file = tmpFile('warn.yaml', WARN_ONLY);
    assert.equal(cli(['check', file]).code, 0);
    assert.equal(cli(['check', '--fail-on', 'warning', file]).code, 1);
    assert.equal(cli(['check', '--format', 'sarif', file]).code, 0);
    const r = cli(['check', '--format', 'sarif', '--fail-on', 'warning', file]);
    assert.equal(r.code, 1);
    assert.equal(checkSarif(JSON.parse(r.out)).results.length, 1);
  });
});
