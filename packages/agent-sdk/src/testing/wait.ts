// Polling for tests that watch a real socket: the exact moment a frame lands is not ours
// to choose, so assertions wait (bounded) for the state they expect.

/** Resolves once `check` returns a value other than undefined/false, or rejects after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  { timeoutMs = 4000, message = 'condition' }: { timeoutMs?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
