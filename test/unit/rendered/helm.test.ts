/**
 * Helm charts rendered by the real helm (issue 15): each finding lands on the line a person would edit.
 * The tables below are written by hand from the fixtures (test/fixtures/helm/), not from the output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRendered } from '../../../server/src/cli/renderCheck';
import type { RenderOptions } from '../../../server/src/cli/args';
import { createPodService } from '../../../server/src/service/index';
import type { RenderedFileReport } from '../../../server/src/service/rendered';
import { FIXTURES, ROOT, findingsOf, tools } from './tools';

process.chdir(ROOT);

function helmOptions(chart: string, extra: Partial<RenderOptions> = {}): RenderOptions {
  return { kind: 'helm', dir: path.join(FIXTURES, 'helm', chart), valuesFiles: [], set: [], release: 'demo', namespace: undefined, toolPath: tools().helm, ...extra };
}

async function check(chart: string, extra: Partial<RenderOptions> = {}): Promise<RenderedFileReport[]> {
  const result = await checkRendered(helmOptions(chart, extra), createPodService(), {});
  assert.ok('files' in result, 'error' in result ? result.error : '');
  return result.files;
}

/** The line of `text` (1-based) in a fixture file, so that the tables say which line they mean. */
function lineOf(file: string, text: string, after?: string): number {
  const lines = fs.readFileSync(path.join(ROOT, FIXTURES, 'helm', file), 'utf8').split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= from && l.includes(text));
  assert.ok(i >= 0, `${file} has "${text}"`);
  return i + 1;
}

describe('helm charts, rendered and mapped back', () => {
  it('a chart as helm create makes it: values lines for toYaml blocks and an image built from two values', async () => {
    const files = await check('web');
    assert.deepEqual(findingsOf(files, path.join(FIXTURES, 'helm', 'web')), [
      ['values.yaml', lineOf('web/values.yaml', 'tag: latest'), 'image-latest-tag'],
      ['values.yaml', lineOf('web/values.yaml', 'limits:', 'resources:'), 'missing-memory-limit'],
      ['values.yaml', lineOf('web/values.yaml', 'livenessProbe:'), 'identical-liveness-readiness'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
    // `files` lists the chart's sources, named from the CHART argument.
    const names = files.map((f) => f.file);
    for (const f of ['Chart.yaml', 'values.yaml', 'templates/deployment.yaml', 'templates/_helpers.tpl']) assert.ok(names.includes(`test/fixtures/helm/web/${f}`), f);
    const pods = files.flatMap((f) => f.pods);
    assert.equal(pods.length, 1);
    assert.deepEqual(pods[0]!.renderedFrom, { file: 'test/fixtures/helm/web/templates/deployment.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 'kind: Deployment'.length } } });
    assert.equal(pods[0]!.qosClass, 'Burstable');
    assert.deepEqual(pods[0]!.requests, { cpu: '100m', memory: '128Mi' });
  });

  it('init containers and sidecars from values: toYaml of a list, range with a nested with', async () => {
    const files = await check('workers');
    assert.deepEqual(findingsOf(files, path.join(FIXTURES, 'helm', 'workers')), [
      ['values.yaml', lineOf('workers/values.yaml', 'memory: 512Mi'), 'request-exceeds-limit'],
      ['values.yaml', lineOf('workers/values.yaml', 'resources:', 'name: log-shipper'), 'missing-memory-limit'],
      ['values.yaml', lineOf('workers/values.yaml', 'image: registry.example/exporter:latest'), 'image-latest-tag'],
    ]);
  });

  it('range over containers, default, include with an argument, a literal template value and a subchart', async () => {
    const files = await check('platform');
    const envLine = lineOf('platform/templates/deployment.yaml', 'name: "REGION=eu"');
    assert.deepEqual(findingsOf(files, path.join(FIXTURES, 'helm', 'platform')), [
      ['templates/deployment.yaml', envLine, 'invalid-env-name'],
      ['templates/deployment.yaml', envLine, 'invalid-env-name'],
      ['values.yaml', lineOf('platform/values.yaml', 'memory: 512Mi'), 'request-exceeds-limit'],
      ['values.yaml', lineOf('platform/values.yaml', 'preStopSeconds: 30'), 'invalid-sleep-action'],
      ['values.yaml', lineOf('platform/values.yaml', 'memory: 2Gi'), 'request-exceeds-limit'],
    ]);
    const message = files.flatMap((f) => f.diagnostics).find((d) => d.range.start.line + 1 === lineOf('platform/values.yaml', 'memory: 2Gi'))!.message;
    assert.match(message, /in the rendered StatefulSet demo-cache from charts\/cache\/templates\/statefulset\.yaml/);
    const from = files.flatMap((f) => f.pods).map((p) => p.renderedFrom.file).sort();
    assert.deepEqual(from, ['test/fixtures/helm/platform/charts/cache/templates/statefulset.yaml', 'test/fixtures/helm/platform/templates/deployment.yaml']);
  });

  it('a -f file wins over values.yaml, and a --set value maps to the template line', async () => {
    const override = path.join(FIXTURES, 'helm', 'web-prod-values.yaml');
    const files = await check('web', { valuesFiles: [override], set: ['image.tag=latest'] });
    const got = findingsOf(files, path.join(FIXTURES, 'helm', 'web'));
    assert.deepEqual(got, [
      ['templates/deployment.yaml', lineOf('web/templates/deployment.yaml', 'image: "{{'), 'image-latest-tag'],
      [override, lineOf('web-prod-values.yaml', 'memory: 1Gi'), 'request-exceeds-limit'],
      ['values.yaml', lineOf('web/values.yaml', 'livenessProbe:'), 'identical-liveness-readiness'],
    ]);
  });

  it('a render failure is one error at the template line helm names', async () => {
    const files = await check('broken');
    assert.deepEqual(findingsOf(files, path.join(FIXTURES, 'helm', 'broken')), [['templates/pod.yaml', lineOf('broken/templates/pod.yaml', 'memory: {{'), 'render-failed']]);
    assert.match(files.flatMap((f) => f.diagnostics)[0]!.message, /nil pointer evaluating/);
  });

  it('a missing helm is one message saying how to set its path', async () => {
    const result = await checkRendered(helmOptions('web', { toolPath: path.join(ROOT, 'no-such-helm') }), createPodService(), {});
    assert.ok('error' in result);
    assert.match(result.error, /helm was not found .*podLens\.helm\.path.*--helm-path or POD_LENS_HELM/);
  });
});
