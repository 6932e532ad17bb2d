// Quantities: the facts of Kubernetes' own test tables (test/fixtures/quantity-cases.json, extracted
// from apimachinery's quantity_test.go for 1.37) plus the YAML-to-API-server path kubectl takes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  addQuantities, compareQuantities, decimalText, formatQuantity, goTrimSpace, maxQuantity, parseQuantity,
  parseQuantityResult, quantityMilliValue, quantityText, quantityValue, roundUpQuantity, subtractQuantities,
} from '../../server/src/model/quantity';
import type { Quantity, QuantityFormat } from '../../server/src/model/quantity';

interface Cases {
  parse: { input: string; mantissa: string; exponent: number; format: QuantityFormat }[];
  invalid: string[];
  string: { mantissa: string; exponent: number; format: QuantityFormat; expect: string; alternate: string }[];
  parseEmit: { input: string; expect: string }[];
  roundUp: { input: string; scale: number; mantissa: string; exponent: number; exact: boolean }[];
  canonical: { input: string; expect: string }[];
  cmp: { x: string; y: string; expect: number }[];
}
const cases = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/quantity-cases.json'), 'utf8')) as Cases;

const q = (mantissa: string | bigint | number, exponent: number, format: QuantityFormat): Quantity => ({ mantissa: BigInt(mantissa), exponent, format });
const parsed = (s: string): Quantity => {
  const r = parseQuantity(s);
  assert.ok(r, `${s} should parse`);
  return r;
};
const neg = (x: Quantity): Quantity => ({ mantissa: -x.mantissa, exponent: x.exponent, format: x.format });

describe('quantity parsing (TestQuantityParse)', () => {
  it('has the cases', () => assert.ok(cases.parse.length > 90));
  for (const c of cases.parse) {
    it(`${c.input} = ${c.mantissa}e${c.exponent} ${c.format}`, () => {
      for (const prefix of ['', '+', '-']) {
        const got = parsed(prefix + c.input);
        const want = q(c.mantissa, c.exponent, c.format);
        assert.equal(compareQuantities(got, prefix === '-' ? neg(want) : want), 0, `${prefix}${c.input}: ${formatQuantity(got)}`);
        assert.equal(got.format, c.format, `${prefix}${c.input} format`);
      }
    });
  }
  it('rejects what Kubernetes rejects, with its reason', () => {
    assert.equal(parseQuantityResult('').error, 'format');
    for (const s of cases.invalid) assert.equal(parseQuantity(s), undefined, s);
    assert.equal(parseQuantityResult('1.1.M').error, 'format');
    assert.equal(parseQuantityResult('0.1mi').error, 'suffix');
    assert.equal(parseQuantityResult('2 cores').error, 'format');
    assert.equal(parseQuantityResult('1K').error, 'suffix');
    assert.equal(parseQuantityResult('1e').error, 'suffix');
  });
  it('keeps the low 32 bits of an exponent, as the int32 conversion in Go does', () => {
    assert.equal(compareQuantities(parsed('1e4294967297'), parsed('10')), 0);
    assert.equal(parseQuantityResult('1e9223372036854775808').error, 'suffix');
  });
  it('refuses exponents beyond its own exact-arithmetic bound instead of exploding', () => {
    assert.equal(parseQuantityResult('1e2147483647').error, 'range');
    const big = parsed('1e400');
    assert.equal(formatQuantity(big), '10e399');
    assert.equal(compareQuantities(big, parsed('99999999999999999999Ei')), 1);
  });
  it('caps BinarySI at 2^63-1', () => {
    assert.equal(formatQuantity(parsed('99999999999999999999Ei')), '9223372036854775807');
  });
});

describe('quantity strings (TestQuantityString, TestQuantityParseEmit, TestParseQuantity)', () => {
  for (const c of cases.string) {
    it(`${c.mantissa}e${c.exponent} ${c.format} -> ${c.expect}`, () => {
      const value = q(c.mantissa, c.exponent, c.format);
      assert.equal(formatQuantity(value), c.expect);
      if (c.mantissa !== '0') assert.equal(formatQuantity(neg(value)), `-${c.expect}`);
      // canonical input keeps its text; the alternate spelling is canonicalised.
      assert.equal(parsed(c.expect).text, c.expect);
      if (c.alternate) {
        assert.equal(parsed(c.alternate).text, undefined, c.alternate);
        assert.equal(formatQuantity(parsed(c.alternate)), c.expect);
      }
    });
  }
  for (const c of [...cases.parseEmit, ...cases.canonical]) {
    it(`${c.input} prints as ${c.expect}`, () => assert.equal(formatQuantity(parsed(c.input)), c.expect));
  }
  it('prints negatives of ParseEmit cases with a sign', () => {
    for (const c of cases.parseEmit) assert.equal(formatQuantity(parsed(`-${c.input}`)), `-${c.expect}`);
  });
  it('keeps non-canonical but kept text exactly as Go does', () => {
    assert.equal(formatQuantity(parsed('+1500m')), '+1500m');
    assert.equal(formatQuantity(parsed('0100m')), '0100m');
    assert.equal(formatQuantity(parsed('1.5Gi')), '1536Mi');
    assert.equal(formatQuantity(parsed('1.5e3')), '1500');
    assert.equal(formatQuantity(parsed('1000E')), '1'); // 1.37 has no DecimalSI suffix above E
  });
});

describe('quantity arithmetic', () => {
  it('compares (TestQuantityCmp)', () => {
    for (const c of cases.cmp) assert.equal(compareQuantities(parsed(c.x), parsed(c.y)), c.expect, `${c.x} vs ${c.y}`);
  });
  it('adds with the first non-zero format (TestAdd, TestQuantityAddZeroPreservesSuffix)', () => {
    assert.equal(compareQuantities(addQuantities(q(10, 0, 'DecimalSI'), q(1, 1, 'DecimalSI')), q(20, 0, 'DecimalSI')), 0);
    assert.equal(addQuantities(q(10, 0, 'DecimalSI'), q(1, 0, 'BinarySI')).format, 'DecimalSI');
    assert.equal(addQuantities(q(10, 0, 'BinarySI'), q(1, 0, 'DecimalSI')).format, 'BinarySI');
    for (const s of ['100m', '1Gi']) {
      assert.equal(formatQuantity(addQuantities(parsed(s), parsed('0'))), s);
      assert.equal(formatQuantity(addQuantities(parsed('0'), parsed(s))), s);
    }
    assert.equal(formatQuantity(addQuantities(parsed('100Mi'), parsed('1G'))), '1104857600');
    assert.equal(formatQuantity(addQuantities(parsed('100m'), parsed('1'))), '1100m');
    assert.equal(formatQuantity(addQuantities(parsed('512Mi'), parsed('512Mi'))), '1Gi');
  });
  it('subtracts (TestSub)', () => {
    assert.equal(compareQuantities(subtractQuantities(q(10, 0, 'DecimalSI'), q(1, 1, 'DecimalSI')), q(0, 0, 'DecimalSI')), 0);
    assert.equal(subtractQuantities(q(10, 0, 'BinarySI'), q(1, 0, 'DecimalSI')).format, 'BinarySI');
    assert.equal(formatQuantity(subtractQuantities(parsed('0'), parsed('1Gi'))), '-1Gi');
  });
  it('max keeps the existing value on a tie', () => {
    const a = parsed('1000m');
    const b = parsed('1');
    assert.equal(maxQuantity(a, b), a);
    assert.equal(maxQuantity(b, parsed('2')).text, '2');
  });
  it('rounds up away from zero (TestQuantityRoundUp)', () => {
    for (const c of cases.roundUp) {
      const got = roundUpQuantity(parsed(c.input), c.scale);
      assert.equal(compareQuantities(got, q(c.mantissa, c.exponent, 'DecimalSI')), 0, `${c.input} @${c.scale}`);
    }
    assert.equal(formatQuantity(roundUpQuantity(parsed('1n'), -3)), '1m');
    assert.equal(roundUpQuantity(parsed('100m'), -3).text, '100m'); // already milli: text kept
  });
  it('milli and unit values round up', () => {
    assert.equal(quantityMilliValue(parsed('1n')), 1n);
    assert.equal(quantityMilliValue(parsed('1.5')), 1500n);
    assert.equal(quantityValue(parsed('1001m')), 2n);
    assert.equal(quantityValue(parsed('-1001m')), -2n);
  });
  it('writes exact decimals for explanations', () => {
    assert.equal(decimalText(parsed('1500m')), '1.5');
    assert.equal(decimalText(parsed('1Gi')), '1073741824');
    assert.equal(decimalText(parsed('-5n')), '-0.000000005');
  });
});

describe('YAML values as the API server receives them', () => {
  const text = (source: string, value: unknown = source, quoted = false) => quantityText(value, source, quoted);
  it('trims quoted strings with Go whitespace rules (TestJSONWhitespace)', () => {
    assert.equal(text(' 1', ' 1', true), '1');
    assert.equal(text('1 ', '1 ', true), '1');
    assert.equal(goTrimSpace('\uFEFF1'), '\uFEFF1');
  });
  it('encodes plain numbers the way kubectl does (YAML 1.1 via go-yaml, then JSON)', () => {
    assert.equal(text('0.5', 0.5), '0.5');
    assert.equal(text('1073741824', 1073741824), '1073741824');
    assert.equal(text('1e3', '1e3'), '1000'); // a float for go-yaml: DecimalSI 1k, not DecimalExponent
    assert.equal(text('010', 8), '8'); // YAML 1.1 octal
    assert.equal(text('0x10', 16), '16');
    assert.equal(text('1_000', 1000), '1000');
    assert.equal(text('9007199254740993', 9007199254740992), '9007199254740993'); // ints keep every digit
    assert.equal(text('99999999999999999999', 1e20), '100000000000000000000'); // beyond uint64: float64
    assert.equal(text('1.0', 1), '1');
    assert.equal(text('500m', '500m'), '500m');
  });
  it('treats null as a present zero and booleans as unparsable text', () => {
    assert.equal(text('', null), null);
    assert.equal(text('yes', true), 'true');
    assert.equal(parseQuantity('true'), undefined);
  });
  it('canonical results of plain YAML numbers', () => {
    assert.equal(formatQuantity(parsed(text('0.5', 0.5)!)), '500m');
    assert.equal(formatQuantity(parsed(text('1e3')!)), '1k');
    assert.equal(formatQuantity(parsed('1e3')), '1e3');
  });
});

describe('integers beyond int64 through kubectl (issue 13, conformance cause 12)', () => {
  it('arrive as float64 (k8s.io/apimachinery/pkg/util/json convertNumber in kubectl\'s unstructured round trip)', () => {
    // memory: 9223372036854775808 (2^63, unquoted): the reference's PodRequests/PodLimits give 9223372036854776k.
    const t = quantityText(9223372036854775808, '9223372036854775808', false)!;
    assert.equal(t, '9223372036854776000');
    assert.equal(formatQuantity(parseQuantity(t)!), '9223372036854776k');
    // int64 values stay exact.
    assert.equal(quantityText(9223372036854775807, '9223372036854775807', false), '9223372036854775807');
  });
});
