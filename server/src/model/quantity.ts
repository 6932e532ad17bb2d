/**
 * Kubernetes resource quantities with the semantics of k8s.io/apimachinery/pkg/api/resource
 * (Quantity, as of Kubernetes 1.37): the same grammar, the same rounding (up to 1n on parse, away
 * from zero), the same formats (DecimalSI, BinarySI, DecimalExponent) and the same canonical
 * strings, including Go's habit of keeping the text as written when it was already canonical.
 * Exact arithmetic only: a value is a bigint mantissa times a power of ten. No floating point.
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value = mantissa × 10^exponent */
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /**
   * The string Go keeps from parsing (`Quantity.s`): set only when the input was already in canonical
   * form, and dropped by arithmetic. `formatQuantity` returns it as is.
   */
  readonly text?: string;
}

export type QuantityError = 'format' | 'numeric' | 'suffix' | 'range';

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** The API server's own words for each parse failure (resource.ErrFormatWrong, ErrNumeric, ErrSuffix). */
export const QUANTITY_ERROR_MESSAGES: Readonly<Record<QuantityError, string>> = {
  format: `quantities must match the regular expression '${QUANTITY_REGEX}'`,
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
  range: 'the exponent is too large for exact arithmetic',
};

/**
 * Pod Lens' own limit, not Kubernetes': values beyond 10^±MAX_EXPONENT are not computed with (the
 * alignment of two such values would need gigantic integers). Kubernetes itself would accept them.
 */
export const MAX_EXPONENT = 10_000;

const INT64_MAX = (1n << 63n) - 1n;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const UINT32 = 2n ** 32n;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_LETTERS = 'eEinumkKMGTP';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

interface Scanned {
  readonly positive: boolean;
  /** The number as written, sign included, suffix excluded. */
  readonly value: string;
  /** Integer digits without leading zeros ("0" when there are none). */
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

/** The scanner of parseQuantityString: a sign, digits, an optional fraction, then a suffix. */
function scan(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') { positive = false; pos++; } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { positive, value: str, num: str.slice(numStart), denom: '', suffix: '' };
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return { positive, value: str, num, denom, suffix: '' };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_LETTERS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

interface Suffix { readonly base: 2 | 10; readonly exponent: number; readonly format: QuantityFormat }

function interpretSuffix(s: string): Suffix | undefined {
  const dec = DECIMAL_SUFFIXES[s];
  if (dec !== undefined && Object.hasOwn(DECIMAL_SUFFIXES, s)) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[s];
  if (bin !== undefined && Object.hasOwn(BINARY_SUFFIXES, s)) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    // strconv.ParseInt(s[1:], 10, 64), then int32(...): Go keeps the low 32 bits.
    const digits = s.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) return undefined;
    const parsed = BigInt(digits);
    if (parsed > INT64_MAX || parsed < -INT64_MAX - 1n) return undefined;
    let wrapped = ((parsed % UINT32) + UINT32) % UINT32;
    if (wrapped > INT32_MAX) wrapped -= UINT32;
    if (wrapped < INT32_MIN) wrapped += UINT32;
    return { base: 10, exponent: Number(wrapped), format: 'DecimalExponent' };
  }
  return undefined;
}

export type ParseResult = { readonly quantity: Quantity; readonly error?: undefined } | { readonly quantity?: undefined; readonly error: QuantityError };

/** resource.ParseQuantity. The text must already be trimmed the way the API server trims it (see quantityText). */
export function parseQuantityResult(str: string): ParseResult {
  if (str.length === 0) return { error: 'format' };
  if (str === '0') return { quantity: { mantissa: 0n, exponent: 0, format: 'DecimalSI', text: '0' } };
  const s = scan(str);
  if (!s) return { error: 'format' };
  const suffix = interpretSuffix(s.suffix);
  if (!suffix) return { error: 'suffix' };
  if (suffix.base === 10 && Math.abs(suffix.exponent) > MAX_EXPONENT) return { error: 'range' };
  const fast = fastPath(str, s, suffix);
  if (fast) return { quantity: fast };
  return slowPath(s, suffix);
}

export function parseQuantity(str: string): Quantity | undefined {
  return parseQuantityResult(str).quantity;
}

/** The int64 path of ParseQuantity: small enough numbers at a scale of 1n or coarser. */
function fastPath(str: string, s: Scanned, suffix: Suffix): Quantity | undefined {
  let precision: number;
  let scale = 0;
  let multiplier = 1n;
  if (suffix.format === 'BinarySI') {
    if (s.denom !== '') return undefined;
    multiplier = 1n << BigInt(suffix.exponent);
    precision = 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
  } else {
    scale = suffix.exponent;
    precision = 18 - (s.num.length + s.denom.length);
  }
  if (precision < 0) return undefined;
  scale -= s.denom.length;
  if (scale < -9) return undefined;
  const shifted = s.num + s.denom;
  const value = BigInt(shifted);
  let result = value * multiplier;
  if (result > INT64_MAX) return undefined;
  if (!s.positive) result = -result;
  const canonical = suffix.format === 'BinarySI'
    ? (value & 7n) !== 0n
    : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return canonical
    ? { mantissa: result, exponent: scale, format: suffix.format, text: str }
    : { mantissa: result, exponent: scale, format: suffix.format };
}

/** The inf.Dec path: any size, rounded up to 1n, BinarySI capped at 2^63-1. */
function slowPath(s: Scanned, suffix: Suffix): ParseResult {
  const body = s.value.replace(/^[+-]/, '');
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  if (intPart === '' && fracPart === '') return { error: 'numeric' };
  let mantissa = BigInt((intPart || '0') + fracPart);
  let exponent = -fracPart.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else mantissa *= 1n << BigInt(suffix.exponent);
  let format = suffix.format;
  if (mantissa !== 0n && exponent < -9) {
    const d = pow10(-9 - exponent);
    mantissa = (mantissa + d - 1n) / d; // up, on the magnitude
    exponent = -9;
  }
  if (format === 'BinarySI') {
    if (compareParts(mantissa, exponent, INT64_MAX, 0) > 0) { mantissa = INT64_MAX; exponent = 0; }
    if (mantissa !== 0n && compareParts(mantissa, exponent, 1n, 0) < 0) format = 'DecimalSI';
  }
  if (!s.positive) mantissa = -mantissa;
  return { quantity: { mantissa, exponent, format } };
}

function digitsOf(v: bigint): number {
  return v === 0n ? 0 : abs(v).toString().length;
}

/** Exact comparison of a·10^ea and b·10^eb, settling by magnitude first so huge exponents stay cheap. */
function compareParts(a: bigint, ea: number, b: bigint, eb: number): -1 | 0 | 1 {
  const sa = a === 0n ? 0 : a > 0n ? 1 : -1;
  const sb = b === 0n ? 0 : b > 0n ? 1 : -1;
  if (sa !== sb) return sa > sb ? 1 : -1;
  if (sa === 0) return 0;
  const ma = digitsOf(a) + ea;
  const mb = digitsOf(b) + eb;
  if (ma !== mb) return (ma > mb ? sa : -sa) as -1 | 1;
  const e = Math.min(ea, eb);
  const x = a * pow10(ea - e);
  const y = b * pow10(eb - e);
  return x === y ? 0 : x > y ? 1 : -1;
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return compareParts(a.mantissa, a.exponent, b.mantissa, b.exponent);
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.mantissa === 0n ? 0 : q.mantissa > 0n ? 1 : -1;
}

export function isZero(q: Quantity): boolean {
  return q.mantissa === 0n;
}

export function zeroQuantity(format: QuantityFormat): Quantity {
  return { mantissa: 0n, exponent: 0, format };
}

/** Quantity.Add: the sum takes `a`'s format, or `b`'s when `a` is zero; the kept text is dropped. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const format = a.mantissa === 0n ? b.format : a.format;
  if (b.mantissa === 0n) return { mantissa: a.mantissa, exponent: a.exponent, format };
  if (a.mantissa === 0n) return { mantissa: b.mantissa, exponent: b.exponent, format };
  const e = Math.min(a.exponent, b.exponent);
  return { mantissa: a.mantissa * pow10(a.exponent - e) + b.mantissa * pow10(b.exponent - e), exponent: e, format };
}

/** Quantity.Sub, with the same format rule as Add. */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return addQuantities(a, { mantissa: -b.mantissa, exponent: b.exponent, format: b.format });
}

/** The larger value; on a tie the first one (maxResourceList keeps what it has). */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(b, a) > 0 ? b : a;
}

/** Rounds a·10^e to a multiple of 10^scale, away from zero. */
function roundAway(mantissa: bigint, exponent: number, scale: number): { mantissa: bigint; exact: boolean } {
  if (exponent >= scale) return { mantissa: mantissa * pow10(exponent - scale), exact: true };
  const d = pow10(scale - exponent);
  const q = mantissa / d;
  const exact = q * d === mantissa;
  return { mantissa: exact ? q : mantissa > 0n ? q + 1n : q - 1n, exact };
}

/**
 * Quantity.RoundUp(scale): the value rounded away from zero to a multiple of 10^scale. A value that
 * is already that coarse is returned unchanged, text included, as Go does.
 */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  if (q.exponent >= scale) return q;
  const r = roundAway(q.mantissa, q.exponent, scale);
  return { mantissa: r.mantissa, exponent: scale, format: q.format };
}

/** ScaledValue: ceil(q / 10^scale) away from zero, as a bigint (Go would saturate at int64). */
export function scaledValue(q: Quantity, scale: number): bigint {
  return roundAway(q.mantissa, q.exponent, scale).mantissa;
}

export function quantityMilliValue(q: Quantity): bigint {
  return scaledValue(q, -3);
}

export function quantityValue(q: Quantity): bigint {
  return scaledValue(q, 0);
}

/** Moves factors of ten into the exponent, then lowers the exponent to a multiple of three. */
function canonicalDecimal(mantissa: bigint, exponent: number): { mantissa: bigint; exponent: number } {
  let m = mantissa;
  let e = exponent;
  while (m % 10n === 0n) { m /= 10n; e++; }
  while (e % 3 !== 0) { m *= 10n; e--; }
  return { mantissa: m, exponent: e };
}

/** Quantity.String(): the kept text, or the canonical form (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    const small = compareParts(abs(q.mantissa), q.exponent, 1024n, 0) < 0;
    const r = roundAway(q.mantissa, q.exponent, 0);
    if (small || !r.exact) format = 'DecimalSI';
    else integer = r.mantissa;
  }
  if (format === 'BinarySI' && integer !== undefined) {
    let m = integer;
    let times = 0;
    while (abs(m) >= 1024n && m % 1024n === 0n) { m /= 1024n; times++; }
    return `${m}${BINARY_BY_EXPONENT.get(times * 10) ?? ''}`;
  }
  const c = canonicalDecimal(q.mantissa, q.exponent);
  // Kubernetes 1.37 prints no suffix when DecimalSI has none for the exponent (above E): "1000E" -> "1".
  const suffix = format === 'DecimalSI' ? DECIMAL_BY_EXPONENT.get(c.exponent) ?? '' : c.exponent === 0 ? '' : `e${c.exponent}`;
  return `${c.mantissa}${suffix}`;
}

/**
 * The quantity as a component reads it back after the API server stored it: every object is written
 * out with Quantity.String() (JSON or protobuf) and parsed again. The value can change format on the
 * way (BinarySI 8Ei is capped at 2^63-1 on parse, stored as "9223372036854775807" and read back as
 * DecimalSI) and, where String() drops a suffix Kubernetes has none for, its value.
 */
export function storedQuantity(q: Quantity): Quantity {
  return parseQuantity(formatQuantity(q)) ?? q;
}

/** Exact decimal text of a quantity's value (for explanations, not Kubernetes output): 1.5, 1073741824. */
export function decimalText(q: Quantity): string {
  const neg = q.mantissa < 0n;
  const digits = abs(q.mantissa).toString();
  let out: string;
  if (q.exponent >= 0) out = q.mantissa === 0n ? '0' : digits + '0'.repeat(q.exponent);
  else {
    const k = -q.exponent;
    const padded = digits.padStart(k + 1, '0');
    out = `${padded.slice(0, padded.length - k)}.${padded.slice(padded.length - k)}`.replace(/\.?0+$/, '');
  }
  return neg && out !== '0' ? `-${out}` : out;
}

// ---- YAML values -> the text the API server parses ----

/** Go's unicode.IsSpace set (strings.TrimSpace); unlike String.prototype.trim it keeps U+FEFF. */
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && GO_SPACE.includes(s[a]!)) a++;
  while (b > a && GO_SPACE.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

const YAML11_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * A plain YAML number as kubectl sends it: sigs.k8s.io/yaml decodes YAML 1.1 (go-yaml v2: `_`
 * separators, 0x/0o/0b and leading-zero octal ints), then encodes JSON. Ints keep every digit;
 * floats go through float64, and Go's JSON encoding of a float64 matches JavaScript's shortest
 * round-trip form (both switch to exponents below 1e-6 and from 1e21).
 */
export function yamlNumberText(source: string): string | undefined {
  const plain = source.replace(/_/g, '');
  const int = goParseIntBase0(plain);
  // kubectl decodes the body into unstructured objects, where a number that does not fit an int64 becomes a
  // float64 (k8s.io/apimachinery/pkg/util/json convertNumber), and encodes it again: 2^63 arrives as
  // 9223372036854776000 (Go's shortest float64 form, as JavaScript prints it).
  if (int !== undefined) return int > INT64_MAX ? String(Number(int)) : int.toString();
  if (YAML11_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return Object.is(f, -0) ? '-0' : String(f);
  }
  return undefined;
}

/** strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64), as go-yaml v2 tries them. */
function goParseIntBase0(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const neg = m[1] === '-';
  const body = m[2]!;
  let v: bigint;
  if (/^0[xXoObB]/.test(body)) v = BigInt(body.toLowerCase());
  else if (body.length > 1 && body[0] === '0') v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (neg) v = -v;
  if (v >= -INT64_MAX - 1n && v <= INT64_MAX) return v;
  if (!neg && m[1] === '' && v < 1n << 64n) return v;
  return undefined;
}

/**
 * The string ParseQuantity receives for a YAML scalar: quoted strings as written, trimmed (UnmarshalJSON
 * trims); plain numbers as kubectl encodes them; `null` means the key is present with a zero value
 * (UnmarshalJSON of null). Booleans arrive as `true`/`false` and do not parse. Undefined: not a scalar.
 */
export function quantityText(value: unknown, source: string, quoted: boolean): string | null | undefined {
  if (quoted) return goTrimSpace(typeof value === 'string' ? value : source);
  if (value === null) return null;
  // go-yaml v2 resolves plain scalars that start like a number with its own rules, which are wider
  // than YAML 1.1's (`1e3` is a float there and reaches the API server as 1000).
  if (/^[-+0-9.]/.test(source)) {
    const n = yamlNumberText(source);
    if (n !== undefined) return n;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return goTrimSpace(value);
  if (typeof value === 'number') return source;
  return undefined;
}

/** The zero value UnmarshalJSON leaves for `null`. */
export const NULL_QUANTITY: Quantity = { mantissa: 0n, exponent: 0, format: 'DecimalSI' };
