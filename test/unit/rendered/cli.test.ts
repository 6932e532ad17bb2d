/** `pod-lens check --helm/--kustomize` through the CLI entry (runCli): JSON shape, exit codes, usage errors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { FIXTURES, ROOT, tools } from './tools';

process.chdir(ROOT);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; } });
  return { code, out, err };
}

describe('pod-lens check --helm / --kustomize', () => {
  it('prints the JSON of today with files named from the CHART argument and renderedFrom on pods; exit 1 on an error', async () => {
    const chart = path.join(FIXTURES, 'helm', 'platform');
    const r = await cli(['check', '--format', 'json', '--helm', chart, '--helm-path', tools().helm, '--release', 'rel', '--namespace', 'ns']);
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out) as { files: { file: string; diagnostics: { code: string; message: string; range: unknown }[]; pods: { name: string; namespace?: string; renderedFrom: { file: string } }[] }[] };
    assert.ok(json.files.every((f) => f.file.startsWith(chart + '/')), json.files.map((f) => f.file).join(', '));
    const values = json.files.find((f) => f.file === `${chart}/values.yaml`)!;
    assert.deepEqual(values.diagnostics.map((d) => d.code).sort(), ['invalid-sleep-action', 'request-exceeds-limit', 'request-exceeds-limit']);
    assert.ok(values.diagnostics.every((d) => /in the rendered (Deployment rel-platform|StatefulSet rel-cache) from /.test(d.message)));
    const pods = json.files.flatMap((f) => f.pods);
    assert.deepEqual(pods.map((p) => [p.name, p.renderedFrom.file]).sort(), [['rel-cache', `${chart}/charts/cache/templates/statefulset.yaml`], ['rel-platform', `${chart}/templates/deployment.yaml`]]);
  });

  it('exit 0 and the text report for a kustomization with no error (the base alone)', async () => {
    const dir = path.join(FIXTURES, 'kustomize', 'base');
    const clean = await cli(['check', '--kustomize', dir, '--kustomize-path', tools().kustomize]);
    assert.equal(clean.code, 0, clean.out + clean.err);
    assert.match(clean.out, /Deployment\/api: QoS Burstable/);
  });

  it('a missing tool exits 2 and says how to set its path; usage errors exit 2', async () => {
    const missing = await cli(['check', '--helm', path.join(FIXTURES, 'helm', 'web'), '--helm-path', path.join(ROOT, 'no-such-helm')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /helm was not found .*--helm-path or POD_LENS_HELM/);
    for (const args of [['check', '--set', 'a=b', 'x.yaml'], ['check', '--helm', 'a', '--kustomize', 'b'], ['check', '--helm', 'a', 'extra.yaml'], ['check', '-f', 'v.yaml', 'x.yaml']]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
    }
  });
});
