/**
 * A Kustomize overlay built by the real kustomize (krusty, tools/): each finding lands on the patch or base
 * line that last set the value (issue 15). The table is written by hand from test/fixtures/kustomize/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkRendered } from '../../../server/src/cli/renderCheck';
import type { RenderOptions } from '../../../server/src/cli/args';
import { looksRemote, readLayer, remoteReference, runKustomize } from '../../../server/src/node/render/kustomize';
import { kustomizeRendered } from '../../../server/src/render/kustomizeSet';
import { createPodService } from '../../../server/src/service/index';
import { FIXTURES, ROOT, findingsOf, tools } from './tools';

process.chdir(ROOT);

const OVERLAY = path.join(FIXTURES, 'kustomize', 'overlays', 'prod');

function lineOf(file: string, text: string, after?: string): number {
  const lines = fs.readFileSync(path.join(ROOT, OVERLAY, file), 'utf8').split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= from && l.includes(text));
  assert.ok(i >= 0, `${file} has "${text}"`);
  return i + 1;
}

function options(extra: Partial<RenderOptions> = {}): RenderOptions {
  return { kind: 'kustomize', dir: OVERLAY, valuesFiles: [], set: [], release: undefined, namespace: undefined, toolPath: tools().kustomize, ...extra };
}

describe('kustomize overlays, built and mapped back', () => {
  it('strategic-merge and JSON 6902 patches, images: and replicas: on a base', async () => {
    const result = await checkRendered(options(), createPodService(), {});
    assert.ok('files' in result);
    assert.deepEqual(findingsOf(result.files, OVERLAY), [
      ['kustomization.yaml', lineOf('kustomization.yaml', 'newTag: latest'), 'image-latest-tag'],
      ['memory-patch.yaml', lineOf('memory-patch.yaml', 'memory: 1Gi'), 'request-exceeds-limit'],
      ['probe-patch.yaml', lineOf('probe-patch.yaml', 'value:'), 'identical-liveness-readiness'],
      ['probe-patch.yaml', lineOf('probe-patch.yaml', 'value: 128Mi'), 'request-exceeds-limit'],
    ]);
    // The base's files are listed from the DIR argument, as the user would write them.
    const names = result.files.map((f) => f.file).sort();
    assert.ok(names.includes(`${OVERLAY}/../../base/deployment.yaml`), names.join(', '));
    const pods = result.files.flatMap((f) => f.pods);
    assert.equal(pods.length, 1);
    assert.equal(pods[0]!.name, 'prod-api');
    assert.equal(pods[0]!.renderedFrom.file, `${OVERLAY}/../../base/deployment.yaml`);
    assert.deepEqual(pods[0]!.limits, { cpu: '500m', memory: '576Mi' });
    // The proxy container's range points into the base, at its `- name: proxy` item.
    const base = fs.readFileSync(path.join(ROOT, FIXTURES, 'kustomize', 'base', 'deployment.yaml'), 'utf8').split('\n');
    assert.equal(pods[0]!.containers[1]!.range.start.line, base.findIndex((l) => l.includes('- name: proxy')));
  });

  it('the replicas: transformer is the origin of spec.replicas, the images: entry of a container image', async () => {
    const built = await runKustomize(tools().kustomize, OVERLAY);
    assert.ok(built.ok);
    const set = kustomizeRendered(built.stdout, readLayer(OVERLAY)!);
    const deployment = set.documents.find((d) => /kind: Deployment/.test(d.text))!;
    const replicas = deployment.origin(['spec', 'replicas'], undefined);
    assert.ok('span' in replicas.place);
    const k = set.sources.get(`${OVERLAY}/kustomization.yaml`)!;
    assert.equal(replicas.place.file, `${OVERLAY}/kustomization.yaml`);
    assert.equal(k.slice(replicas.place.span.start, replicas.place.span.end), 'count');
    const image = deployment.origin(['spec', 'template', 'spec', 'containers', 0, 'image'], undefined);
    assert.ok('span' in image.place);
    assert.match(image.place.file, /base\/deployment\.yaml$/, 'the api image is set by the base (images: names only the proxy)');
  });

  it('a kustomize failure is one error at the file it names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-kustomize-'));
    try {
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
      const result = await checkRendered(options({ dir }), createPodService(), {});
      assert.ok('files' in result);
      const diags = result.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, ...d })));
      assert.equal(diags.length, 1);
      assert.equal(diags[0]!.code, 'render-failed');
      assert.equal(diags[0]!.file, `${dir}/kustomization.yaml`);
      assert.match(diags[0]!.message, /missing\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an overlay that names a remote base anywhere in its layers is not rendered: one error on that line, no process started', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-kustomize-'));
    try {
      fs.mkdirSync(path.join(dir, 'base'));
      fs.writeFileSync(path.join(dir, 'base', 'kustomization.yaml'), 'resources:\n  - pod.yaml\n  - https://raw.example.com/team/pods/v1/pod.yaml\n');
      fs.writeFileSync(path.join(dir, 'base', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: a:1}]\n');
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - base\n');
      // A tool path that does not exist: had Pod Lens started it, the answer would be "kustomize was not found".
      const result = await checkRendered(options({ dir, toolPath: path.join(dir, 'no-such-kustomize') }), createPodService(), {});
      assert.ok('files' in result, 'error' in result ? result.error : '');
      const diags = result.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, ...d })));
      assert.equal(diags.length, 1);
      assert.equal(diags[0]!.code, 'render-failed');
      assert.equal(diags[0]!.file, `${dir}/base/kustomization.yaml`);
      assert.equal(diags[0]!.range.start.line, 2);
      assert.match(diags[0]!.message, /^Not rendered: "https:\/\/raw\.example\.com\/team\/pods\/v1\/pod\.yaml" is a remote resource/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('remote forms kustomize fetches: URLs, git@ and git::, host paths, helm chart repositories; a local folder named like a host is local', () => {
    for (const remote of ['https://github.com/org/repo//base?ref=v1', 'ssh://git@example.com/repo.git', 'git@github.com:org/repo.git', 'git::https://example.com/r', 'github.com/org/repo/base?ref=v1', 'gitlab.com/org/repo', 'example.co.uk:8443/r/x']) {
      assert.equal(looksRemote(remote), true, remote);
    }
    for (const local of ['base', '../base', 'deployment.yaml', './github', 'overlays/prod', 'v1.2/base']) assert.equal(looksRemote(local), false, local);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-kustomize-'));
    try {
      fs.mkdirSync(path.join(dir, 'github.com', 'org'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'github.com', 'org', 'kustomization.yaml'), 'resources: []\n');
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - github.com/org\nhelmCharts:\n  - name: redis\n    repo: https://charts.example.com\n');
      const layer = readLayer(dir)!;
      assert.deepEqual(remoteReference(layer), { file: path.join(dir, 'kustomization.yaml'), line: 4, entry: 'https://charts.example.com' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
