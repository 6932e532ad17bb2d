/**
 * The differential check behind the cstTree tests: parsing a text line by line (lineTree.ts) or through the
 * CST (cstTree.ts), each with its fallback, must give exactly what the Document path gives — the same trees (values, sources,
 * spans, keys, tags, shared aliases), the same problems (syntax errors, duplicate keys, nesting,
 * aliases), the same document spans and flags — under the default limits and under tight ones.
 */
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, parseFileVia } from '../../../server/src/model/parse';
import type { ParseLimits, ParsePath } from '../../../server/src/model/parse';

/** Tight limits, so that nesting and alias budgets are reached by small inputs too. */
export const TIGHT_LIMITS: ParseLimits = { maxDepth: 4, maxAliasExpansion: 6 };

export interface PathCount {
  /** Texts the line reader (lineTree.ts) read itself. */
  lines: number;
  /** Texts the CST path (without the line reader) built itself, and those it left to the Composer. */
  cst: number;
  document: number;
}

export function newCount(): PathCount {
  return { lines: 0, cst: 0, document: 0 };
}

/**
 * Asserts that the line reader (with its fallback) and the CST path (with its) both agree with the Document path
 * on `text`; counts the paths taken under the default limits.
 */
export function assertSameTrees(text: string, label: string, count?: PathCount): ParsePath {
  let path: ParsePath = 'document';
  for (const limits of [DEFAULT_LIMITS, TIGHT_LIMITS]) {
    const viaDocument = parseFileVia(text, limits, 'document');
    assert.equal(viaDocument.path, 'document');
    for (const prefer of ['cst', 'lines'] as const) {
      const via = parseFileVia(text, limits, prefer);
      try {
        assert.deepStrictEqual(via.parsed, viaDocument.parsed);
      } catch (e) {
        assert.fail(`${label} (limits ${JSON.stringify(limits)}, preferring ${prefer}, taken: ${via.path}): ${(e as Error).message}\n--- text:\n${text}`);
      }
      if (limits !== DEFAULT_LIMITS) continue;
      if (prefer === 'cst') {
        path = via.path;
        if (count) count[via.path === 'cst' ? 'cst' : 'document']++;
      } else if (count && via.path === 'lines') count.lines++;
    }
  }
  return path;
}
