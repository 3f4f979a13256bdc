import type { Store } from '../db/store.js';
import type { Logger } from '../lib/logger.js';

/** Timer kinds and what firing one does. */
export type TimerHandlers = Record<string, (subjectId: string) => Promise<void>>;

export interface TimerScheduler {
  /** Fires every due timer once; the interval calls this, tests may too. */
  tick(): Promise<number>;
  stop(): void;
}

/**
 * Polls the persisted timers. Because timers live in the database and are claimed with a
 * conditional update, they survive restarts and fire exactly once across instances.
 */
export function startTimerScheduler({
  store,
  handlers,
  logger,
  now,
  intervalMs,
}: {
  store: Store;
  handlers: TimerHandlers;
  logger: Logger;
  now: () => number;
  intervalMs: number;
}): TimerScheduler {
  let ticking: Promise<number> | null = null;

  async function fireDue(): Promise<number> {
    const due = await store.timers.claimDue(now(), 100);
    for (const timer of due) {
      const handler = handlers[timer.kind];
      if (!handler) {
        logger.warn('timer of unknown kind dropped', timer);
        continue;
      }
      try {
        await handler(timer.subjectId);
      } catch (error) {
        logger.error('timer handler failed', { ...timer, error });
      }
    }
    return due.length;
  }

  const tick = () => (ticking ??= fireDue().finally(() => (ticking = null)));
  const interval = setInterval(() => void tick(), intervalMs);
  interval.unref();
  return { tick, stop: () => clearInterval(interval) };
}
