/**
 * Nothing a user sees changes unless a snapshot says so: every output captured by capture.ts is
 * compared with the committed snapshot. After an intended change, `npm run golden:update` and
 * review the snapshot diff in the commit.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { captureCli, captureServer, LOCALES, snapshotPath } from './capture';

function firstDifference(actual: Record<string, unknown>, expected: Record<string, unknown>): string | undefined {
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const a = JSON.stringify(actual[key]);
    const e = JSON.stringify(expected[key]);
    if (a !== e) {
      let i = 0;
      while (i < Math.min(a?.length ?? 0, e?.length ?? 0) && a[i] === e[i]) i++;
      return `${key}: differs at character ${i}\n  expected …${(e ?? 'undefined').slice(Math.max(0, i - 80), i + 200)}\n  actual   …${(a ?? 'undefined').slice(Math.max(0, i - 80), i + 200)}`;
    }
  }
  return undefined;
}

describe('golden output (npm run golden:update after an intended change)', () => {
  for (const locale of LOCALES) {
    it(`CLI check and simulate, ${locale}`, () => {
      const expected = JSON.parse(fs.readFileSync(snapshotPath('cli', locale), 'utf8')) as Record<string, unknown>;
      const actual = JSON.parse(JSON.stringify(captureCli(locale))) as Record<string, unknown>;
      assert.ok(Object.keys(expected).length > 20, 'the snapshot holds the CLI outputs');
      assert.equal(firstDifference(actual, expected), undefined);
    });
    it(`server diagnostics, hovers, lenses, fixes and requests, ${locale}`, async () => {
      const expected = JSON.parse(fs.readFileSync(snapshotPath('server', locale), 'utf8')) as Record<string, unknown>;
      const actual = JSON.parse(JSON.stringify(await captureServer(locale))) as Record<string, unknown>;
      assert.ok(Object.keys(expected).length > 20, 'the snapshot holds the server outputs');
      assert.equal(firstDifference(actual, expected), undefined);
    });
  }
});
