/**
 * LimitRange admission (issue 16), as plugin/pkg/admission/limitranger (k8s.io/kubernetes v1.37.2) applies it on a
 * pod create: its defaults before the pod strategy (so the QoS class and the 1.37 pod-level defaults see them), then
 * its min/max/ratio checks in the plugin's words. The LimitRanges here sit in the same file as the pods (the service
 * reads a document's own LimitRanges when the host keeps no workspace), or come from namespaceContext directly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { limitRangesOfFile, namespaceContext } from '../../../server/src/analysis/admission/namespaces';
import { createPodService } from '../../../server/src/service/index';
import { analyzeYaml, onlyPod } from '../helpers';

const limitRange = (body: string, name = 'limits', namespace?: string) =>
  `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  limits:\n${body}\n---\n`;

const pod = (containers: string, extra = '', meta = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${meta}spec:\n${extra}  containers:\n${containers}\n`;

const bare = '    - name: app\n      image: nginx:1.27';

describe('LimitRange defaults (Admit)', () => {
  it('default and defaultRequest fill what a container leaves out, and the QoS class follows (BestEffort -> Guaranteed)', () => {
    assert.equal(onlyPod(pod(bare)).qosClass, 'BestEffort');
    const lr = limitRange('    - type: Container\n      default: { cpu: 500m, memory: 512Mi }\n      defaultRequest: { cpu: 500m, memory: 512Mi }');
    const p = onlyPod(lr + pod(bare));
    assert.equal(p.qosClass, 'Guaranteed');
    assert.deepEqual(p.requests, { cpu: '500m', memory: '512Mi' });
    assert.deepEqual(p.limits, { cpu: '500m', memory: '512Mi' });
  });

  it('a LimitRange item defaults `default` from `max` and `defaultRequest` from `default` (SetDefaults_LimitRangeItem): Burstable with a request below', () => {
    const lr = limitRange('    - type: Container\n      max: { memory: 1Gi }\n      defaultRequest: { memory: 256Mi }');
    const p = onlyPod(lr + pod(bare));
    assert.deepEqual(p.requests, { memory: '256Mi' });
    assert.deepEqual(p.limits, { memory: '1Gi' });
    assert.equal(p.qosClass, 'Burstable');
  });

  it('what a container sets stays; the API server copied a limit into a missing request before admission', () => {
    const lr = limitRange('    - type: Container\n      default: { cpu: "1", memory: 1Gi }\n      defaultRequest: { cpu: 100m, memory: 128Mi }');
    const p = onlyPod(lr + pod(`${bare}\n      resources: { limits: { memory: 300Mi } }`));
    // memory: limit 300Mi written, request defaulted from it (SetDefaults); cpu: both from the LimitRange.
    assert.deepEqual(p.requests, { cpu: '100m', memory: '300Mi' });
    assert.deepEqual(p.limits, { cpu: '1', memory: '300Mi' });
  });

  it('init containers and sidecars get the defaults too, ephemeral containers do not', () => {
    const lr = limitRange('    - type: Container\n      default: { memory: 64Mi }');
    const text = lr + pod(`${bare}\n      resources: { limits: { memory: 128Mi } }`, '  initContainers:\n    - name: init\n      image: busybox:1.36\n    - name: proxy\n      image: envoy:1.31\n      restartPolicy: Always\n');
    const p = onlyPod(text);
    // requests: max(init 64Mi + sidecar 64Mi, app 128Mi + sidecar 64Mi) = 192Mi.
    assert.deepEqual(p.requests, { memory: '192Mi' });
    assert.equal(p.qosClass, 'Burstable');
  });

  it('only pods of the LimitRange\'s namespace: metadata.namespace, else the default namespace (setting)', () => {
    const lr = limitRange('    - type: Container\n      default: { memory: 64Mi }', 'limits', 'team-a');
    assert.equal(onlyPod(lr + pod(bare)).qosClass, 'BestEffort', 'the pod is in default, the LimitRange in team-a');
    assert.equal(onlyPod(lr + pod(bare, '', '  namespace: team-a\n')).qosClass, 'Burstable');
    assert.equal(onlyPod(lr + pod(bare), { defaultNamespace: 'team-a' }).qosClass, 'Burstable');
  });

  it('pod-level spec.resources with LimitRange defaults: 1.37 defaults the pod-level request from the admitted containers, 1.34 sums them; the same effective requests', () => {
    const lr = limitRange('    - type: Container\n      default: { memory: 256Mi }\n      defaultRequest: { memory: 128Mi }');
    const text = lr + pod(bare, '  resources: { limits: { cpu: "1" } }\n');
    assert.deepEqual(onlyPod(text, { kubernetesVersion: '1.37' }).requests, { cpu: '1', memory: '128Mi' });
    // 1.34: defaultPodRequests ran on the decoded pod (no container memory request yet): cpu from the pod limit only;
    // PodRequests then sums the admitted containers for memory.
    assert.deepEqual(onlyPod(text, { kubernetesVersion: '1.34' }).requests, { cpu: '1', memory: '128Mi' });
  });
});

describe('LimitRange checks (Validate): the plugin\'s own words', () => {
  const forbidden = (text: string, settings = {}) => analyzeYaml(text, settings).diagnostics.filter((d) => d.code === 'limit-range-forbidden');

  it('max: a limit above it, at the limit\'s value', () => {
    const lr = limitRange('    - type: Container\n      max: { memory: 1Gi }');
    const text = lr + pod(`${bare}\n      resources: { limits: { memory: 2Gi } }`);
    const d = forbidden(text);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.severity, 'error');
    assert.match(d[0]!.message, /^pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi \(LimitRange limits \(doc-\d+\.yaml:2\)\)$/);
    const lines = text.split('\n');
    assert.equal(lines[d[0]!.range.start.line]!.slice(d[0]!.range.start.character, d[0]!.range.end.character), '2Gi');
  });

  it('min: no request, a request below, a limit below', () => {
    const lr = limitRange('    - type: Container\n      min: { cpu: 100m }\n      defaultRequest: { cpu: 50m }\n      default: { cpu: 50m }');
    // defaultRequest below min: the LimitRange's own default gives a request of 50m.
    assert.match(forbidden(lr + pod(bare))[0]!.message, /minimum cpu usage per Container is 100m, but request is 50m/);
    const low = limitRange('    - type: Container\n      min: { cpu: 100m }');
    assert.match(forbidden(low + pod(`${bare}\n      resources: { requests: { cpu: 200m }, limits: { cpu: 50m } }`))[0]!.message, /minimum cpu usage per Container is 100m, but limit is 50m/);
  });

  it('max without a limit: "No limit is specified" (the item\'s max also became its default, so only a Pod item can say it)', () => {
    const lr = limitRange('    - type: Pod\n      max: { memory: 1Gi }');
    const d = forbidden(lr + pod(bare));
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /forbidden: maximum memory usage per Pod is 1Gi\.  No limit is specified/);
  });

  it('maxLimitRequestRatio: the ratio printed as Go\'s %f, ties to even (129/128 -> 1.007812)', () => {
    const lr = limitRange('    - type: Container\n      maxLimitRequestRatio: { memory: "1" }');
    const d = forbidden(lr + pod(`${bare}\n      resources: { requests: { memory: 128Mi }, limits: { memory: 129Mi } }`));
    assert.match(d[0]!.message, /memory max limit to request ratio per Container is 1, but provided ratio is 1\.007812/);
    assert.equal(forbidden(lr + pod(`${bare}\n      resources: { limits: { memory: 128Mi } }`)).length, 0, 'equal request and limit: ratio 1');
  });

  it('Pod items check the sums: two containers of 600Mi against a pod max of 1Gi', () => {
    const lr = limitRange('    - type: Pod\n      max: { memory: 1Gi }');
    const two = `${bare}\n      resources: { limits: { memory: 600Mi } }\n    - name: b\n      image: nginx:1.27\n      resources: { limits: { memory: 600Mi } }`;
    assert.match(forbidden(lr + pod(two))[0]!.message, /maximum memory usage per Pod is 1Gi, but limit is 1200Mi/);
  });

  it('a workload is accepted, its pods are not: the message says so and names the LimitRange', () => {
    const lr = limitRange('    - type: Container\n      max: { memory: 1Gi }');
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          resources: { limits: { memory: 2Gi } }\n';
    const d = forbidden(lr + deployment);
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /^Every pod this Deployment creates is rejected by LimitRange limits \(doc-\d+\.yaml:2\): maximum memory usage per Container is 1Gi, but limit is 2Gi$/);
  });
});

describe('namespaceContext (what the CLI and the editor hand the service)', () => {
  it('LimitRanges of other files apply to pods of their namespace, in name order; the fingerprint changes with them', () => {
    const a = limitRangesOfFile('ns/b.yaml', limitRange('    - type: Container\n      default: { memory: 64Mi }', 'b-limits'));
    const b = limitRangesOfFile('ns/a.yaml', limitRange('    - type: Container\n      default: { memory: 32Mi, cpu: 50m }', 'a-limits'));
    const ctx = namespaceContext([...a, ...b]);
    assert.deepEqual(ctx.limitRanges(undefined).map((s) => s.range.name), ['a-limits', 'b-limits']);
    const service = createPodService({ namespaces: () => ctx });
    const doc = { uri: 'file:///w/pod.yaml', version: 1, text: pod(bare) };
    const summary = service.analysis(doc).pods[0]!;
    // a-limits first sets memory 32Mi (and cpu), b-limits finds memory set.
    assert.deepEqual(summary.limits, { cpu: '50m', memory: '32Mi' });
    const changed = namespaceContext(limitRangesOfFile('ns/b.yaml', limitRange('    - type: Container\n      default: { memory: 64Mi }', 'b-limits')));
    assert.notEqual(changed.fingerprint, ctx.fingerprint);
    const again = createPodService({ namespaces: () => changed }).analysis(doc).pods[0]!;
    assert.deepEqual(again.limits, { memory: '64Mi' });
  });
});
