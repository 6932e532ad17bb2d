/**
 * Go's float64 conversions and `%f` as the LimitRanger plugin uses them: float64(int64) rounds to nearest
 * (ties to even), as JavaScript's Number(bigint) does; `%f` prints the exact binary value rounded to six
 * decimals with ties to even (JavaScript's toFixed picks the larger on a tie: 1.0078125 -> "1.007813",
 * where Go prints "1.007812").
 */

/** fmt.Sprintf("%f", x) for a finite x. */
export function goFixed6(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const neg = x < 0 || Object.is(x, -0);
  const { num, den } = exactRational(Math.abs(x));
  const scaled = num * 1_000_000n;
  let q = scaled / den;
  const r = scaled % den;
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(7, '0');
  const text = `${digits.slice(0, -6)}.${digits.slice(-6)}`;
  return neg ? `-${text}` : text;
}

/** x = num / den exactly (x ≥ 0, finite). */
function exactRational(x: number): { num: bigint; den: bigint } {
  if (x === 0) return { num: 0n, den: 1n };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else { mant |= 1n << 52n; e = exp - 1075; }
  return e >= 0 ? { num: mant << BigInt(e), den: 1n } : { num: mant, den: 1n << BigInt(-e) };
}
