/** Helpers for the API-server validation rule tests. */
import assert from 'node:assert/strict';
import { analyzeYaml, pod } from '../../helpers';
import type { PodDiagnostic } from '../../../../server/src/service/diagnostics';

export { pod };

export function diags(text: string, version?: string, code?: string): PodDiagnostic[] {
  const all = analyzeYaml(text, version ? { kubernetesVersion: version } : {}).diagnostics;
  return code ? all.filter((d) => d.code === code) : all;
}

/** The text a diagnostic's range covers (single-line ranges only). */
export function covered(text: string, d: PodDiagnostic): string {
  const lines = text.split('\n');
  assert.equal(d.range.start.line, d.range.end.line, 'expected a single-line range');
  return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
}

/** Exactly `n` findings of `code`; returns them. */
export function expectCode(text: string, code: string, n: number, version?: string): PodDiagnostic[] {
  const found = diags(text, version, code);
  assert.equal(found.length, n, `expected ${n} x ${code}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return found;
}

/** No error-severity finding at all. */
export function expectNoErrors(text: string, version?: string): void {
  const errors = diags(text, version).filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), []);
}

export function deployment(spec: string, extra = ''): string {
  const body = spec.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => `      ${l}`).join('\n');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: { matchLabels: { app: d } }\n${extra}  template:\n    metadata: { labels: { app: d } }\n    spec:\n${body}\n`;
}

export function job(spec: string): string {
  const body = spec.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => `      ${l}`).join('\n');
  return `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n${body}\n`;
}
