/**
 * Go's `%f` for a float64 (fmt -> strconv.FormatFloat(x, 'f', 6, 64)): six decimals of the exact binary value,
 * a tie rounded to even. JavaScript's toFixed rounds a tie up, so 129/128 (1.0078125) would print 1.007813 where Go
 * prints 1.007812; this works on the exact value instead.
 */
export function formatGoFloat(x: number, decimals = 6): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  const negative = x < 0 || Object.is(x, -0);
  const { mantissa, exponent } = exactParts(Math.abs(x));
  // value = mantissa * 2^exponent; scaled = value * 10^decimals as a fraction num/den.
  let num = mantissa * 10n ** BigInt(decimals);
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  return negative ? `-${text}` : text;
}

/** x = mantissa * 2^exponent exactly (x finite, >= 0). */
function exactParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
