/**
 * The crash-loop back-off of an observed container against the kubelet: newCrashLoopBackOff and
 * HasExpiredFunc (pkg/kubelet/kubelet.go), doBackOff (kuberuntime_manager.go), flowcontrol.Backoff.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffFromMessage, crashLoopPolicy, observedBackoff } from '../../../server/src/analysis/observed/backoff';
import type { ObservedContainerStatus } from '../../../server/src/analysis/observed/status';
import { formatGoDuration, parseGoDuration, parseTime } from '../../../server/src/analysis/observed/time';
import { kubeVersionOrLatest } from '../../../server/src/model/version';

const span = { start: 0, end: 1 };
function waiting(restartCount: number | undefined, message?: string, ran = 5): ObservedContainerStatus {
  const finishedAt = Date.parse('2026-12-04T10:00:00Z');
  return {
    name: 'app', list: 'containers', index: 0, span, nameSpan: span, ready: false, started: false, restartCount, restartCountSpan: span,
    state: { kind: 'waiting', reason: 'CrashLoopBackOff', message, startedAt: undefined, terminated: undefined, span, reasonSpan: span },
    lastState: { kind: 'terminated', reason: 'Error', message: undefined, startedAt: finishedAt - ran * 1000, span, reasonSpan: span,
      terminated: { exitCode: 1, signal: undefined, reason: 'Error', message: undefined, startedAt: finishedAt - ran * 1000, finishedAt, span } },
  };
}

describe('crash-loop back-off of an observed container', () => {
  for (const v of ['1.37', '1.34', '1.35']) {
    it(`policy at ${v}: 10 s doubling, 300 s cap, reset after 600 s (gates at their defaults)`, () => {
      assert.deepEqual(crashLoopPolicy(kubeVersionOrLatest(v)), { initialSeconds: 10, maxSeconds: 300, resetAfterSeconds: 600 });
    });
  }

  it('restartCount r waits 10 x 2^(r-1), capped at 5m0s, as doBackOff does after r restarts', () => {
    const v = kubeVersionOrLatest('1.37');
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 100].map((r) => observedBackoff(waiting(r), v)!.seconds);
    assert.deepEqual(got, [10, 20, 40, 80, 160, 300, 300, 300, 300]);
    const b = observedBackoff(waiting(3), v)!;
    assert.equal(b.source, 'restartCount');
    assert.equal(b.nextRestartAt! - Date.parse('2026-12-04T10:00:00Z'), 40_000);
  });

  it('a huge restartCount stays at the cap (no overflow, no loop)', () => {
    assert.equal(observedBackoff(waiting(2_147_483_647), kubeVersionOrLatest('1.37'))!.seconds, 300);
  });

  it('the kubelet\'s own message wins, and the difference is kept', () => {
    const b = observedBackoff(waiting(8, 'back-off 20s restarting failed container=app pod=p_ns(u)'), kubeVersionOrLatest('1.37'))!;
    assert.equal(b.seconds, 20);
    assert.equal(b.source, 'message');
    assert.equal(b.computed, 300);
  });

  it('a last run longer than 600 s expired the entry: the restart is immediate', () => {
    const b = observedBackoff(waiting(6, undefined, 601), kubeVersionOrLatest('1.37'))!;
    assert.equal(b.seconds, 0);
    assert.equal(b.source, 'reset');
  });

  it('Go durations as the kubelet prints them', () => {
    assert.deepEqual(['10s', '2m40s', '5m0s', '1h0m0s', '300ms', 'x', '5'].map(parseGoDuration), [10, 160, 300, 3600, 0.3, undefined, undefined]);
    assert.deepEqual([0, 10, 160, 300, 3600].map(formatGoDuration), ['0s', '10s', '2m40s', '5m0s', '1h0m0s']);
    assert.equal(backoffFromMessage('back-off 1m20s restarting failed container=a pod=b'), 80);
    assert.equal(backoffFromMessage('Back-off pulling image "x"'), undefined);
  });

  it('RFC 3339 times: valid, fractional, offsets; nonsense and impossible dates are undefined', () => {
    assert.equal(parseTime('2026-12-04T10:00:00Z'), Date.UTC(2026, 11, 4, 10));
    assert.equal(parseTime('2026-12-04T10:00:00.5+01:00'), Date.UTC(2026, 11, 4, 9, 0, 0, 500));
    for (const bad of ['yesterday', '2026-02-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-12-04 10:00:00', '', '9'.repeat(100), '+275760-09-13T00:00:00Z']) {
      assert.equal(parseTime(bad), undefined, bad);
    }
  });
});
