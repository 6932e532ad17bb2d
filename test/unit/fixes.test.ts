import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/model/lineIndex';
import type { PodCodeAction } from '../../server/src/service/codeActions';
import type { PodDiagnostic } from '../../server/src/service/diagnostics';
import { applyEdits } from '../../server/src/analysis/fixes/index';
import { insertEntry, removeEntry } from '../../server/src/analysis/fixes/text';
import { parseFile } from '../../server/src/model/parse';
import type { YMap, YSeq } from '../../server/src/model/tree';
import { analyzeYaml } from './helpers';

/** The code actions the service offers for every diagnostic with this code. */
function actionsFor(text: string, code: string, version?: string): { actions: PodCodeAction<PodDiagnostic>[]; diagnostics: PodDiagnostic[] } {
  const settings = version ? { kubernetesVersion: version } : {};
  const r = analyzeYaml(text, settings);
  const diagnostics = r.diagnostics.filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
  const range = diagnostics[0]!.range;
  return { actions: r.service.codeActions(r.doc, settings, range, diagnostics), diagnostics };
}

function apply(text: string, action: PodCodeAction): string {
  const lines = new LineIndex(text);
  const edits = Object.values(action.edit.changes).flat().map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }));
  return applyEdits(text, edits);
}

function fixed(text: string, code: string, title: RegExp, version?: string): string {
  const { actions } = actionsFor(text, code, version);
  const a = actions.find((x) => title.test(x.title));
  assert.ok(a, `no action ${title} in ${JSON.stringify(actions.map((x) => x.title))}`);
  return apply(text, a);
}

const codesOf = (text: string) => analyzeYaml(text).diagnostics.map((d) => d.code);

describe('quick fixes', () => {
  const INIT_PROBE = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: proxy
      image: envoy:1.30
      livenessProbe:
        tcpSocket: { port: 9901 }
      resources: { limits: { cpu: 100m, memory: 64Mi } }
  containers:
    - name: app
      image: app:1
      resources: { limits: { cpu: 100m, memory: 64Mi } }
`;

  it('init-container-forbidden-field: removes the probe', () => {
    const out = fixed(INIT_PROBE, 'init-container-forbidden-field', /^Remove livenessProbe/);
    assert.equal(out, INIT_PROBE.replace('      livenessProbe:\n        tcpSocket: { port: 9901 }\n', ''));
    assert.ok(!codesOf(out).includes('init-container-forbidden-field'));
  });

  it('init-container-forbidden-field: makes the init container a sidecar (not before 1.29)', () => {
    const out = fixed(INIT_PROBE, 'init-container-forbidden-field', /sidecar/);
    assert.equal(out, INIT_PROBE.replace('      image: envoy:1.30\n', '      image: envoy:1.30\n      restartPolicy: Always\n'));
    assert.ok(!codesOf(out).some((c) => c.startsWith('init-container')));
    const old = actionsFor(INIT_PROBE, 'init-container-forbidden-field', '1.28').actions.map((a) => a.title);
    assert.ok(!old.some((t) => /sidecar/.test(t)), JSON.stringify(old));
  });

  it('legacy-sidecar-in-job: moves the helper to a new initContainers list as a sidecar', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: report:2.0.1
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
          args: ["--port=5432"]
`;
    const out = fixed(job, 'legacy-sidecar-in-job', /initContainers/);
    assert.equal(out, `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
          restartPolicy: Always
          args: ["--port=5432"]
      containers:
        - name: report
          image: report:2.0.1
`);
    const roles = analyzeYaml(out).result.pods[0]!.containers.map((c) => `${c.name}:${c.role}`);
    assert.deepEqual(roles, ['cloud-sql-proxy:sidecar', 'report:app']);
  });

  it('legacy-sidecar-in-job: puts the helper first in an existing initContainers list, re-indented', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: migrate
        image: migrate:1
      containers:
        - name: istio-proxy
          image: istio/proxyv2:1.22.0
          env:
            - { name: A, value: "1" }
        - name: work
          image: work:1
`;
    const out = fixed(job, 'legacy-sidecar-in-job', /initContainers/);
    assert.equal(out, `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: istio-proxy
        image: istio/proxyv2:1.22.0
        restartPolicy: Always
        env:
          - { name: A, value: "1" }
      - name: migrate
        image: migrate:1
      containers:
        - name: work
          image: work:1
`);
  });

  it('probe-success-threshold: sets 1', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      livenessProbe:\n        httpGet: { path: /, port: 80 }\n        successThreshold: 3\n`;
    assert.equal(fixed(text, 'probe-success-threshold', /successThreshold/), text.replace('successThreshold: 3', 'successThreshold: 1'));
  });

  it('request-exceeds-limit: the request to its limit, or every request to its limit', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      resources:\n        requests: { cpu: "2", memory: 64Mi }\n        limits: { cpu: 500m, memory: 128Mi }\n`;
    assert.equal(fixed(text, 'request-exceeds-limit', /^Set the cpu request/), text.replace('cpu: "2"', 'cpu: 500m'));
    const all = fixed(text, 'request-exceeds-limit', /Guaranteed/);
    assert.equal(all, text.replace('cpu: "2", memory: 64Mi', 'cpu: 500m, memory: 128Mi'));
    assert.equal(analyzeYaml(all).result.pods[0]!.qosClass, 'Guaranteed');
  });

  it('workload-restart-policy: Always for a Deployment, OnFailure (inserted) for a Job', () => {
    const dep = `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: a, image: a:1 }\n`;
    assert.equal(fixed(dep, 'workload-restart-policy', /Always/), dep.replace('restartPolicy: Never', 'restartPolicy: Always'));
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      containers:\n        - { name: a, image: a:1 }\n`;
    const { actions } = actionsFor(job, 'workload-restart-policy');
    assert.equal(actions[0]!.title, 'Set restartPolicy to OnFailure');
    assert.equal(actions[0]!.isPreferred, true);
    const out = apply(job, actions[0]!);
    assert.equal(out, job.replace('    spec:\n      containers:', '    spec:\n      restartPolicy: OnFailure\n      containers:'));
    assert.ok(!codesOf(out).includes('workload-restart-policy'));
  });

  it('liveness-probe-before-startup: adds a startupProbe sized from the liveness probe (block)', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      livenessProbe:\n        initialDelaySeconds: 2\n        httpGet:\n          path: /healthz\n          port: 8080\n        periodSeconds: 5\n      resources: { limits: { memory: 64Mi } }\n`;
    const out = fixed(text, 'liveness-probe-before-startup', /startupProbe/);
    assert.equal(out, text.replace('        periodSeconds: 5\n', '        periodSeconds: 5\n      startupProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n        periodSeconds: 5\n        failureThreshold: 60\n'));
    assert.ok(!codesOf(out).includes('liveness-probe-before-startup'));
  });

  it('liveness-probe-before-startup: flow style container', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: a, image: a:1, livenessProbe: { exec: { command: [check] }, periodSeconds: 3 }, resources: { limits: { memory: 64Mi } } }\n`;
    const out = fixed(text, 'liveness-probe-before-startup', /startupProbe/);
    assert.equal(out, text.replace('periodSeconds: 3 }', 'periodSeconds: 3 }, startupProbe: { exec: { command: [check] }, periodSeconds: 3, failureThreshold: 100 }'));
    assert.ok(!codesOf(out).includes('liveness-probe-before-startup'));
  });

  it('every diagnostic can be suppressed for its line, keeping indentation', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: nginx\n      resources: { requests: { cpu: 1m, memory: 1Mi }, limits: { memory: 1Mi } }\n`;
    const out = fixed(text, 'image-latest-tag', /^Disable image-latest-tag/);
    assert.equal(out, text.replace('      image: nginx', '      # pod-lens-disable-next-line image-latest-tag\n      image: nginx'));
    assert.deepEqual(codesOf(out), []);
  });

  it('ignores diagnostics it does not know (other sources, stale ranges)', () => {
    const r = analyzeYaml(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: a, image: a:1 }\n`);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepEqual(r.service.codeActions(r.doc, {}, range, [{ code: 'x', source: 'other', range }, { code: 'image-latest-tag', source: 'pod-lens', range }]), []);
  });
});

describe('YAML edit primitives', () => {
  // Built through the real parser so spans are what the fixes see.
  const root = (text: string) => parseFile(text).documents[0]!.root as YMap;
  const item = (text: string) => (root(text).entries[0]!.value as YSeq).items[0] as YMap;

  it('removes the first key of a sequence item by sliding the next key onto the dash', () => {
    const text = 'c:\n  - livenessProbe:\n      exec: { command: [a] }\n    name: x\n';
    const m = item(text);
    assert.equal(applyEdits(text, [removeEntry(text, m, m.entries[0]!)!]), 'c:\n  - name: x\n');
  });

  it('inserts into block maps at the siblings\' column, and into flow maps (empty too)', () => {
    const text = 'c:\n  - name: x\n    image: y\n';
    const m = item(text);
    assert.equal(applyEdits(text, [insertEntry(text, m, 'restartPolicy', 'Always', { after: m.entries[0] })!]), 'c:\n  - name: x\n    restartPolicy: Always\n    image: y\n');
    const flow = 'a: { b: 1 }\ne: {}\n';
    const r = root(flow);
    assert.equal(applyEdits(flow, [insertEntry(flow, r.entries[0]!.value as YMap, 'c', '2')!]), 'a: { b: 1, c: 2 }\ne: {}\n');
    assert.equal(applyEdits(flow, [insertEntry(flow, r.entries[1]!.value as YMap, 'c', '2')!]), 'a: { b: 1 }\ne: { c: 2 }\n');
  });

  it('keeps CRLF line endings in a quick fix', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers:\n    - name: i\n      image: i:1\n      startupProbe:\n        exec: { command: [a] }\n  containers:\n    - { name: a, image: a:1 }\n`.replace(/\n/g, '\r\n');
    const out = fixed(text, 'init-container-forbidden-field', /sidecar/);
    assert.equal(out, text.replace('      image: i:1\r\n', '      image: i:1\r\n      restartPolicy: Always\r\n'));
  });
});

describe('restartPolicy fixes for Jobs', () => {
  it('prefers OnFailure, but Never when fixing a typo of Never', () => {
    const job = (rp: string) => `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      restartPolicy: ${rp}\n      containers:\n        - { name: a, image: a:1 }\n`;
    assert.equal(actionsFor(job('Always'), 'workload-restart-policy').actions[0]!.title, 'Set restartPolicy to OnFailure');
    const typo = actionsFor(job('never'), 'invalid-restart-policy').actions;
    assert.equal(typo[0]!.title, 'Set restartPolicy to Never');
    assert.equal(apply(job('never'), typo[0]!), job('Never'));
  });
});

describe('restartPolicy and init container fixes found by the corpus', () => {
  it('a Job with a podFailurePolicy is only offered Never', () => {
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  podFailurePolicy:\n    rules: [{ action: FailJob, onExitCodes: { operator: In, values: [42] } }]\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - { name: a, image: a:1 }\n`;
    const { actions } = actionsFor(job, 'workload-restart-policy');
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Set restartPolicy')).map((a) => a.title), ['Set restartPolicy to Never']);
    const out = apply(job, actions[0]!);
    assert.equal(out, job.replace('restartPolicy: OnFailure', 'restartPolicy: Never'));
    assert.ok(!codesOf(out).includes('workload-restart-policy'));
  });
  // `Never` on an init container is rejected only before 1.34 (validateInitContainerRestartPolicy without
  // AllowContainerRestartPolicyRules); 1.35+ accepts it, so this test targets 1.33 (it used the default, 1.37).
  it('init-container-restart-policy: removes the field, or makes the container a sidecar', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n      restartPolicy: Never\n  containers:\n    - { name: a, image: a:1 }\n`;
    const removed = fixed(text, 'init-container-restart-policy', /^Remove restartPolicy/, '1.33');
    assert.equal(removed, text.replace('      restartPolicy: Never\n', ''));
    const sidecar = fixed(text, 'init-container-restart-policy', /sidecar/, '1.33');
    assert.equal(sidecar, text.replace('restartPolicy: Never', 'restartPolicy: Always'));
    for (const out of [removed, sidecar]) assert.ok(!analyzeYaml(out).diagnostics.some((d) => d.severity === 'error'));
  });
});
