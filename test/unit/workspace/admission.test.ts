/**
 * A pod is admitted with the LimitRanges of its namespace from any indexed file (issue 16): the service's
 * workspace admission hook over a WorkspaceIndex, and `pod-lens check` over several files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace/index';
import { createPodService } from '../../../server/src/service/index';
import type { TextSnapshot } from '../../../server/src/service/index';
import { workspaceAdmissionHook } from '../../../server/src/service/workspaceAdmission';
import { run } from '../../../server/src/cli/main';

const LIMITS = (ns: string, memory = '512Mi') => `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${ns}
spec:
  limits:
    - type: Container
      default:
        memory: ${memory}
        cpu: 500m
      defaultRequest:
        memory: 256Mi
        cpu: 100m
`;

const POD = (ns?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
${ns ? `  namespace: ${ns}\n` : ''}spec:
  containers:
    - name: app
      image: nginx:1.27
`;

function workspace(files: Record<string, string>, defaultNamespace?: string) {
  const index = new WorkspaceIndex(defaultNamespace ? { defaultNamespace } : {});
  for (const [f, text] of Object.entries(files)) index.setFileText(f, text);
  const hook = workspaceAdmissionHook(index, {
    fileOf: (uri) => (uri.startsWith('file://') ? uri.slice('file://'.length) : undefined),
    display: (file) => ({ file: file.replace(/^\/ws\//, ''), uri: `file://${file}` }),
  });
  const service = createPodService({ admission: hook.admission });
  return { index, service };
}

const doc = (file: string, text: string, version = 1): TextSnapshot => ({ uri: `file://${file}`, version, text });

describe('workspace admission: LimitRanges from other files', () => {
  it('a pod gets the defaults of a LimitRange in another file of its namespace, and says where they came from', () => {
    const { service } = workspace({ '/ws/ns/limits.yaml': LIMITS('shop'), '/ws/pod.yaml': POD('shop') });
    const [pod] = service.analysis(doc('/ws/pod.yaml', POD('shop'))).pods;
    assert.equal(pod!.qosClass, 'Burstable');
    assert.deepEqual(pod!.requests, { cpu: '100m', memory: '256Mi' });
    assert.deepEqual(pod!.limits, { cpu: '500m', memory: '512Mi' });
    assert.equal(pod!.admission?.length, 1);
    const a = pod!.admission![0]!;
    assert.equal(a.name, 'defaults');
    assert.equal(a.file, 'ns/limits.yaml');
    assert.equal(a.uri, 'file:///ws/ns/limits.yaml');
    assert.deepEqual(a.range?.start, { line: 0, character: 0 });
    assert.deepEqual(a.set.find((v) => v.side === 'limits' && v.resource === 'memory'), { container: 'app', side: 'limits', resource: 'memory', quantity: '512Mi', from: 'default', line: 10 });
    const lens = service.codeLenses(doc('/ws/pod.yaml', POD('shop')))[0]!;
    assert.match(lens.title, /QoS Burstable .* with LimitRange defaults/);
    assert.match(lens.tooltip, /app: memory limit 512Mi from LimitRange defaults \(ns\/limits\.yaml:10\)/);
  });

  it('the hover on resources names the LimitRange and line of each value it set', () => {
    const text = `${POD('shop')}      resources: {}\n`;
    const { service } = workspace({ '/ws/ns/limits.yaml': LIMITS('shop'), '/ws/pod.yaml': text });
    const h = service.hover(doc('/ws/pod.yaml', text), undefined, { line: 9, character: 8 });
    assert.ok(h, 'a hover on resources');
    assert.match(h!.markdown, /Set at admission/);
    assert.match(h!.markdown, /memory limit 512Mi from LimitRange `defaults` \(ns\/limits\.yaml:10\)/);
  });

  it('pods of other namespaces, and the default namespace, are not touched', () => {
    const { service } = workspace({ '/ws/ns/limits.yaml': LIMITS('shop') });
    for (const text of [POD('other'), POD()]) {
      const [pod] = service.analysis(doc('/ws/pod.yaml', text)).pods;
      assert.equal(pod!.qosClass, 'BestEffort');
      assert.equal(pod!.admission, undefined);
    }
  });

  it('the default namespace is a setting: a LimitRange and a pod that name none meet there', () => {
    const noNs = LIMITS('x').replace('  namespace: x\n', '');
    const { service, index } = workspace({ '/ws/limits.yaml': noNs }, 'team-a');
    assert.equal(index.defaultNamespace, 'team-a');
    assert.equal(service.analysis(doc('/ws/pod.yaml', POD())).pods[0]!.qosClass, 'Burstable');
    assert.equal(service.analysis(doc('/ws/pod2.yaml', POD('team-a'))).pods[0]!.qosClass, 'Burstable');
    assert.equal(service.analysis(doc('/ws/pod3.yaml', POD('default'))).pods[0]!.qosClass, 'BestEffort');
  });

  it('a kustomization namespace puts the pod in the LimitRange\'s namespace', () => {
    const { service } = workspace({
      '/ws/ns/limits.yaml': LIMITS('prod'),
      '/ws/app/kustomization.yaml': 'namespace: prod\nresources:\n  - pod.yaml\n',
      '/ws/app/pod.yaml': POD('dev'),
    });
    assert.equal(service.analysis(doc('/ws/app/pod.yaml', POD('dev'))).pods[0]!.qosClass, 'Burstable');
    assert.equal(service.analysis(doc('/ws/other/pod.yaml', POD('dev'))).pods[0]!.qosClass, 'BestEffort');
  });

  it('editing the LimitRange file changes the analysis of the unchanged pod file (no stale cache)', () => {
    const { service, index } = workspace({ '/ws/ns/limits.yaml': LIMITS('shop'), '/ws/pod.yaml': POD('shop') });
    const pod = doc('/ws/pod.yaml', POD('shop'));
    assert.deepEqual(service.analysis(pod).pods[0]!.limits, { cpu: '500m', memory: '512Mi' });
    index.setFileText('/ws/ns/limits.yaml', LIMITS('shop', '1Gi'));
    assert.deepEqual(service.analysis(pod).pods[0]!.limits, { cpu: '500m', memory: '1Gi' });
    index.removeFile('/ws/ns/limits.yaml');
    assert.equal(service.analysis(pod).pods[0]!.qosClass, 'BestEffort');
  });

  it('a LimitRange in the pod\'s own file is read from its current text, not from the index\'s older copy', () => {
    const both = (memory: string) => `${LIMITS('shop', memory)}---\n${POD('shop')}`;
    const { service } = workspace({ '/ws/both.yaml': both('512Mi') });
    const [pod] = service.analysis(doc('/ws/both.yaml', both('2Gi'), 2)).pods;
    assert.deepEqual(pod!.limits, { cpu: '500m', memory: '2Gi' });
    assert.equal(pod!.admission?.length, 1, 'the index\'s copy of the same file is not applied a second time');
  });

  it('limit-range-violation names the other file and line of the max it breaks', () => {
    const max = `apiVersion: v1
kind: LimitRange
metadata: { name: caps, namespace: shop }
spec:
  limits:
    - type: Container
      max:
        memory: 1Gi
`;
    const text = `${POD('shop')}      resources: { limits: { memory: 2Gi } }\n`;
    const { service } = workspace({ '/ws/caps.yaml': max });
    const d = service.diagnostics(doc('/ws/pod.yaml', text)).find((x) => x.code === 'limit-range-violation');
    assert.ok(d, 'a limit-range-violation');
    assert.match(d!.message, /caps\.yaml:8/);
  });
});

describe('pod-lens check FILE|DIR...: the files given are one workspace', () => {
  function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => '' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-ws-'));
  fs.mkdirSync(path.join(dir, 'ns'));
  fs.writeFileSync(path.join(dir, 'ns', 'limits.yaml'), LIMITS('shop'));
  fs.writeFileSync(path.join(dir, 'pod.yaml'), POD('shop'));
  fs.writeFileSync(path.join(dir, 'nons.yaml'), POD());

  it('JSON: requests, limits and qosClass after admission, and admission: [{kind, name, file, range}]', () => {
    const r = cli(['check', '--format', 'json', dir]);
    const report = JSON.parse(r.out) as { files: { file: string; pods: { qosClass: string; limits: object; admission?: { kind: string; name: string; file: string; range: { start: { line: number } } }[] }[] }[] };
    const pod = report.files.find((f) => f.file.endsWith('pod.yaml') && !f.file.endsWith('nons.yaml'))!.pods[0]!;
    assert.equal(pod.qosClass, 'Burstable');
    assert.deepEqual(pod.limits, { cpu: '500m', memory: '512Mi' });
    assert.equal(pod.admission![0]!.kind, 'LimitRange');
    assert.equal(pod.admission![0]!.name, 'defaults');
    assert.equal(pod.admission![0]!.file, path.join(dir, 'ns', 'limits.yaml'));
    assert.equal(pod.admission![0]!.range.start.line, 0);
    const other = report.files.find((f) => f.file.endsWith('nons.yaml'))!.pods[0]!;
    assert.equal(other.qosClass, 'BestEffort');
    assert.equal(other.admission, undefined);
  });

  it('text: the pod line says which LimitRange set what, with file and line', () => {
    const r = cli(['check', dir]);
    assert.match(r.out, /admitted with LimitRange defaults \(.*ns\/limits\.yaml:1\), which set memory limit of app: 512Mi \(default, line 10\)/);
  });

  it('--default-namespace: objects that name no namespace are in it', () => {
    const r = cli(['check', '--format', 'json', '--default-namespace', 'shop', dir]);
    const report = JSON.parse(r.out) as { files: { file: string; pods: { qosClass: string }[] }[] };
    assert.equal(report.files.find((f) => f.file.endsWith('nons.yaml'))!.pods[0]!.qosClass, 'Burstable');
    assert.equal(cli(['check', '--default-namespace', 'Not_A_Namespace', dir]).code, 2);
    assert.equal(cli(['explain', '--default-namespace', 'shop', dir]).code, 2);
  });

  it('one file alone knows no other file\'s LimitRange', () => {
    const r = cli(['check', '--format', 'json', path.join(dir, 'pod.yaml')]);
    assert.equal((JSON.parse(r.out) as { files: { pods: { qosClass: string }[] }[] }).files[0]!.pods[0]!.qosClass, 'BestEffort');
  });
});
