// Drives one language server the way an editor does and times it. The same sequence runs against
// Pod Lens and the peer, so the figures (and the peak RSS after the sequence) compare like with like.
import { performance } from 'node:perf_hooks';
import { Client } from './lsp.mjs';
import { summary, median } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} ServerSpec
 * @property {string} name
 * @property {string[]} argv
 * @property {(section?: string) => unknown} configuration
 * @property {(c: Client) => Promise<void>} [afterInit]
 * @property {boolean} versioned  publishDiagnostics carries the document version
 * @property {boolean} podLens    has code lenses and podLens/analysis
 */

async function start(spec) {
  const c = new Client(spec.argv, spec.configuration);
  const init = await c.initialize();
  if (spec.afterInit) await spec.afterInit(c);
  return { c, init };
}

/**
 * didOpen -> the first publishDiagnostics (for Pod Lens, the top of a large file), and -> the last
 * one. With `quietMs`, the last is the one no other follows for that long (used to learn how many
 * publishes an open takes); with `publishes`, it is that many-th one, so that timed opens follow
 * each other without an idle gap (an idle server opens more slowly: its heap has shrunk).
 */
async function openAndWait(c, spec, uri, text, { quietMs = 0, publishes = 1, settleMs = 60_000 } = {}) {
  const wait = c.nextDiagnostics(uri, spec.versioned ? 1 : undefined);
  const before = c.published.get(uri) ?? 0;
  const t0 = performance.now();
  await c.open(uri, text);
  const r = await wait;
  let done = r;
  if (quietMs > 0) done = await c.settledDiagnostics(uri, quietMs);
  else if (publishes > 1) {
    // counted, not awaited one by one: a publish may arrive before a waiter for it is registered.
    // An open that publishes fewer times than the probe ends when none follows for `settleMs`.
    // (The times are those of arrival, recorded by the client, so polling does not blur them.)
    while ((c.published.get(uri) ?? 0) - before < publishes && performance.now() - c.lastAt.get(uri) < settleMs) await sleep(2);
    done = { at: c.lastAt.get(uri), diagnostics: c.latest.get(uri).diagnostics };
  }
  return { ms: r.at - t0, completeMs: done.at - t0, first: r.diagnostics.length, diagnostics: done.diagnostics.length, publishes: (c.published.get(uri) ?? 0) - before };
}

async function timed(fn) {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
}

/**
 * One server process, all workloads in turn (all stay open, like files in an editor):
 * first diagnostics (fresh URI per repetition), hovers, code lenses, analysis, keystrokes, a burst.
 */
export async function measureWarm(spec, workloads, opts, log) {
  const { c } = await start(spec);
  const out = { sizes: {} };
  try {
    if (spec.probe) out.probe = await spec.probe(c);
    // Warm-up: one open of the smallest workload (JIT, lazy schema compilation), so that the
    // figures below are those of a server that is already running; cold start is measured apart.
    const warm = `file:///bench/${spec.name}/warmup.yaml`;
    await openAndWait(c, spec, warm, workloads[0].text, { quietMs: workloads[0].quietMs });
    await c.close(warm);
    await sleep(100);
    for (const w of workloads) {
      const s = { firstDiagnostics: [], completeDiagnostics: [], diagnosticsCount: undefined, firstCount: undefined, publishesOnOpen: undefined };
      // An untimed open learns how many publishes an open takes and what the complete set is.
      let uri = `file:///bench/${spec.name}/workload-${w.lines}-probe.yaml`;
      const probe = await openAndWait(c, spec, uri, w.text, { quietMs: w.quietMs });
      s.probe = { publishes: probe.publishes, diagnostics: probe.diagnostics };
      for (let rep = 0; rep < opts.reps; rep++) {
        await c.close(uri); await sleep(20);
        uri = `file:///bench/${spec.name}/workload-${w.lines}-r${rep}.yaml`;
        const r = await openAndWait(c, spec, uri, w.text, { publishes: probe.publishes, settleMs: w.quietMs });
        if (r.diagnostics !== probe.diagnostics) throw new Error(`${spec.name} ${w.lines}: the ${probe.publishes}. publish of an open had ${r.diagnostics} diagnostics, the complete set ${probe.diagnostics}`);
        s.firstDiagnostics.push(r.ms);
        s.completeDiagnostics.push(r.completeMs);
        s.diagnosticsCount = r.diagnostics;
        s.firstCount = r.first;
        s.publishesOnOpen = r.publishes;
      }
      log(`  ${spec.name} ${w.lines} lines: first diagnostics ${s.firstDiagnostics.map((x) => x.toFixed(0)).join(', ')} ms (${s.firstCount} diagnostics), complete ${s.completeDiagnostics.map((x) => x.toFixed(0)).join(', ')} ms (${s.diagnosticsCount} diagnostics, ${s.publishesOnOpen} publishes)`);
      await sleep(300); // let any follow-up work settle before timing requests

      const hovers = w.hoverPositions.slice(0, spec.podLens ? opts.hovers : opts.peerHovers);
      const hoverMs = [];
      let hits = 0;
      for (const position of hovers) {
        const { ms, r } = await timed(() => c.request('textDocument/hover', { textDocument: { uri }, position }));
        hoverMs.push(ms);
        if (r) hits++;
      }
      s.hover = { ...summary(hoverMs), hits };

      if (spec.podLens) {
        // As an editor does: code lenses for the file (ranges only), resolve for the lenses on
        // screen, and podLens/analysis for the pod under the cursor at many positions.
        const lensMs = [];
        const resolveMs = [];
        const analysisMs = [];
        let lenses = 0;
        let pods = 0;
        for (let i = 0; i < opts.requests; i++) {
          const l = await timed(() => c.request('textDocument/codeLens', { textDocument: { uri } }));
          lensMs.push(l.ms); lenses = l.r?.length ?? 0;
          const visible = (l.r ?? []).slice((i * 7) % Math.max(1, lenses - 6), ((i * 7) % Math.max(1, lenses - 6)) + 6);
          for (const lens of visible) {
            const r = await timed(() => c.request('codeLens/resolve', lens));
            resolveMs.push(r.ms);
          }
        }
        for (const position of w.hoverPositions.slice(0, opts.hovers)) {
          const a = await timed(() => c.request('podLens/analysis', { textDocument: { uri }, position }));
          analysisMs.push(a.ms); pods += a.r?.pods?.length ?? 0;
        }
        const whole = await timed(() => c.request('podLens/analysis', { textDocument: { uri } }));
        s.codeLens = { ...summary(lensMs), lenses };
        s.codeLensResolve = summary(resolveMs);
        s.analysis = { ...summary(analysisMs), pods };
        s.analysisWholeFileMs = whole.ms;
      }

      // One keystroke at a time in the middle of the file: type a character, then delete it.
      const editMs = [];
      const edits = spec.podLens ? opts.edits : opts.peerEdits;
      for (let i = 0; i < edits; i++) {
        const e = w.editPositions[Math.floor(i / 2) % w.editPositions.length];
        const insert = i % 2 === 0;
        const range = insert ? { start: e, end: e } : { start: e, end: { line: e.line, character: e.character + 1 } };
        const version = (c.versions.get(uri) ?? 1) + 1;
        const wait = c.nextDiagnostics(uri, spec.versioned ? version : undefined);
        const t0 = performance.now();
        await c.change(uri, range, insert ? 'x' : '');
        const r = await wait;
        editMs.push(r.at - t0);
      }
      if (edits % 2 === 1) { // leave the text as it was
        const e = w.editPositions[Math.floor(edits / 2) % w.editPositions.length];
        const wait = c.nextDiagnostics(uri, undefined);
        await c.change(uri, { start: e, end: { line: e.line, character: e.character + 1 } }, '');
        await wait;
      }
      s.edit = summary(editMs);
      log(`  ${spec.name} ${w.lines} lines: edit->diagnostics p50 ${s.edit.p50?.toFixed(0)} ms, hover p95 ${s.hover.p95?.toFixed(1)} ms`);

      // A burst of keystrokes 15 ms apart: a debounced server validates once, for the last version.
      if (spec.podLens || opts.peerBurst) {
        const before = c.published.get(uri) ?? 0;
        const e = w.editPositions[0];
        let last;
        for (let k = 0; k < 5; k++) {
          last = await c.change(uri, { start: { line: e.line, character: e.character + k }, end: { line: e.line, character: e.character + k } }, 'y');
          if (k < 4) await sleep(15);
        }
        const t0 = performance.now();
        const r = await c.nextDiagnostics(uri, spec.versioned ? last : undefined);
        const afterLast = r.at - t0;
        await sleep(400);
        s.burst = { keystrokes: 5, publishes: (c.published.get(uri) ?? 0) - before, lastToDiagnosticsMs: afterLast };
        const wait = c.nextDiagnostics(uri, undefined);
        await c.change(uri, { start: e, end: { line: e.line, character: e.character + 5 } }, '');
        await wait;
      }
      out.sizes[w.lines] = s;
    }
    await sleep(200);
    out.peakRss = c.peakRss();
  } finally {
    await c.shutdown();
  }
  return out;
}

/** Process start -> initialize -> didOpen -> first diagnostics, in a fresh process each time. */
export async function measureCold(spec, w, reps) {
  const runs = [];
  const complete = [];
  const publishes = [];
  for (let i = 0; i < reps; i++) {
    const { c } = await start(spec);
    try {
      const uri = `file:///bench/cold/w${w.lines}.yaml`;
      const wait = c.nextDiagnostics(uri, spec.versioned ? 1 : undefined);
      await c.open(uri, w.text);
      const r = await wait;
      runs.push(r.at - c.spawnedAt);
      const done = w.quietMs ? await c.settledDiagnostics(uri, w.quietMs) : r;
      complete.push(done.at - c.spawnedAt);
      publishes.push(c.published.get(uri) ?? 0);
    } finally {
      await c.shutdown();
    }
  }
  return { runs, median: median(runs), complete, completeMedian: median(complete), publishes };
}
