/**
 * Test support for the cluster suites (issue 17): the running API server that scripts/kube-apiserver.sh started
 * (scripts/test-cluster.sh passes its kubeconfig in POD_LENS_TEST_KUBECONFIG), and admin requests that set the
 * scene (namespaces, service accounts, LimitRanges, RBAC, pods and pods/status, as a controller or a kubelet
 * would write them). Fails, never skips, when no server is running.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';

export const KUBECONFIG = process.env['POD_LENS_TEST_KUBECONFIG'] ?? '';
if (!KUBECONFIG || !fs.existsSync(KUBECONFIG)) {
  throw new Error('POD_LENS_TEST_KUBECONFIG must name the kubeconfig of a running test API server: run these suites with bash scripts/test-cluster.sh');
}
const STATE = path.dirname(KUBECONFIG);
const tokens = Object.fromEntries(fs.readFileSync(path.join(STATE, 'tokens.env'), 'utf8').trim().split('\n').map((l) => l.split('=') as [string, string]));
export const ADMIN_TOKEN = tokens['ADMIN_TOKEN']!;
export const VIEWER_TOKEN = tokens['VIEWER_TOKEN']!;
const CA = fs.readFileSync(path.join(STATE, 'pki', 'ca.crt'));
export const SERVER = /server: (\S+)/.exec(fs.readFileSync(KUBECONFIG, 'utf8'))![1]!;

export interface AdminResponse { status: number; body: any }

export function admin(method: string, apiPath: string, body?: unknown): Promise<AdminResponse> {
  const url = new URL(SERVER + apiPath);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request({
      method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, ca: CA, timeout: 15_000,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, Accept: 'application/json', ...(payload ? { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json', 'Content-Length': payload.length } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`admin ${method} ${apiPath}: timeout`)));
    if (payload) req.write(payload);
    req.end();
  });
}

export async function ok(method: string, apiPath: string, body?: unknown): Promise<any> {
  const r = await admin(method, apiPath, body);
  if (r.status >= 300) throw new Error(`admin ${method} ${apiPath}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A fresh namespace with its `default` service account (the controller-manager, absent here, would create it). */
export async function namespace(name: string): Promise<string> {
  await ok('POST', '/api/v1/namespaces', { metadata: { name } });
  await ok('POST', `/api/v1/namespaces/${name}/serviceaccounts`, { metadata: { name: 'default' } });
  return name;
}

export function writeTemp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(require('node:os').tmpdir()), 'pod-lens-cluster-test-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

export interface CliRun { code: number; out: string; err: string }

export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) { saved[k] = process.env[k]; if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

/** No credential of the test kubeconfig appears in a text a user or a log could see. */
export function assertNoCredentials(text: string, assert: { ok: (v: unknown, m?: string) => void }): void {
  for (const secret of [ADMIN_TOKEN, VIEWER_TOKEN]) assert.ok(!text.includes(secret), 'a token reached the output');
  assert.ok(!/BEGIN (?:RSA )?PRIVATE KEY|Bearer /.test(text), 'a key or an Authorization header reached the output');
}
