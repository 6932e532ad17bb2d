/** Helpers for the warning rule tests: build manifests, run the real service, pick findings. */
import assert from 'node:assert/strict';
import { analyzeYaml } from '../../helpers';
import type { PodDiagnostic } from '../../../../server/src/service/diagnostics';
import { RULES } from '../../../../server/src/analysis/rules/index';

/** Codes of the rules about legal but dangerous specs (warning and information severity). */
export const WARNING_CODES: readonly string[] = RULES.filter((r) => r.severity !== 'error').map((r) => r.code);

function indent(body: string, by: number): string {
  return body.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');
}

/** Resources that keep the resource warnings quiet. */
export const RES = 'resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }';

export function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(spec, 2)}\n`;
}

export function deployment(spec: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: { matchLabels: { app: d } }\n  template:\n    metadata: { labels: { app: d } }\n    spec:\n${indent(spec, 6)}\n`;
}

export function job(spec: string, kind: 'Job' | 'CronJob' = 'Job'): string {
  if (kind === 'CronJob') {
    return `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${indent(spec, 10)}\n`;
  }
  return `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n${indent(spec, 6)}\n`;
}

export function statefulSet(spec: string, claims = ''): string {
  return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: s\n  selector: { matchLabels: { app: s } }\n  template:\n    metadata: { labels: { app: s } }\n    spec:\n${indent(spec, 6)}\n${claims ? indent(claims, 2) + '\n' : ''}`;
}

export function diags(text: string, version?: string): PodDiagnostic[] {
  return analyzeYaml(text, version ? { kubernetesVersion: version } : {}).diagnostics;
}

export function expectCode(text: string, code: string, n: number, version?: string): PodDiagnostic[] {
  const found = diags(text, version).filter((d) => d.code === code);
  assert.equal(found.length, n, `expected ${n} x ${code}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return found;
}

/** No warning-rule finding at all (any code of WARNING_RULES), and no error either. */
export function expectQuiet(text: string, version?: string): void {
  const noisy = diags(text, version).filter((d) => WARNING_CODES.includes(d.code) || d.severity === 'error');
  assert.deepEqual(noisy.map((d) => `${d.code}: ${d.message}`), []);
}

/** The text a single-line diagnostic covers. */
export function covered(text: string, d: PodDiagnostic): string {
  assert.equal(d.range.start.line, d.range.end.line, 'expected a single-line range');
  return text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
}
