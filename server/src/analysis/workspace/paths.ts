/**
 * Paths inside the index: '/'-separated keys (the adapters give file system paths; backslashes are
 * read as '/'). Pure string work, so that kustomization `resources` resolve without the file system.
 */
export function normalizePath(p: string): string {
  const abs = p.replace(/\\/g, '/');
  const lead = abs.match(/^(?:[A-Za-z]:)?\/*/)![0];
  const out: string[] = [];
  for (const seg of abs.slice(lead.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!lead) out.push('..'); continue; }
    out.push(seg);
  }
  return (lead ? lead.replace(/\/+$/, '/') : '') + out.join('/');
}

export function dirname(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
}

export function joinPath(dir: string, rel: string): string {
  return normalizePath(rel.startsWith('/') ? rel : `${dir}/${rel}`);
}
