// The real API server of the cluster spec (issue 17): run-e2e.sh starts it with scripts/kube-apiserver.sh and
// passes its kubeconfig as E2E_KUBECONFIG (start-code-server.sh makes it podLens.cluster.kubeconfig). This sets the
// scene with the admin token of the server's state directory, as test/cluster/admin.ts does; Pod Lens itself only
// dry-runs and reads.
const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');

const KUBECONFIG = process.env.E2E_KUBECONFIG || '';

function state() {
  if (!KUBECONFIG || !fs.existsSync(KUBECONFIG)) throw new Error('E2E_KUBECONFIG must name the kubeconfig of the API server run-e2e.sh starts');
  const dir = path.dirname(KUBECONFIG);
  const tokens = Object.fromEntries(fs.readFileSync(path.join(dir, 'tokens.env'), 'utf8').trim().split('\n').map((l) => l.split('=')));
  return { server: /server: (\S+)/.exec(fs.readFileSync(KUBECONFIG, 'utf8'))[1], token: tokens.ADMIN_TOKEN, ca: fs.readFileSync(path.join(dir, 'pki', 'ca.crt')) };
}

function admin(method, apiPath, body) {
  const s = state();
  const url = new URL(s.server + apiPath);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request({
      method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, ca: s.ca, timeout: 15_000,
      headers: { Authorization: `Bearer ${s.token}`, Accept: 'application/json', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath}: timeout`)));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Creates it unless it exists (409): the e2e run shares one server between its tests. */
async function ensure(apiPath, body) {
  const r = await admin('POST', apiPath, body);
  if (r.status >= 300 && r.status !== 409) throw new Error(`POST ${apiPath}: ${r.status} ${r.body}`);
}

/** A namespace with its default service account (no controller-manager runs) and, optionally, a LimitRange. */
async function namespace(name, limitRange) {
  await ensure('/api/v1/namespaces', { metadata: { name } });
  await ensure(`/api/v1/namespaces/${name}/serviceaccounts`, { metadata: { name: 'default' } });
  if (limitRange) await ensure(`/api/v1/namespaces/${name}/limitranges`, { metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', ...limitRange }] } });
}

async function podNames(ns) {
  const r = await admin('GET', `/api/v1/namespaces/${ns}/pods`);
  return JSON.parse(r.body).items.map((p) => p.metadata.name);
}

module.exports = { KUBECONFIG, namespace, podNames };
