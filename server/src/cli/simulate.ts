/**
 * `pod-lens simulate [--format json|svg|html] [--pod N] [--scenario ...] [--assume key=value ...] FILE`:
 * the lifecycle simulator over a file, through the same service as the language server.
 * JSON is the LifecycleTimeline of protocol/lifecycle.ts (readyAt, containers[].startedAt/readyAt/
 * finishedAt/restarts, events, ...). Exit codes: 0 done, 2 usage or input error.
 */
import { DEFAULT_ASSUMPTIONS, DEFAULT_SCENARIO, parseScenario, SCENARIO_SYNTAX } from '../analysis/lifecycle/index';
import { timelineHtml, timelineSvg } from '../lifecycleView/svg';
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { CliOptions } from './args';
import type { CliIO } from './commands';
import { collectSources } from './files';

const FORMATS = ['json', 'svg', 'html'];

/** `--assume name=value`: numbers, booleans, probePhase, and appStartSeconds.<container>=N. */
export function parseAssumptions(raw: Readonly<Record<string, string>>): { value: Record<string, unknown>; error?: string } {
  const value: Record<string, unknown> = {};
  const by: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^appStartSeconds\.(.+)$/.exec(k);
    if (m) {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) return { value, error: `--assume ${k} needs a number of seconds` };
      by[m[1]!] = n;
      continue;
    }
    if (!(k in DEFAULT_ASSUMPTIONS) || k === 'appStartSecondsByContainer') return { value, error: `unknown assumption ${k} (known: ${Object.keys(DEFAULT_ASSUMPTIONS).filter((x) => x !== 'appStartSecondsByContainer').join(', ')}, appStartSeconds.<container>)` };
    const d = (DEFAULT_ASSUMPTIONS as unknown as Record<string, unknown>)[k];
    if (typeof d === 'boolean') {
      if (v !== 'true' && v !== 'false') return { value, error: `--assume ${k} must be true or false` };
      value[k] = v === 'true';
    } else if (k === 'probePhase') {
      if (v !== 'best' && v !== 'worst') return { value, error: '--assume probePhase must be best or worst' };
      value[k] = v;
    } else {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0) return { value, error: `--assume ${k} needs a number of seconds` };
      value[k] = n;
    }
  }
  if (Object.keys(by).length) value.appStartSecondsByContainer = by;
  return { value };
}

export function runSimulate(opts: CliOptions, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): number {
  const format = opts.format === 'text' ? 'json' : opts.format;
  if (!FORMATS.includes(format)) { io.err(`pod-lens: simulate --format must be one of ${FORMATS.join(', ')}`); return 2; }
  if (opts.inputs.length !== 1) { io.err('pod-lens: simulate needs exactly one FILE (or -)'); return 2; }
  const scenario = opts.scenario === undefined ? DEFAULT_SCENARIO : parseScenario(opts.scenario);
  if (!scenario) {
    io.err(`pod-lens: --scenario must be ${SCENARIO_SYNTAX.slice(0, -1).join(', ')} or ${SCENARIO_SYNTAX[SCENARIO_SYNTAX.length - 1]}`);
    return 2;
  }
  const asm = parseAssumptions(opts.assumptions);
  if (asm.error) { io.err(`pod-lens: ${asm.error}`); return 2; }
  const { sources, errors } = collectSources(opts.inputs, io.stdin);
  for (const e of errors) io.err(`pod-lens: ${e.name}: ${e.message}`);
  const src = sources[0];
  if (errors.length || !src) { if (!errors.length) io.err('pod-lens: no YAML file found'); return 2; }
  const doc = { uri: `file-0:${src.name}`, version: 1, text: src.text };
  const pods = service.analysis(doc, settings).pods;
  const index = opts.pod ?? 0;
  if (!pods.some((p) => p.index === index)) {
    service.close(doc.uri);
    io.err(pods.length ? `pod-lens: --pod ${index}: the file has ${pods.length} pod spec(s) (0..${pods.length - 1})` : `pod-lens: ${src.name}: no pod spec found`);
    return 2;
  }
  const timeline = service.lifecycle(doc, settings, { pod: index, scenario, assumptions: asm.value });
  service.close(doc.uri);
  if (!timeline) { io.err('pod-lens: the simulation failed'); return 2; }
  const shown = { ...timeline, uri: src.name };
  io.out(format === 'json' ? JSON.stringify(shown, null, 2) : format === 'svg' ? timelineSvg(shown) : timelineHtml(shown));
  return 0;
}
