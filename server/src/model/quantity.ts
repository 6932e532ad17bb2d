// TEMPORARY stand-in so the tree compiles while the exact port is finished (it replaces this file).
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
export interface Quantity { readonly nanos: bigint; readonly format: QuantityFormat }
const BIN: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
export function parseQuantity(text: string): Quantity | undefined {
  const m = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/.exec(text.trim());
  if (!m || text.trim() !== text) return undefined;
  const [, sgn, num, suf = ''] = m;
  const [ip, fp = ''] = num!.split('.');
  let scaled = BigInt((ip || '0') + fp.padEnd(9, '0').slice(0, 9)); // nanos of the number
  let format: QuantityFormat = 'DecimalSI';
  if (BIN[suf]) { scaled = scaled * BIN[suf]!; format = 'BinarySI'; }
  else {
    const exp = suf.startsWith('e') || suf.startsWith('E') ? Number(suf.slice(1)) : DEC[suf]!;
    if (suf.startsWith('e') || suf.startsWith('E')) format = 'DecimalExponent';
    if (exp >= 0) scaled *= 10n ** BigInt(exp); else { const d = 10n ** BigInt(-exp); scaled = (scaled + d - 1n) / d; }
  }
  return { nanos: sgn === '-' ? -scaled : scaled, format };
}
export function addQuantities(a: Quantity, b: Quantity): Quantity { return { nanos: a.nanos + b.nanos, format: a.format }; }
export function subtractQuantities(a: Quantity, b: Quantity): Quantity { return { nanos: a.nanos - b.nanos, format: a.format }; }
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 { return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0; }
export function sign(q: Quantity): -1 | 0 | 1 { return q.nanos < 0n ? -1 : q.nanos > 0n ? 1 : 0; }
export function isZero(q: Quantity): boolean { return q.nanos === 0n; }
export function zeroQuantity(format: QuantityFormat): Quantity { return { nanos: 0n, format }; }
export function formatQuantity(q: Quantity): string {
  const neg = q.nanos < 0n; const n = neg ? -q.nanos : q.nanos; const s = neg ? '-' : '';
  if (q.format === 'BinarySI' && n % 1_000_000_000n === 0n) {
    const v = n / 1_000_000_000n;
    for (const suf of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (v % BIN[suf]! === 0n && v !== 0n) return `${s}${v / BIN[suf]!}${suf}`;
    return `${s}${v}`;
  }
  for (const [suf, e] of [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3], ['u', -6], ['n', -9]] as const) {
    const unit = 10n ** BigInt(e + 9);
    if (n % unit === 0n && (n !== 0n || suf === '')) return `${s}${n / unit}${suf}`;
  }
  return `${s}${n}n`;
}
export function quantityText(value: unknown, source: string, quoted: boolean): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return quoted ? String(value) : source;
  return undefined;
}
export function maxQuantity(a: Quantity, b: Quantity): Quantity { return compareQuantities(b, a) > 0 ? b : a; }
export function quantityMilliValue(q: Quantity): bigint { return q.nanos / 1_000_000n; }
export function quantityValue(q: Quantity): bigint { return q.nanos / 1_000_000_000n; }
export function parseQuantityOrError(text: string): { quantity?: Quantity; error?: string } { const q = parseQuantity(text); return q ? { quantity: q } : { error: 'quantities must match the regular expression' }; }
