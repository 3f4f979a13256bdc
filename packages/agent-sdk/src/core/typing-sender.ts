// The sending half of typing indicators. Typing is never stored: while the user types, `true`
// goes out again every `refreshMs` (receivers forget it otherwise), and it stops on its own
// after `idleMs` without a keystroke, so a user who walks away does not "type" forever.
import { TYPING_REFRESH_MS } from '@switchboard/protocol';

/** How long after the last keystroke typing stops by itself. */
export const TYPING_IDLE_MS = 3000;

export interface TypingSender {
  /** `true` on every keystroke (throttled here), `false` on send or blur. */
  set(typing: boolean): void;
  /** Forgets the state without telling anyone (the conversation changed or the socket closed). */
  reset(): void;
}

export interface TypingSenderOptions {
  /** @default TYPING_REFRESH_MS */
  refreshMs?: number;
  /** @default TYPING_IDLE_MS */
  idleMs?: number;
  /** @default Date.now */
  now?: () => number;
}

export function createTypingSender(
  send: (typing: boolean) => void,
  { refreshMs = TYPING_REFRESH_MS, idleMs = TYPING_IDLE_MS, now = Date.now }: TypingSenderOptions = {},
): TypingSender {
  let sentAt: number | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;

  function reset(): void {
    clearTimeout(idle);
    idle = undefined;
    sentAt = null;
  }

  function set(typing: boolean): void {
    if (!typing) {
      const wasTyping = sentAt !== null;
      reset();
      if (wasTyping) send(false);
      return;
    }
    clearTimeout(idle);
    idle = setTimeout(() => set(false), idleMs);
    const time = now();
    if (sentAt !== null && time - sentAt < refreshMs) return;
    sentAt = time;
    send(true);
  }

  return { set, reset };
}
