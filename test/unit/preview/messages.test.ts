/** The host's gate for webview messages: well-formed ones pass unchanged, anything else is dropped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAssumptions, parseFromWebview, parseRange, parseState } from '../../../client/src/preview/messages';
import { scenarioFits, validateScenario } from '../../../server/src/analysis/lifecycle/scenarios/index';
import type { LifecycleTimeline } from '../../../server/src/protocol/lifecycle';

const R = { start: { line: 3, character: 2 }, end: { line: 5, character: 0 } };

describe('parseFromWebview', () => {
  it('accepts every message the webview sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', range: R }), { type: 'reveal', range: R });
    assert.deepEqual(parseFromWebview({ type: 'setScenario', scenario: { kind: 'delete', at: 30 } }), { type: 'setScenario', scenario: { kind: 'delete', at: 30 } });
    assert.deepEqual(parseFromWebview({ type: 'setScenario', scenario: { kind: 'exit', container: 'app', exitCode: 137, at: 12.5 } }),
      { type: 'setScenario', scenario: { kind: 'exit', container: 'app', exitCode: 137, at: 12.5 } });
    assert.deepEqual(parseFromWebview({ type: 'setScenario', scenario: { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 0 } }),
      { type: 'setScenario', scenario: { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 0 } });
    assert.deepEqual(parseFromWebview({ type: 'setAssumptions', assumptions: {} }), { type: 'setAssumptions', assumptions: {} });
    assert.deepEqual(parseFromWebview({ type: 'setAssumptions', assumptions: { imagePullSeconds: 30, imagesCached: true, appStartSecondsByContainer: { app: 60 } } }),
      { type: 'setAssumptions', assumptions: { imagePullSeconds: 30, imagesCached: true, appStartSecondsByContainer: { app: 60 } } });
  });

  it('ignores non-objects, unknown types and missing payloads', () => {
    for (const m of [null, undefined, 0, 'reveal', [], [{ type: 'ready' }], {}, { type: 'nope' }, { type: 42 }, { type: 'reveal' },
      { type: 'setScenario' }, { type: 'setAssumptions' }, { type: 'setAssumptions', assumptions: [1] }, { type: '__proto__' }, { type: 'toString' }]) {
      assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
    }
  });

  it('drops extra fields (only the validated fields reach the host code)', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', command: 'workbench.action.quit' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', range: { ...R, uri: 'file:///etc/passwd' }, uri: 'file:///etc/passwd' }), { type: 'reveal', range: R });
    assert.deepEqual(parseFromWebview({ type: 'setScenario', scenario: { kind: 'delete', at: 1, container: 'x' } }), { type: 'setScenario', scenario: { kind: 'delete', at: 1 } });
  });
});

describe('ranges', () => {
  it('need non-negative integer positions, start before end', () => {
    assert.deepEqual(parseRange(R), R);
    assert.deepEqual(parseRange({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    for (const r of [
      { start: { line: -1, character: 0 }, end: R.end },
      { start: { line: 1.5, character: 0 }, end: R.end },
      { start: { line: '1', character: 0 }, end: R.end },
      { start: { line: NaN, character: 0 }, end: R.end },
      { start: { line: Infinity, character: 0 }, end: R.end },
      { start: { line: 1e12, character: 0 }, end: { line: 1e12, character: 1 } },
      { start: R.end, end: R.start },
      { start: { line: 2, character: 5 }, end: { line: 2, character: 4 } },
      { start: R.start },
      [R.start, R.end],
      'L3',
    ]) assert.equal(parseRange(r), undefined, JSON.stringify(r));
  });
});

describe('scenarios', () => {
  it('reject unknown kinds, bad times, exit codes and probes', () => {
    for (const s of [
      { kind: 'meteor', at: 1 }, { kind: 'delete' }, { kind: 'delete', at: -1 }, { kind: 'delete', at: '5' }, { kind: 'delete', at: Infinity },
      { kind: 'delete', at: 1e300 }, { kind: 'exit', container: 'app', exitCode: 256, at: 1 }, { kind: 'exit', container: 'app', exitCode: 1.5, at: 1 },
      { kind: 'exit', container: '', exitCode: 1, at: 1 }, { kind: 'exit', container: 'x'.repeat(254), exitCode: 1, at: 1 },
      { kind: 'exit', exitCode: 1, at: 1 }, { kind: 'probeFailure', container: 'app', probe: 'everything', at: 1 },
      { kind: 'probeFailure', container: 'app', at: 1 }, null, 'happy', { kind: ['happy'] },
    ]) assert.equal(validateScenario(s), undefined, JSON.stringify(s));
    assert.deepEqual(validateScenario({ kind: 'happy', at: 'whatever' }), { kind: 'happy' });
  });

  it('must name containers and probes the pod has', () => {
    const t = {
      availableScenarios: {
        kinds: ['happy', 'exit', 'probeFailure', 'delete'],
        exitContainers: [{ name: 'app', role: 'app' }],
        probes: [{ container: 'app', probes: ['readiness'] }],
      },
    } as unknown as Pick<LifecycleTimeline, 'availableScenarios'>;
    assert.equal(scenarioFits({ kind: 'happy' }, t.availableScenarios), true);
    assert.equal(scenarioFits({ kind: 'happy' }, undefined), true);
    assert.equal(scenarioFits({ kind: 'delete', at: 3 }, t.availableScenarios), true);
    assert.equal(scenarioFits({ kind: 'delete', at: 3 }, undefined), false);
    assert.equal(scenarioFits({ kind: 'nodeUnreachable', at: 3 }, t.availableScenarios), false);
    assert.equal(scenarioFits({ kind: 'exit', container: 'app', exitCode: 1, at: 3 }, t.availableScenarios), true);
    assert.equal(scenarioFits({ kind: 'exit', container: 'other', exitCode: 1, at: 3 }, t.availableScenarios), false);
    assert.equal(scenarioFits({ kind: 'probeFailure', container: 'app', probe: 'readiness', at: 3 }, t.availableScenarios), true);
    assert.equal(scenarioFits({ kind: 'probeFailure', container: 'app', probe: 'liveness', at: 3 }, t.availableScenarios), false);
  });
});

describe('assumptions', () => {
  it('keep known keys of the right type and range only', () => {
    assert.deepEqual(parseAssumptions({
      schedulingSeconds: 2, sandboxSeconds: -1, imagePullSeconds: '5', containerStartSeconds: NaN, appStartSeconds: 1e9,
      horizon: 600, imagesCached: 'yes', evil: 1, __proto__: { polluted: 1 },
      appStartSecondsByContainer: { app: 10, bad: -3, '': 4, other: '7' },
    }), { schedulingSeconds: 2, horizon: 600, appStartSecondsByContainer: { app: 10 } });
    assert.equal(parseAssumptions(null), undefined);
    assert.equal(parseAssumptions([]), undefined);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('cap the per-container map', () => {
    const by: Record<string, number> = {};
    for (let i = 0; i < 500; i++) by[`c${i}`] = i;
    assert.equal(Object.keys(parseAssumptions({ appStartSecondsByContainer: by })!.appStartSecondsByContainer!).length, 100);
  });
});

describe('serializer state', () => {
  it('keeps what is valid and nothing else', () => {
    assert.deepEqual(parseState({ uri: 'file:///w/pod.yaml', pod: 2, scenario: { kind: 'delete', at: 5 }, assumptions: { hookSeconds: 3 }, scrollY: 40 }),
      { uri: 'file:///w/pod.yaml', pod: 2, scenario: { kind: 'delete', at: 5 }, assumptions: { hookSeconds: 3 } });
    assert.deepEqual(parseState({ uri: 5, pod: -1, scenario: { kind: 'x' }, assumptions: 'all' }), {});
    assert.deepEqual(parseState(undefined), {});
    assert.deepEqual(parseState('state'), {});
  });
});
