/** The workspace rule registry: one file per rule named after its code, a doc page, a summary, severities and faults. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_RULES, checkWorkspaceFile } from '../../../../server/src/analysis/workspace/rules/index';
import type { WorkspaceView } from '../../../../server/src/analysis/workspace/index';
import { ruleMetadata } from '../../../../server/src/analysis/rules/index';
import { deployment, indexOf } from './helpers';

const ROOT = path.resolve(__dirname, '../../../../..');
const DIR = path.join(ROOT, 'server/src/analysis/workspace/rules');
const camel = (code: string) => code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('workspace rule registry', () => {
  it('registers every rule file once, each named after its code, with a doc page, a summary and a Kubernetes link', () => {
    const ruleFiles = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts', 'podTemplates.ts'].includes(f));
    assert.deepEqual(ruleFiles.sort(), WORKSPACE_RULES.map((r) => `${camel(r.code)}.ts`).sort());
    for (const r of WORKSPACE_RULES) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.code}.md`)), `${r.code}: doc page`);
      assert.ok(r.summary && !r.summary().includes('\n'), `${r.code}: summary`);
      assert.ok(r.docUrl?.startsWith('https://kubernetes.io/docs/'), `${r.code}: docUrl`);
      assert.ok(ruleMetadata().some((m) => m.code === r.code), `${r.code}: in ruleMetadata (SARIF)`);
    }
    assert.equal(new Set(ruleMetadata().map((m) => m.code)).size, ruleMetadata().length, 'codes are unique');
  });

  it('re-levels and turns off by code, and a failing rule costs only its own findings', () => {
    const files = { '/w/svc.yaml': 'kind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: nope}\n  ports: [{port: 80}]\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: 0, selector: {matchLabels: {app: web}}}\n', '/w/web.yaml': deployment('web') };
    const view = indexOf(files);
    const ctx = { view, file: '/w/svc.yaml', kubernetesVersion: '1.37' };
    assert.deepEqual(checkWorkspaceFile(ctx).map((f) => [f.code, f.severity]), [['service-selector-no-pods', 'warning'], ['pdb-blocks-eviction', 'warning']]);
    assert.deepEqual(checkWorkspaceFile(ctx, (c) => (c === 'pdb-blocks-eviction' ? 'off' : 'error')).map((f) => [f.code, f.severity]), [['service-selector-no-pods', 'error']]);
    const throwing = new Proxy({}, { get: () => () => { throw new Error('boom'); } }) as WorkspaceView;
    assert.deepEqual(checkWorkspaceFile({ ...ctx, view: throwing }), []);
  });

  it('sees every index change: what rules derive from a namespace is rebuilt when the index changes', () => {
    const index = indexOf({ '/w/svc.yaml': 'kind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web}\n', '/w/api.yaml': deployment('api') });
    const ctx = { view: index, file: '/w/svc.yaml', kubernetesVersion: '1.37' };
    const codes = () => checkWorkspaceFile(ctx).map((f) => f.code);
    assert.deepEqual(codes(), ['service-selector-no-pods']);
    const before = index.generation;
    index.setFileText('/w/web.yaml', deployment('web'));
    assert.ok(index.generation > before);
    assert.deepEqual(codes(), []);
    index.removeFile('/w/web.yaml');
    assert.deepEqual(codes(), ['service-selector-no-pods']);
    index.setDefaultNamespace('shop');
    index.setFileText('/w/web.yaml', deployment('web', { ns: 'default' }));
    assert.deepEqual(codes(), ['service-selector-no-pods'], 'the Service moved to shop with api; web is in default');
    index.setDefaultNamespace('default');
    assert.deepEqual(codes(), []);
  });
});
