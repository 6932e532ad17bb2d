/**
 * LifecycleTimeline -> a self-contained SVG (and an HTML page around it) for `pod-lens simulate`.
 * Pure string building on top of layout.ts; every YAML-derived string is XML-escaped, and nothing
 * refers to an external resource (no href, no font, no script).
 */
import * as l10n from '@vscode/l10n';
import { probeName } from '../analysis/lifecycle/messages';
import { SCENARIOS } from '../analysis/lifecycle/scenarios/index';
import type { LifecycleTimeline, SegmentState } from '../protocol/lifecycle';
import { formatSeconds, layoutTimeline, observedMarkSubject } from './layout';
import { joinClauses } from '../analysis/listWords';
import type { LayoutNames, LayoutObservedMark, LayoutOptions } from './layout';

export const STATE_COLORS: Readonly<Record<SegmentState, string>> = {
  waiting: '#d0d4da', pulling: '#8fb8de', starting: '#f3c969', running: '#7fc8a9', probing: '#b9dfa0',
  ready: '#2e9e5b', terminating: '#e8875c', backoff: '#d9534f', completed: '#9aa5b1', failed: '#a4262c', unknown: '#c8b6e2',
};

const PHASE_COLORS: Readonly<Record<string, string>> = { Pending: '#f3c969', Running: '#2e9e5b', Succeeded: '#9aa5b1', Failed: '#a4262c' };

/** Escapes text for XML/HTML content and attribute values. Lone surrogates and control characters are dropped. */
export function xml(text: unknown): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The preview's words for states and roles (l10n/parts/preview.zh-cn.json), so the CLI's SVG reads like the panel. */
export function stateName(state: SegmentState): string {
  switch (state) {
    case 'waiting': return l10n.t('Waiting');
    case 'pulling': return l10n.t('Pulling image');
    case 'starting': return l10n.t('Starting');
    case 'running': return l10n.t('Running');
    case 'probing': return l10n.t('Running, not ready yet');
    case 'ready': return l10n.t('Ready');
    case 'terminating': return l10n.t('Terminating');
    case 'backoff': return l10n.t('Restart back-off');
    case 'completed': return l10n.t('Completed');
    case 'failed': return l10n.t('Failed');
    case 'unknown': return l10n.t('Unknown (node not reporting)');
    default: return String(state);
  }
}

function roleName(role: string): string {
  switch (role) {
    case 'init': return l10n.t('init');
    case 'sidecar': return l10n.t('sidecar');
    case 'app': return l10n.t('app');
    case 'ephemeral': return l10n.t('ephemeral');
    default: return role;
  }
}

/**
 * A segment's reason: Kubernetes' reasons (CrashLoopBackOff, Completed) stay as they are; the simulator's
 * own "the probe holds it" reasons (lifecycle/containers.ts) are a probe, said in words.
 */
function reasonName(reason: string): string {
  const probe = ({ StartupProbe: 'startup', ReadinessProbe: 'readiness', LivenessProbe: 'liveness' } as const)[reason as 'StartupProbe'];
  return probe ? probeName(probe) : reason;
}

/** "name (role)", "state (reason)": the parentheses follow the language (（）in Chinese). */
const aside = (main: string, extra: string): string => l10n.t('{0} ({1})', main, extra);

const SVG_NAMES: LayoutNames = {
  lane: (container, role) => aside(container, roleName(role)),
  bar: (state, reason) => (reason ? aside(stateName(state), reasonName(reason)) : stateName(state)),
  phase: (phase, terminating) => (terminating ? aside(phase, l10n.t('Terminating')) : phase),
};

function scenarioLabel(kind: string): string {
  return SCENARIOS.find((d) => d.kind === kind)?.label(l10n) ?? kind;
}

const n = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);

export function timelineSvg(t: LifecycleTimeline, options: LayoutOptions = {}): string {
  const L = layoutTimeline(t, { names: SVG_NAMES, ...options });
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(L.width)}" height="${n(L.height)}" viewBox="0 0 ${n(L.width)} ${n(L.height)}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${xml(`${t.pod.kind}/${t.pod.name ?? ''}`)}</title>`);
  out.push(`<rect x="0" y="0" width="${n(L.width)}" height="${n(L.height)}" fill="#ffffff"/>`);
  const pb = L.phaseBand;
  out.push(`<text x="${n(L.plotX - 6)}" y="${n(pb.y + pb.height / 2 + 4)}" text-anchor="end">${xml(l10n.t('Pod phase'))}</text>`);
  for (const p of pb.items) {
    out.push(`<rect x="${n(p.x)}" y="${n(pb.y)}" width="${n(p.w)}" height="${n(pb.height)}" fill="${PHASE_COLORS[p.phase] ?? '#ccc'}"${p.terminating ? ' fill-opacity="0.55" stroke="#a4262c" stroke-dasharray="4 2"' : ''}><title>${xml(p.label)}</title></rect>`);
    if (p.w > 50) out.push(`<text x="${n(p.x + 4)}" y="${n(pb.y + pb.height / 2 + 4)}" fill="#fff">${xml(p.label)}</text>`);
  }
  for (const m of L.podMarkers) {
    out.push(`<line x1="${n(m.x)}" x2="${n(m.x)}" y1="${n(pb.y)}" y2="${n(L.axis.y)}" stroke="#555" stroke-opacity="0.25"><title>${xml(m.label)}</title></line>`);
  }
  if (L.readyX !== null) out.push(`<line x1="${n(L.readyX)}" x2="${n(L.readyX)}" y1="${n(pb.y)}" y2="${n(L.axis.y)}" stroke="#2e9e5b" stroke-width="2"><title>${xml(l10n.t('Ready at {0}', formatSeconds(t.readyAt ?? 0)))}</title></line>`);
  for (const lane of L.lanes) {
    out.push(`<text x="${n(L.plotX - 6)}" y="${n(lane.y + lane.height / 2 + 4)}" text-anchor="end">${xml(lane.label)}</text>`);
    for (const b of lane.bars) {
      out.push(`<rect x="${n(b.x)}" y="${n(lane.y + 3)}" width="${n(Math.max(b.w, 0.5))}" height="${n(lane.height - 6)}" fill="${STATE_COLORS[b.state] ?? '#ccc'}"><title>${xml(b.label)}</title></rect>`);
    }
    for (const m of lane.markers) {
      out.push(`<circle cx="${n(m.x)}" cy="${n(lane.y + lane.height / 2)}" r="2.5" fill="#222"><title>${xml(m.label)}</title></circle>`);
    }
  }
  // An observed pod: its observed times as outlined diamonds (red where they diverge from the prediction).
  const diamond = (m: LayoutObservedMark, y: number) => {
    const what = observedMarkSubject(m);
    const tip = joinClauses([l10n.t('Observed {0} at {1} ({2})', what, formatSeconds(m.at), m.time), m.predicted !== null ? l10n.t('Predicted: {0}', formatSeconds(m.predicted)) : '', m.diverges ? l10n.t('Diverges from the prediction') : ''].filter(Boolean));
    return `<path d="M${n(m.x)} ${n(y - 4)} L${n(m.x + 4)} ${n(y)} L${n(m.x)} ${n(y + 4)} L${n(m.x - 4)} ${n(y)} Z" fill="none" stroke="${m.diverges ? '#a4262c' : '#6b2fbf'}" stroke-width="1.5"><title>${xml(tip)}</title></path>`;
  };
  for (const m of L.podObserved ?? []) out.push(diamond(m, pb.y + pb.height - 4));
  for (const lane of L.lanes) for (const m of lane.observed ?? []) out.push(diamond(m, lane.y + lane.height - 5));
  const ay = L.axis.y;
  out.push(`<line x1="${n(L.plotX)}" x2="${n(L.plotX + L.plotWidth)}" y1="${n(ay)}" y2="${n(ay)}" stroke="#333"/>`);
  for (const tick of L.axis.ticks) {
    // The last label would overflow the right edge when centred on the end of the plot.
    const anchor = tick.x > L.plotX + L.plotWidth - 20 ? 'end' : 'middle';
    out.push(`<line x1="${n(tick.x)}" x2="${n(tick.x)}" y1="${n(ay)}" y2="${n(ay + 4)}" stroke="#333"/><text x="${n(tick.x)}" y="${n(ay + 16)}" text-anchor="${anchor}">${xml(tick.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

export function timelineHtml(t: LifecycleTimeline, options: LayoutOptions = {}): string {
  const title = `${t.pod.kind}/${t.pod.name ?? ''}`;
  const f = t.figures;
  const rows = t.events.map((e) => `<tr><td>${xml(formatSeconds(e.at))}</td><td>${xml(e.container ?? '')}</td><td>${xml(e.message)}</td></tr>`).join('\n');
  const notes = t.notes.map((x) => `<li class="${xml(x.severity)}">${xml(x.message)}</li>`).join('\n');
  const legend = (Object.keys(STATE_COLORS) as SegmentState[]).map((k) => `<span><i style="background:${STATE_COLORS[k]}"></i>${xml(stateName(k))}</span>`).join(' ');
  const figures = [
    [l10n.t('Ready at'), t.readyAt === null ? '—' : formatSeconds(t.readyAt)],
    [l10n.t('Time to Ready (best – worst)'), f.timeToReady ? `${formatSeconds(f.timeToReady.best)} – ${formatSeconds(f.timeToReady.worst)}` : '—'],
    [l10n.t('Worst-case termination'), formatSeconds(f.worstCaseTermination)],
    [l10n.t('QoS class'), f.qosClass],
    ...f.hangToRestart.map((h) => [l10n.t('{0} hang → action ({1})', probeName(h.probe), h.container), `${formatSeconds(h.hangToAction.best)} – ${formatSeconds(h.hangToAction.worst)}`]),
    ...f.startupBudget.map((b) => [l10n.t('Startup budget ({0})', b.container), formatSeconds(b.seconds)]),
  ].map(([k, v]) => `<tr><th>${xml(k)}</th><td>${xml(v)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${xml(title)}</title>
<style>body{font-family:sans-serif;margin:16px;color:#222}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}
.legend span{margin-right:10px}.legend i{display:inline-block;width:10px;height:10px;margin-right:3px}li.warning{color:#a4262c}</style></head>
<body>
<h1>${xml(title)}</h1>
<p>${xml(l10n.t('Scenario: {0}', scenarioLabel(t.scenario.kind)))} · ${xml(l10n.t('restartPolicy: {0}', t.restartPolicy))}</p>
${timelineSvg(t, options)}
<p class="legend">${legend}</p>
<h2>${xml(l10n.t('Key figures'))}</h2>
<table>${figures}</table>
${notes ? `<h2>${xml(l10n.t('Notes'))}</h2><ul>${notes}</ul>` : ''}
<h2>${xml(l10n.t('Events'))}</h2>
<table>${rows}</table>
</body></html>
`;
}
