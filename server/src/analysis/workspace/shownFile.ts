/**
 * A file as a workspace finding names it: relative to the directory of the file the finding is in
 * (`web.yaml`, `../apps/web.yaml`), so the reader finds it next to what they are looking at. Works on paths
 * and URIs alike ('/' separated); a file on another root (another scheme or drive) is shown whole.
 */
export function shownFile(from: string, to: string): string {
  const a = from.replace(/\\/g, '/').split('/');
  const b = to.replace(/\\/g, '/').split('/');
  a.pop();
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  if (common === 0 || (common === 1 && a[0] === '')) return to;
  const up = a.length - common;
  return [...Array<string>(up).fill('..'), ...b.slice(common)].join('/');
}
