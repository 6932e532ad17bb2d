// Turns the raw measurements into the targets check and the markdown table.
import { median, ms, ratio, x, mib } from './stats.mjs';

const pick = (r, size) => ({
  floor: r.floor[size],
  pod: r.pod.warm.sizes[size],
  podCold: r.pod.cold[size],
  peer: r.peer?.warm.sizes[size],
  peerCold: r.peer?.cold[size],
});

export function evaluateTargets(r) {
  const size = Math.max(...Object.keys(r.floor).map(Number));
  const { floor, pod, peer } = pick(r, size);
  const F = floor.warmMedian;
  const first = median(pod.firstDiagnostics);
  const peerFirst = peer ? median(peer.firstDiagnostics) : undefined;
  const reqP95 = Math.max(pod.hover.p95, pod.codeLens.p95, pod.codeLensResolve?.p95 ?? 0, pod.analysis.p95);
  const t = [];
  const add = (name, value, goal, ok) => t.push({ name, value, goal, ok });
  add('first diagnostics vs floor', x(ratio(first, F)), '≤ 1.3× floor', first <= 1.3 * F);
  if (peer) add('first diagnostics vs peer', `${x(ratio(peerFirst, first))} faster`, '≥ 2.5× faster', peerFirst / first >= 2.5);
  add('edit→diagnostics p95 vs floor (debounce included)', x(ratio(pod.edit.p95, F)), '≤ 0.25× floor', pod.edit.p95 <= 0.25 * F);
  if (peer) add('edit→diagnostics p95 vs peer', `${x(ratio(peer.edit.p95, pod.edit.p95))} faster`, '≥ 10× faster', peer.edit.p95 / pod.edit.p95 >= 10);
  add('hover/codeLens/analysis p95 vs floor', `${x(ratio(reqP95, F))} (worst ${ms(reqP95)})`, '≤ 0.02× floor', reqP95 <= 0.02 * F);
  if (peer) add('hover/codeLens/analysis p95 vs peer hover p95', `${ms(reqP95)} vs ${ms(peer.hover.p95)}`, '≤ peer hover p95', reqP95 <= peer.hover.p95);
  if (r.peer) add('peak RSS vs peer', `${mib(r.pod.warm.peakRss)} vs ${mib(r.peer.warm.peakRss)} (${x(ratio(r.pod.warm.peakRss, r.peer.warm.peakRss))})`, '≤ 0.5× peer', r.pod.warm.peakRss <= 0.5 * r.peer.warm.peakRss);
  add('debounced: 5 keystrokes 15 ms apart', `${pod.burst.publishes} publish(es)`, '1 (stale work dropped)', pod.burst.publishes === 1);
  return { size, list: t };
}

function row(cells) { return `| ${cells.join(' | ')} |`; }

function sizeTable(r, size) {
  const { floor, pod, podCold, peer, peerCold } = pick(r, size);
  const F = floor.warmMedian;
  const lines = [
    row(['metric', 'Pod Lens', 'floor', 'peer', 'Pod Lens / floor', 'peer / Pod Lens']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
  ];
  const first = median(pod.firstDiagnostics);
  const peerFirst = peer && median(peer.firstDiagnostics);
  lines.push(row(['open → first diagnostics (median)', ms(first), ms(F), ms(peerFirst), x(ratio(first, F)), x(ratio(peerFirst, first))]));
  lines.push(row(['cold: process start → first diagnostics', ms(podCold.median), ms(floor.coldProcess), ms(peerCold?.median), x(ratio(podCold.median, floor.coldProcess)), x(ratio(peerCold?.median, podCold.median))]));
  for (const p of ['p50', 'p95']) lines.push(row([`keystroke → diagnostics ${p}`, ms(pod.edit[p]), ms(F), ms(peer?.edit[p]), x(ratio(pod.edit[p], F)), x(ratio(peer?.edit[p], pod.edit[p]))]));
  for (const p of ['p50', 'p95', 'p99']) lines.push(row([`hover ${p}`, ms(pod.hover[p]), '', ms(peer?.hover[p]), x(ratio(pod.hover[p], F)), x(ratio(peer?.hover[p], pod.hover[p]))]));
  for (const p of ['p50', 'p95']) lines.push(row([`codeLens ${p}`, ms(pod.codeLens[p]), '', '', x(ratio(pod.codeLens[p], F)), '']));
  if (pod.codeLensResolve) for (const p of ['p50', 'p95']) lines.push(row([`codeLens/resolve ${p}`, ms(pod.codeLensResolve[p]), '', '', x(ratio(pod.codeLensResolve[p], F)), '']));
  for (const p of ['p50', 'p95']) lines.push(row([`podLens/analysis (pod at cursor) ${p}`, ms(pod.analysis[p]), '', '', x(ratio(pod.analysis[p], F)), '']));
  if (pod.analysisWholeFileMs !== undefined) lines.push(row(['podLens/analysis (whole file, once)', ms(pod.analysisWholeFileMs), '', '', x(ratio(pod.analysisWholeFileMs, F)), '']));
  return lines.join('\n');
}

export function renderMarkdown(r) {
  const out = [];
  const m = r.machine;
  out.push(`## Pod Lens benchmark — ${r.date.slice(0, 10)}`, '');
  out.push(`Machine: ${m.nproc} cores, ${m.cpu}, ${m.memGiB} GiB, Node ${m.node}, ${m.platform}. ` +
    `Repetitions ${r.options.reps}, seed ${r.options.seed}, ${r.durationS} s in all.` +
    (m.load1 ? ` Load average (1 min) at start/end: ${m.load1.join(' / ')} (other work on the machine skews every figure).` : ''), '');
  out.push('Floor = `yaml` parseAllDocuments of the whole text (positions kept), warm median of ' +
    `${r.options.floorRuns - 1} runs in one process (cold rows: process start → first parse). ` +
    (r.peer ? `Peer = yaml-language-server ${r.peer.version} validating against an offline Kubernetes 1.27 strict schema (${r.peer.schema.source}, ${r.peer.schema.kinds} kinds). ` : 'Peer not measured (--no-peer). ') +
    'Keystroke → diagnostics includes each server\'s debounce (Pod Lens 50 ms, peer 200 ms).', '');
  for (const w of r.workloads) {
    out.push(`### ${w.lines} lines, ${w.documents} documents (${(w.chars / 1024).toFixed(0)} KiB)`, '');
    out.push(sizeTable(r, w.lines), '');
  }
  const big = r.targets.size;
  out.push(`### Targets (${big} lines)`, '', row(['target', 'measured', 'goal', 'holds']), row(['---', '---', '---', '---']));
  for (const t of r.targets.list) out.push(row([t.name, t.value, t.goal, t.ok ? 'yes' : '**no**']));
  out.push('');
  out.push('### Memory and bundles', '', row(['', 'Pod Lens', 'peer']), row(['---', '---:', '---:']));
  out.push(row(['server peak RSS (VmHWM, all workloads open)', mib(r.pod.warm.peakRss), mib(r.peer?.warm.peakRss)]));
  out.push(row(['client bundle dist/extension.js (as built / minified)', `${mib(r.bundles.client)} / ${mib(r.bundles.clientMinified)}`, '']));
  out.push(row(['server bundle dist/server.js (as built / minified)', `${mib(r.bundles.server)} / ${mib(r.bundles.serverMinified)}`, '']));
  out.push('');
  const sizes = r.workloads.map((w) => w.lines);
  out.push('Sanity: diagnostics published on open — Pod Lens ' + sizes.map((s) => `${s}: ${r.pod.warm.sizes[s].diagnosticsCount}`).join(', ') +
    (r.peer ? '; peer ' + sizes.map((s) => `${s}: ${r.peer.warm.sizes[s].diagnosticsCount}`).join(', ') : '') +
    '. Hovers answered — Pod Lens ' + sizes.map((s) => `${r.pod.warm.sizes[s].hover.hits}/${r.pod.warm.sizes[s].hover.n}`).join(', ') +
    (r.peer ? '; peer ' + sizes.map((s) => `${r.peer.warm.sizes[s].hover.hits}/${r.peer.warm.sizes[s].hover.n}`).join(', ') : '') + '.' +
    (r.peer ? ` Peer probe: ${r.peer.warm.probe.messages.join(' / ')}` : ''), '');
  return out.join('\n');
}
