import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitDocuments } from '../../../server/src/model/split';
import { assertSameTrees, newCount } from './differential';

const ROOT = path.resolve(__dirname, '../../../..');
const SKIP = new Set(['node_modules', 'out', 'dist', '.git', '.e2e', '.work', '.peer', '.vscode-test']);

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out;
}

describe('CST trees agree with Document trees: the repository corpus', () => {
  it('every YAML file in the repository, whole and split into documents as the analysis splits it', () => {
    const files = yamlFiles(ROOT);
    assert.ok(files.length >= 50, `found only ${files.length} YAML files under ${ROOT}`);
    const whole = newCount();
    const chunks = newCount();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const label = path.relative(ROOT, file);
      assertSameTrees(text, label, whole);
      for (const chunk of splitDocuments(text)) assertSameTrees(chunk.text, `${label} @${chunk.start}`, chunks);
    }
    // The CST path must really be taken (a builder that always fell back would pass the check above).
    assert.ok(whole.cst >= files.length * 0.8, `CST path taken for ${whole.cst} of ${files.length} files`);
    assert.ok(chunks.cst >= (chunks.cst + chunks.document) * 0.8, `CST path taken for ${chunks.cst} of ${chunks.cst + chunks.document} documents`);
  });
});
