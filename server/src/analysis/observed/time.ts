/**
 * Times in an observed pod: metav1.Time is RFC 3339 in UTC with second precision ("2026-12-04T10:20:40Z",
 * k8s.io/apimachinery/pkg/apis/meta/v1 time.go MarshalJSON); metav1.MicroTime adds microseconds. Go
 * durations as the kubelet prints them in messages (time.Duration.String: "10s", "2m40s", "5m0s").
 * Everything is milliseconds since the epoch (times) or seconds (durations); bad text gives undefined.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an RFC 3339 time, or undefined when it is not one (or out of range). */
export function parseTime(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Date.parse(text.trim().toUpperCase());
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse rolls 2026-02-31 over to March: reject dates that do not exist.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms;
}

/** ISO-8601 in UTC, without milliseconds when there are none ("2026-12-04T10:23:20Z"). */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds for a Go duration ("2m40s", "1h0m0s", "300ms"), or undefined. */
export function parseGoDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  if (!/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNITS[m[2]!]!;
  return Number.isFinite(total) ? total : undefined;
}

/** Seconds as Go prints a time.Duration of whole seconds: "0s", "10s", "2m40s", "5m0s", "1h0m0s". */
export function formatGoDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const neg = seconds < 0;
  let s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const body = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  return neg ? `-${body}` : body;
}
