/** Browsers without `requestIdleCallback` (Safari) wait this long after the load event instead. */
const FALLBACK_DELAY_MS = 300;

/**
 * Runs `task` once the page has loaded and the browser is idle, at the latest `timeoutMs` after
 * the load event, so the chat's code never competes with the page's own first paint.
 */
export function whenIdle(task: () => void, timeoutMs = 3000): void {
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
    else setTimeout(task, FALLBACK_DELAY_MS);
  };
  if (document.readyState === 'complete') schedule();
  else addEventListener('load', schedule, { once: true });
}
