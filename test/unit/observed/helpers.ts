/** Observed-pod test helpers: fixtures from test/fixtures/observed, explained through the chunk analysis. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeChunk } from '../../../server/src/analysis/chunkAnalysis';
import type { PodExplanation } from '../../../server/src/analysis/observed/index';
import { kubeVersionOrLatest } from '../../../server/src/model/version';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/observed');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function explain(text: string, version = '1.37'): PodExplanation[] {
  return [...analyzeChunk(text, kubeVersionOrLatest(version), (w, e) => { throw new Error(`fault in ${w}: ${String(e)}`); }).observed];
}

export function only(text: string, version = '1.37'): PodExplanation {
  const all = explain(text, version);
  if (all.length !== 1) throw new Error(`expected one observed pod, got ${all.length}`);
  return all[0]!;
}

export const VERSIONS = ['1.37', '1.34'] as const;
