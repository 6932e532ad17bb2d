import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';
import { formatSeconds, layoutTimeline, tickStep } from '../../../server/src/lifecycleView/layout';
import type { LifecycleTimeline } from '../../../server/src/protocol/lifecycle';

const EVIL = '<img src=x onerror=alert(1)>';
const YAML = `apiVersion: apps/v1
kind: Deployment
metadata: { name: "web&<b>" }
spec:
  template:
    spec:
      initContainers:
        - name: proxy
          image: envoy:1
          restartPolicy: Always
      containers:
        - name: "${EVIL}"
          image: x:1
          readinessProbe: { httpGet: { port: 1 }, initialDelaySeconds: 5 }
        - name: b
          image: x:1
`;

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-sim-'));
  const file = path.join(dir, 'web.yaml');
  fs.writeFileSync(file, YAML);
  const code = run([...args, file], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pod-lens simulate', () => {
  it('--format json follows the documented contract', () => {
    const r = cli(['simulate', '--format', 'json', '--assume', 'imagePullSeconds=0', '--assume', 'appStartSeconds.b=4']);
    assert.equal(r.code, 0, r.err);
    const t = JSON.parse(r.out) as LifecycleTimeline;
    assert.equal(typeof t.readyAt, 'number');
    assert.deepEqual(t.containers.map((c) => [c.name, c.role]), [['proxy', 'sidecar'], [EVIL, 'app'], ['b', 'app']]);
    for (const c of t.containers) {
      for (const k of ['startedAt', 'readyAt', 'finishedAt'] as const) assert.ok(c[k] === null || typeof c[k] === 'number', k);
      assert.equal(typeof c.restarts, 'number');
      assert.ok(c.range.start.line > 0);
    }
    assert.ok(t.events.length > 5);
    assert.equal(t.assumptions.imagePullSeconds, 0);
    assert.deepEqual(t.assumptions.appStartSecondsByContainer, { b: 4 });
    assert.equal(t.restartPolicy, 'Always');
  });

  it('--format svg and html escape YAML-derived text and reference nothing external', () => {
    for (const format of ['svg', 'html']) {
      const r = cli(['simulate', '--format', format, '--scenario', 'delete@40']);
      assert.equal(r.code, 0, r.err);
      assert.ok(!r.out.includes('<img'), `${format} contains a raw <img`);
      assert.ok(!r.out.includes('<b>'));
      assert.ok(r.out.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(!/\b(href|src)\s*=\s*["']?(https?:|\/\/|data:)/i.test(r.out.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '')));
      assert.ok(!/<script/i.test(r.out));
    }
  });

  it('rejects bad scenarios, assumptions and pod indexes with exit code 2', () => {
    assert.equal(cli(['simulate', '--scenario', 'explode@3']).code, 2);
    assert.equal(cli(['simulate', '--assume', 'warpSpeed=1']).code, 2);
    assert.equal(cli(['simulate', '--assume', 'imagePullSeconds=soon']).code, 2);
    assert.equal(cli(['simulate', '--pod', '3']).code, 2);
    assert.equal(cli(['simulate', '--format', 'pdf']).code, 2);
  });
});

describe('lifecycle layout', () => {
  it('places bars and ticks on a nice scale within the plot area', () => {
    const r = cli(['simulate', '--format', 'json']);
    const t = JSON.parse(r.out) as LifecycleTimeline;
    const L = layoutTimeline(t, { width: 800, labelWidth: 150, padding: 10 });
    assert.equal(L.lanes.length, 3);
    assert.equal(L.plotX, 160);
    for (const lane of L.lanes) for (const b of lane.bars) assert.ok(b.x >= L.plotX - 1e-9 && b.x + b.w <= L.plotX + L.plotWidth + 1e-9);
    assert.equal(L.axis.ticks[0]!.label, '0s');
    const step = L.axis.ticks[1]!.t - L.axis.ticks[0]!.t;
    assert.equal(step, tickStep(t.horizon, L.plotWidth, 70));
    assert.ok(L.axis.ticks.length >= 2 && L.axis.ticks.length <= Math.floor(L.plotWidth / 70) + 1);
    assert.ok(L.readyX !== null && L.readyX > L.plotX);
    assert.equal(formatSeconds(90), '1m30s');
    assert.equal(formatSeconds(3600), '1h');
    assert.equal(tickStep(600, 640, 70), 120);
  });
});
