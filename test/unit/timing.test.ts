/**
 * timing.ts failureWindow: the one function behind every "probe failure -> action" number.
 * Follows pkg/kubelet/prober/worker.go worker.run (v1.34.4-v1.37.2): `for w.doProbe(ctx) {
 * <-probeTicker.C }` with a time.Ticker of periodSeconds, doProbe blocking for the whole attempt
 * (up to timeoutSeconds, pkg/kubelet/prober/prober.go). A Go ticker keeps one tick for a slow
 * reader, so attempts start max(periodSeconds, attempt duration) apart; the result flips after
 * failureThreshold consecutive failures (doProbe resultRun).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failureWindow, hangToAction, hangToNotReady, neverUpKill, probeTimingFrom, startupBudget } from '../../server/src/analysis/timing';

const probe = (periodSeconds: number, timeoutSeconds: number, failureThreshold: number, initialDelaySeconds = 0) =>
  probeTimingFrom({ periodSeconds, timeoutSeconds, failureThreshold, initialDelaySeconds });

describe('timing.ts failureWindow (worker.run: the next probe starts after doProbe returns)', () => {
  it('timeout <= period: (f-1) × period + timeout .. + period, as before', () => {
    assert.deepEqual(hangToAction(probe(10, 1, 3)), { earliest: 21, latest: 31 });
    assert.deepEqual(hangToAction(probe(15, 2, 3)), { earliest: 32, latest: 47 });
    assert.deepEqual(hangToAction(probe(5, 5, 2)), { earliest: 10, latest: 15 });
  });

  it('timeout > period: attempts that time out are timeoutSeconds apart (issue 20: 5/10/3 -> 30 s – 35 s)', () => {
    assert.deepEqual(hangToAction(probe(5, 10, 3)), { earliest: 30, latest: 35 });
    // Not a multiple of the period: 2 × 7 + 7 = 21 .. + 5.
    assert.deepEqual(hangToAction(probe(5, 7, 3)), { earliest: 21, latest: 26 });
    assert.deepEqual(hangToNotReady(probe(2, 7, 4)), { earliest: 28, latest: 30 });
    // One failure is enough: just the timeout, after a tick 0..period away.
    assert.deepEqual(hangToAction(probe(3, 8, 1)), { earliest: 8, latest: 11 });
  });

  it('refused (fails at once): the timeout plays no part, attempts are a period apart', () => {
    assert.deepEqual(failureWindow(probe(5, 10, 3), 0, 'refused'), { earliest: 10, latest: 15 });
    assert.deepEqual(failureWindow(probe(5, 10, 3), 7, 'refused'), { earliest: 17, latest: 22 });
  });

  it('never up counts from initialDelaySeconds (doProbe skips ticks before it); refused by default', () => {
    const p = probe(10, 1, 30, 0);
    assert.deepEqual(neverUpKill(p), { earliest: 290, latest: 300 });
    assert.deepEqual(neverUpKill(p, 'hang'), { earliest: 291, latest: 301 });
    const slow = probe(4, 9, 5, 3);
    assert.deepEqual(neverUpKill(slow), { earliest: 19, latest: 23 });
    assert.deepEqual(neverUpKill(slow, 'hang'), { earliest: 3 + 4 * 9 + 9, latest: 3 + 4 + 4 * 9 + 9 });
  });

  it('the startup budget is the documented initialDelaySeconds + failureThreshold × periodSeconds = latest refused never-up kill', () => {
    for (const p of [probe(10, 1, 30), probe(4, 9, 5, 3), probe(5, 10, 3, 12)]) {
      assert.equal(startupBudget(p), p.initialDelaySeconds + p.failureThreshold * p.periodSeconds);
      assert.equal(startupBudget(p), neverUpKill(p, 'refused').latest);
    }
  });
});
