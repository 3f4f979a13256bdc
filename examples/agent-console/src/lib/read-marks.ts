import type { KeyValueStorage } from '@switchboard/agent-sdk';

/**
 * The highest `seq` the agent has seen per conversation. This is console state, not server
 * data: it only decides where the unread dot goes, so it lives in the browser, per agent.
 */
export class ReadMarks {
  private marks: Readonly<Record<string, number>>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key: string,
  ) {
    this.marks = load(storage, key);
  }

  get snapshot(): Readonly<Record<string, number>> {
    return this.marks;
  }

  /** Records that the agent has seen up to `seq`; marks only move forward. */
  markRead(conversationId: string, seq: number): void {
    if (seq <= (this.marks[conversationId] ?? 0)) return;
    this.marks = { ...this.marks, [conversationId]: seq };
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.marks));
    } catch {
      // Storage full or blocked: the dot is merely cosmetic, so keep going in memory.
    }
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function load(storage: KeyValueStorage | null, key: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const marks: Record<string, number> = {};
    for (const [id, seq] of Object.entries(parsed)) {
      if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) marks[id] = seq;
    }
    return marks;
  } catch {
    return {};
  }
}
