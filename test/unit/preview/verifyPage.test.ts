/**
 * The "Verify Against Cluster" page (client/src/cluster/verifyHtml.ts): prediction and server answer side by side,
 * the differing rows and every admission change marked, validation errors with their place, and nothing from
 * the YAML or the cluster rendered as markup; no script can run (script-src 'none', no <script>).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderVerifyPage, verifyContentSecurityPolicy } from '../../../client/src/cluster/verifyHtml';
import type { VerifyStrings } from '../../../client/src/cluster/verifyHtml';
import type { VerifiedObjectView, VerifyResult } from '../../../server/src/protocol/cluster';

const STRINGS: VerifyStrings = {
  title: 'Verify Against Cluster', contextLine: 'Context {0} ({1}), Kubernetes {2}', versionDiffers: 'The cluster runs Kubernetes {0}; Pod Lens predicted for {1}.',
  accepted: '{0} in namespace {1}: accepted by the server (dry run, nothing created)', rejected: '{0} in namespace {1}: rejected by the server',
  predicted: 'Pod Lens predicted', server: 'The server answered', qosClass: 'QoS class', requestOf: 'requests {0}', limitOf: 'limits {0}',
  containers: 'Containers', containerLabel: '{0} ({1})', requests: 'requests', limits: 'limits', notInPod: 'not in this pod',
  changes: 'What admission added or changed', field: 'Field', change: 'Change', cause: 'Cause', noChanges: 'Admission changed nothing.',
  added: 'added {0}', removed: 'removed {0}', changed: '{0} → {1}', errors: 'Validation errors', differs: 'differs', noPod: 'No pod spec at the cursor.',
  roles: { app: 'app container', init: 'init container', sidecar: 'sidecar container', ephemeral: 'ephemeral container' },
};

const EVIL = '<img src=x onerror="alert(1)">';
const range = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 5 } });

const ACCEPTED: VerifiedObjectView = {
  kind: 'Pod', name: `web${EVIL}`, namespace: 'shop', range: range(0, 0),
  predicted: { qosClass: 'BestEffort', requests: {}, limits: {} },
  server: { qosClass: 'Burstable', requests: { cpu: '100m' }, limits: { cpu: '500m' } },
  containers: [
    { name: `app${EVIL}`, role: 'app', predicted: { requests: {}, limits: {} }, server: { requests: { cpu: '100m' }, limits: { cpu: '500m' } } },
    { name: 'istio-proxy', role: 'sidecar', predicted: null, server: { requests: { cpu: '10m' }, limits: {} } },
  ],
  changes: [
    { path: 'spec.containers[app].resources.requests.cpu', change: 'added', from: null, to: '100m', cause: 'a LimitRange default, set by the LimitRanger admission plugin' },
    { path: 'status.qosClass', change: 'changed', from: 'BestEffort', to: 'Burstable', cause: `the resources that admission set ${EVIL}` },
  ],
  errors: [],
};

const REJECTED: VerifiedObjectView = {
  kind: 'Deployment', name: 'api', namespace: 'shop', range: range(20, 0),
  predicted: { qosClass: 'Burstable', requests: { cpu: '2' }, limits: { cpu: '1' } }, server: null, containers: [], changes: [],
  errors: [{ field: 'spec.containers[0].resources.requests', reason: 'FieldValueInvalid', message: `spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1 ${EVIL}`, range: range(30, 8) }],
};

function page(objects: VerifiedObjectView[], clusterMinor = '1.37'): string {
  const result: Extract<VerifyResult, { ok: true }> = {
    ok: true, uri: 'file:///w/pod.yaml', version: 3, context: 'admin', server: 'https://127.0.0.1:6443',
    clusterVersion: { gitVersion: `v${clusterMinor}.2`, minor: clusterMinor }, targetVersion: '1.37', objects,
  };
  return renderVerifyPage(result, { cspSource: 'vscode-webview://x', styleUri: 'vscode-webview://x/verify.css', fileName: `pod${EVIL}.yaml`, strings: STRINGS });
}

describe('Verify Against Cluster page', () => {
  it('runs no script and renders nothing from the YAML or the cluster as markup', () => {
    const html = page([ACCEPTED, REJECTED]);
    assert.match(verifyContentSecurityPolicy('vscode-webview://x'), /script-src 'none'/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src vscode-webview:\/\/x; img-src vscode-webview:\/\/x; script-src &#39;none&#39;">/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i, 'the hostile names are text');
    assert.equal(html.split('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;').length - 1, 6, 'name, container, cause, message and file name, escaped');
    assert.doesNotMatch(html, /<[^>]*\son\w+=/i, 'no event handler attribute in a tag');
  });

  it('sets the prediction beside the server answer and marks what differs', () => {
    const html = page([ACCEPTED]);
    assert.match(html, /Context admin \(https:\/\/127\.0\.0\.1:6443\), Kubernetes v1\.37\.2/);
    assert.match(html, /<tr class="differs"><th scope="row">QoS class <span class="badge">differs<\/span><\/th><td>BestEffort<\/td><td>Burstable<\/td><\/tr>/);
    assert.match(html, /<tr class="differs"><th scope="row">requests cpu <span class="badge">differs<\/span><\/th><td>-<\/td><td>100m<\/td><\/tr>/);
    assert.match(html, /<th scope="rowgroup" colspan="3">istio-proxy \(sidecar container\)<\/th><\/tr><tr class="differs"><th scope="row">requests <span class="badge">differs<\/span><\/th><td><em>not in this pod<\/em><\/td><td>cpu=10m<\/td>/);
    assert.match(html, /<tr class="added"><td><code>spec\.containers\[app\]\.resources\.requests\.cpu<\/code><\/td><td>added 100m<\/td><td class="cause">a LimitRange default, set by the LimitRanger admission plugin<\/td><\/tr>/);
    assert.match(html, /<tr class="changed"><td><code>status\.qosClass<\/code><\/td><td>BestEffort → Burstable<\/td>/);
    assert.doesNotMatch(html, /The cluster runs Kubernetes/, 'same version: no note');
    assert.match(page([ACCEPTED], '1.34'), /<p class="note">The cluster runs Kubernetes 1\.34; Pod Lens predicted for 1\.37\.<\/p>/);
  });

  it('a rejected pod: its verdict and each validation error with its place', () => {
    const html = page([REJECTED]);
    assert.match(html, /<section class="object rejected"><h2><strong>Deployment\/api<\/strong> in namespace <code>shop<\/code>: rejected by the server<\/h2>/);
    assert.match(html, /<li><span class="where">pod&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;\.yaml:31:9<\/span> spec\.containers\[0\]\.resources\.requests: Invalid value: &quot;2&quot;/);
    assert.doesNotMatch(html, /What admission added or changed/, 'no changes section without a server pod');
    assert.match(page([]), /<p>No pod spec at the cursor\.<\/p>/);
  });
});
