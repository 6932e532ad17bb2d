// Issue 17 in the real editor, against a real kube-apiserver (run-e2e.sh starts it; its kubeconfig is the
// podLens.cluster.kubeconfig setting): "Pod Lens: Verify Against Cluster" on a pod with no resources in a namespace
// with a LimitRange shows BestEffort predicted beside the server's Burstable and names the LimitRange default as the
// cause; a pod the server rejects gets the server's validation error as a diagnostic at its field.
const fs = require('node:fs');
const h = require('./helpers');
const cluster = require('./cluster');
const { test, expect } = h;

const NS = 'e2e-limits';

const PLAIN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: ${NS}
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const REJECTED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: upside-down
  namespace: ${NS}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          memory: 256Mi
        limits:
          memory: 1Gi
      ports:
        - containerPort: 70000
`;

test.beforeAll(async () => {
  await cluster.namespace(NS, { default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } });
});

async function openAndWait(page, rel) {
  await h.openWorkbench(page);
  await h.openFile(page, rel);
  // The server has analysed the file: its QoS lens is there.
  await expect(h.activeEditor(page).locator('.codelens-decoration', { hasText: 'QoS' }).first()).toBeVisible({ timeout: 60_000 });
}

test('Verify Against Cluster: the prediction beside the server answer, the LimitRange default named as the cause', async ({ page }) => {
  const file = h.writeWorkspaceFile('cluster-plain.yaml', PLAIN_POD);
  try {
    await openAndWait(page, 'cluster-plain.yaml');
    await h.gotoPosition(page, 8, 15); // inside the pod, on the container's image
    await h.runCommand(page, 'Pod Lens: Verify Against Cluster');

    const panel = h.webviewFrame(page);
    await expect(panel.locator('h2'), 'the verdict').toContainText('Pod/plain in namespace e2e-limits: accepted by the server (dry run, nothing created)', { timeout: 60_000 });
    const qos = panel.locator('table.compare').first().locator('tr.differs', { hasText: 'QoS class' });
    await expect(qos.locator('td').nth(0)).toHaveText('BestEffort');
    await expect(qos.locator('td').nth(1)).toHaveText('Burstable');
    const request = panel.locator('table.changes tr', { hasText: 'spec.containers[app].resources.requests.cpu' });
    await expect(request).toContainText('added 100m');
    await expect(request.locator('td.cause')).toHaveText('a LimitRange default, set by the LimitRanger admission plugin');
    await expect(panel.locator('table.changes tr', { hasText: 'status.qosClass' })).toContainText('BestEffort → Burstable');
    await expect(panel.locator('p.meta')).toContainText('Context admin');
    await h.screenshot(page, 'cluster-verify-panel');
    await request.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'cluster-verify-panel-changes');
    // A dry run: nothing was created.
    expect(await cluster.podNames(NS)).toEqual([]);
  } finally {
    fs.rmSync(file, { force: true });
  }
});

test('Verify Against Cluster: the server rejects the pod; its validation error is a diagnostic at the field', async ({ page }) => {
  const file = h.writeWorkspaceFile('cluster-rejected.yaml', REJECTED_POD);
  try {
    await openAndWait(page, 'cluster-rejected.yaml');
    await h.gotoPosition(page, 4, 5);
    await h.runCommand(page, 'Pod Lens: Verify Against Cluster');
    const panel = h.webviewFrame(page);
    await expect(panel.locator('h2')).toContainText('rejected by the server', { timeout: 60_000 });
    await expect(panel.locator('ul.errors')).toContainText('spec.containers[0].ports[0].containerPort: Invalid value: 70000');
    const problem = await h.waitForProblem(page, (p) => p.code === 'server-rejected');
    expect(problem.message).toContain('The cluster rejected Pod/upside-down: spec.containers[0].ports[0].containerPort: Invalid value: 70000');
    expect(problem.line).toBe(16); // `- containerPort: 70000`
    await h.screenshot(page, 'cluster-verify-rejected');
  } finally {
    fs.rmSync(file, { force: true });
  }
});
