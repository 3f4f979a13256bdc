// The inbox and the outbox are worked the same way: one run at a time, pass after pass until a
// pass finds less than a full batch and nobody asked for another meanwhile.

export interface DrainLoop {
  /** Works until nothing is due; a call during a run makes that run go round once more. */
  drain(): Promise<void>;
  /** Settles when the run in progress (if any) has finished; starts none. */
  idle(): Promise<void>;
}

/** `pass` works one batch and resolves whether the batch was full (more may be waiting). */
export function drainLoop(pass: () => Promise<boolean>): DrainLoop {
  let running: Promise<void> | null = null;
  let again = false;

  async function run(): Promise<void> {
    do {
      again = false;
      if (await pass()) again = true;
    } while (again);
  }

  return {
    idle: () => running ?? Promise.resolve(),
    drain() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
