/**
 * The hover topic registry: every topic file is registered once, under its file name, and has its
 * own test file here; every registered topic answers for some position of the test fixture.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOVER_TOPICS } from '../../../server/src/analysis/hover/topics/index';

const ROOT = path.resolve(__dirname, '../../../..');
const TOPIC_DIR = path.join(ROOT, 'server/src/analysis/hover/topics');

describe('hover topic registry', () => {
  const files = fs.readdirSync(TOPIC_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
  it('registers each topic file exactly once, under its file name', () => {
    const names = HOVER_TOPICS.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, 'no topic is registered twice');
    assert.deepEqual([...names].sort(), files);
  });
  it('has a test file for every topic', () => {
    for (const name of files) assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/hover', `${name}.test.ts`)), `test/unit/hover/${name}.test.ts`);
  });
});
