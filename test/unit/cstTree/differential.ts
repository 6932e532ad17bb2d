/**
 * The differential check behind the cstTree tests: parsing a text through the CST (cstTree.ts, with
 * its fallback) must give exactly what the Document path gives — the same trees (values, sources,
 * spans, keys, tags, shared aliases), the same problems (syntax errors, duplicate keys, nesting,
 * aliases), the same document spans and flags — under the default limits and under tight ones.
 */
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, parseFileVia } from '../../../server/src/model/parse';
import type { ParseLimits, ParsePath } from '../../../server/src/model/parse';

/** Tight limits, so that nesting and alias budgets are reached by small inputs too. */
export const TIGHT_LIMITS: ParseLimits = { maxDepth: 4, maxAliasExpansion: 6 };

export interface PathCount {
  cst: number;
  document: number;
}

export function newCount(): PathCount {
  return { cst: 0, document: 0 };
}

/** Asserts both paths agree on `text`; counts the path the CST side took (under the default limits). */
export function assertSameTrees(text: string, label: string, count?: PathCount): ParsePath {
  let path: ParsePath = 'document';
  for (const limits of [DEFAULT_LIMITS, TIGHT_LIMITS]) {
    const viaCst = parseFileVia(text, limits, 'cst');
    const viaDocument = parseFileVia(text, limits, 'document');
    assert.equal(viaDocument.path, 'document');
    try {
      assert.deepStrictEqual(viaCst.parsed, viaDocument.parsed);
    } catch (e) {
      assert.fail(`${label} (limits ${JSON.stringify(limits)}, CST path: ${viaCst.path}): ${(e as Error).message}\n--- text:\n${text}`);
    }
    if (limits === DEFAULT_LIMITS) path = viaCst.path;
  }
  if (count) count[path]++;
  return path;
}
