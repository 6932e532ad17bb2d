/**
 * Mapping accuracy on realistic charts (issue 15): the share of findings on the exact line a person would
 * edit. The charts (test/fixtures/helm-realistic/) use the shapes public charts use: a `common` library
 * subchart, `global` values, `tpl` of values strings, `merge`/`mergeOverwrite`/`dict`, image helpers with
 * `default .Chart.AppVersion`, `omit`-ed probes, `range` over values, a StatefulSet, a Job hook and a
 * CronJob, a packaged (.tgz) dependency, a `range` over a map of workers around whole documents with
 * `mergeOverwrite` defaults and an env map, `index .Values "key-with-dashes"`, `template`, `tpl` of a values
 * block, and a production `-f` file with `--set`. The tables say, by hand, where a person would edit for
 * each seeded mistake.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRendered } from '../../../server/src/cli/renderCheck';
import { createPodService } from '../../../server/src/service/index';
import { FIXTURES, ROOT, findingsOf, tools } from './tools';

process.chdir(ROOT);

const DIR = path.join(FIXTURES, 'helm-realistic');

/** [file, text on the line, the line is the first with the text after this one (or undefined), code]. */
type Expected = readonly [string, string, string | undefined, string];

const EXPECTED: Record<string, readonly Expected[]> = {
  shop: [
    ['values.yaml', 'livenessProbe:', undefined, 'identical-liveness-readiness'],
    ['values.yaml', 'name: SHOP_LOCALE=de', undefined, 'invalid-env-name'],
    ['values.yaml', 'image: busybox:latest', undefined, 'image-latest-tag'],
    ['values.yaml', 'resources:', 'name: metrics', 'missing-memory-limit'],
  ],
  ledger: [
    ['values.yaml', 'memory: 2Gi', 'primary:', 'request-exceeds-limit'],
    ['values.yaml', 'tag: latest', 'metrics:', 'image-latest-tag'],
    ['values.yaml', 'resources:', 'metrics:', 'missing-memory-limit'],
    ['templates/statefulset.yaml', '- name: metrics', undefined, 'missing-readiness-probe'],
    ['values.yaml', 'memory: 256Mi', 'migrate:', 'request-exceeds-limit'],
    ['values.yaml', 'tag: ""', 'backup:', 'image-latest-tag'],
    ['templates/backup-cronjob.yaml', 'resources:', undefined, 'missing-memory-limit'],
  ],
  storefront: [
    ['values.yaml', 'image:', 'keyvalue:', 'image-latest-tag'],
    ['values.yaml', 'memory: 512Mi', 'keyvalue:', 'request-exceeds-limit'],
    ['Chart.yaml', '- name: keyvalue', undefined, 'missing-readiness-probe'],
  ],
  jobs: [
    ['values.yaml', 'JAVA_OPTS=-Xmx200m', undefined, 'invalid-env-name'],
    ['values.yaml', 'memory: 1Gi', 'thumbnailer:', 'request-exceeds-limit'],
    ['values.yaml', 'tag: latest', 'indexer:', 'image-latest-tag'],
  ],
  agent: [
    ['templates/daemonset.yaml', 'seconds: 30', undefined, 'invalid-sleep-action'],
    ['values.yaml', 'port: "{{ .Values.metricsPort }}"', undefined, 'invalid-handler-port'],
    ['values.yaml', 'successThreshold: 2', undefined, 'probe-success-threshold'],
    ['values.yaml', 'resources:', 'log-shipper:', 'missing-memory-limit'],
    ['values.yaml', 'image: acme/log-shipper:latest', undefined, 'image-latest-tag'],
  ],
  api: [
    ['templates/deployment.yaml', 'image: "{{ .Values.image.repository', undefined, 'image-latest-tag'],
    ['values-production.yaml', 'memory: 768Mi', undefined, 'request-exceeds-limit'],
    ['values-production.yaml', 'image: acme/api-migrate', undefined, 'image-latest-tag'],
  ],
  reports: [
    ['values.yaml', 'activeDeadlineSeconds: -300', undefined, 'invalid-active-deadline-seconds'],
    ['values.yaml', 'memory: 2Gi', 'monthly-audit', 'request-exceeds-limit'],
  ],
  gateway: [
    ['values.yaml', 'memory: 512Mi', 'gateway:', 'request-exceeds-limit'],
    ['values.yaml', 'probe:', 'defaults:', 'liveness-probe-before-startup'],
    ['templates/deployment.yaml', 'livenessProbe:', undefined, 'identical-liveness-readiness'],
    ['values.yaml', 'admin:latest', undefined, 'image-latest-tag'],
  ],
};

/** How a chart is rendered when not with its own values alone: `-f` files (chart-relative) and `--set`. */
const OPTIONS: Record<string, { readonly valuesFiles?: readonly string[]; readonly set?: readonly string[] }> = {
  api: { valuesFiles: ['values-production.yaml'], set: ['image.tag=latest'] },
};

function lineOf(chartDir: string, file: string, text: string, after?: string): number {
  const lines = fs.readFileSync(path.join(chartDir, file), 'utf8').split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  assert.ok(from >= 0, `${file} has "${after}"`);
  const i = lines.findIndex((l, n) => n >= from && l.includes(text));
  assert.ok(i >= 0, `${file} has "${text}"`);
  return i + 1;
}

/** Findings on the expected line, and the total: every expected finding plus every finding not expected. */
function score(got: readonly [string, number, string][], expected: readonly [string, number, string][]): { hits: number; total: number } {
  const left = got.map((g) => g.join('|'));
  let hits = 0;
  for (const e of expected) {
    const i = left.indexOf(e.join('|'));
    if (i >= 0) { hits++; left.splice(i, 1); }
  }
  return { hits, total: expected.length + left.length };
}

describe('mapping accuracy on realistic charts', () => {
  it('at least 95% of the findings land on the line a person would edit', async () => {
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const [chart, table] of Object.entries(EXPECTED)) {
      const dir = path.join(DIR, chart);
      const options = OPTIONS[chart] ?? {};
      const valuesFiles = (options.valuesFiles ?? []).map((f) => path.join(dir, f));
      const result = await checkRendered({ kind: 'helm', dir, valuesFiles, set: [...(options.set ?? [])], release: 'demo', namespace: undefined, toolPath: tools().helm }, createPodService(), {});
      assert.ok('files' in result, 'error' in result ? result.error : '');
      const got = findingsOf(result.files, dir);
      const expected = table.map(([file, text, after, code]) => [file, lineOf(dir, file, text, after), code] as [string, number, string]);
      const s = score(got, expected);
      hits += s.hits;
      total += s.total;
      console.log(`${chart}: ${s.hits}/${s.total} on the line to edit`);
      if (s.hits < s.total) misses.push(`${chart}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
    console.log(`all charts: ${hits}/${total} = ${(100 * hits / total).toFixed(1)}%`);
    assert.ok(total >= 30, 'the set has findings to score');
    assert.ok(hits / total >= 0.95, misses.join('\n'));
  });
});

describe('a values key several objects use', () => {
  it('gives one diagnostic on the key, naming every rendered object that uses it', async () => {
    const dir = path.join(DIR, 'jobs');
    const result = await checkRendered({ kind: 'helm', dir, valuesFiles: [path.join(DIR, 'jobs-small-limits.yaml')], set: [], release: 'demo', namespace: undefined, toolPath: tools().helm }, createPodService(), {});
    assert.ok('files' in result, 'error' in result ? result.error : '');
    const values = result.files.find((f) => f.file === path.join(dir, 'values.yaml'))!;
    const shared = values.diagnostics.filter((d) => d.code === 'request-exceeds-limit' && d.range.start.line + 1 === lineOf(dir, 'values.yaml', 'memory: 128Mi'));
    assert.equal(shared.length, 1, JSON.stringify(values.diagnostics.map((d) => [d.code, d.range.start.line + 1])));
    assert.match(shared[0]!.message, /Deployment demo-indexer from templates\/workers\.yaml/);
    assert.match(shared[0]!.message, /Deployment demo-mailer from templates\/workers\.yaml/);
    assert.doesNotMatch(shared[0]!.message, /demo-thumbnailer/);
    // The thumbnailer's own request is its own key's finding.
    const own = values.diagnostics.filter((d) => d.code === 'request-exceeds-limit' && d.range.start.line + 1 === lineOf(dir, 'values.yaml', 'memory: 1Gi', 'thumbnailer:'));
    assert.equal(own.length, 1);
    assert.match(own[0]!.message, /demo-thumbnailer/);
  });
});
