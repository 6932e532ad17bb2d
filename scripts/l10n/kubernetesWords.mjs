#!/usr/bin/env node
/**
 * Writes test/unit/l10n/kubernetesWords.json: the English words a zh-cn output may keep because they
 * are Kubernetes' own names. Read from the Kubernetes source in the Go module cache:
 * - field names and kinds: the json tags and struct names of k8s.io/api core/v1, apps/v1 and batch/v1 (types.go);
 * - enum values: the string constants of those files (`Foo Type = "Value"`);
 * - reasons: the kubelet's event reasons (pkg/kubelet/events/event.go) and container state reasons
 *   (pkg/kubelet/container/sync_result.go, pkg/kubelet/images/types.go, pkg/kubelet/kuberuntime);
 * - feature gates: pkg/features/kube_features.go of v1.37.2 and v1.34.4.
 * Run: node scripts/l10n/kubernetesWords.mjs   (needs `go` and the module cache; the output is committed)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
const K8S = path.join(cache, 'k8s.io');
const API = path.join(K8S, 'api@v0.37.2');
const KUBE = path.join(K8S, 'kubernetes@v1.37.2');
const read = (f) => fs.readFileSync(f, 'utf8');
const words = new Set();
for (const group of ['core/v1', 'apps/v1', 'batch/v1']) {
  const text = read(path.join(API, group, 'types.go'));
  for (const m of text.matchAll(/json:"([A-Za-z][A-Za-z0-9]*)/g)) words.add(m[1]);
  for (const m of text.matchAll(/^type ([A-Z]\w*) struct/gm)) words.add(m[1]);
  for (const m of text.matchAll(/^\s*[A-Z]\w*\s+\w+\s*=\s*"([A-Za-z][A-Za-z0-9.\-/]*)"/gm)) for (const w of m[1].split(/[^A-Za-z0-9]+/)) if (w) words.add(w);
}
const reasonFiles = [
  'pkg/kubelet/events/event.go', 'pkg/kubelet/container/sync_result.go', 'pkg/kubelet/images/types.go',
  'pkg/kubelet/kuberuntime/kuberuntime_container.go', 'pkg/kubelet/kubelet_pods.go', 'pkg/kubelet/eviction/helpers.go',
];
for (const f of reasonFiles) {
  const p = path.join(KUBE, f);
  if (!fs.existsSync(p)) continue;
  for (const m of read(p).matchAll(/^\s*\w+\s*(?:\w+\s*)?=\s*"([A-Z][A-Za-z]+)"/gm)) words.add(m[1]);
}
// Container state reasons the kubelet reports (errors.New("CrashLoopBackOff"), reason = "Completed") and feature gates.
for (const f of ['pkg/kubelet/container/sync_result.go', 'pkg/kubelet/images/types.go', 'pkg/kubelet/kuberuntime/kuberuntime_container.go', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go', 'pkg/kubelet/status/generate.go', 'pkg/kubelet/kubelet_pods.go']) {
  const p = path.join(KUBE, f);
  if (!fs.existsSync(p)) continue;
  const text = read(p);
  for (const m of text.matchAll(/errors\.New\("([A-Z][A-Za-z]+)"\)|[Rr]eason\s*[:=]+\s*"([A-Z][A-Za-z]+)"/g)) words.add(m[1] ?? m[2]);
}
// Both supported ends of the version range: a gate that went GA and was removed still appears in messages.
for (const release of [KUBE, path.join(K8S, 'kubernetes@v1.34.4')]) for (const m of read(path.join(release, 'pkg/features/kube_features.go')).matchAll(/^\s*([A-Z]\w+) featuregate\.Feature = "(\w+)"/gm)) words.add(m[2]);
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../test/unit/l10n/kubernetesWords.json');
fs.writeFileSync(out, JSON.stringify({
  source: 'scripts/l10n/kubernetesWords.mjs: json tags, kinds and string constants of k8s.io/api@v0.37.2 core/v1, apps/v1, batch/v1; kubelet reasons of kubernetes@v1.37.2; feature gates of v1.37.2 and v1.34.4',
  words: [...words].sort(),
}, null, 1) + '\n');
process.stdout.write(`${words.size} words -> ${out}\n`);
