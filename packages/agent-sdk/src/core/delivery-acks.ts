// The sending half of delivery receipts: clients tell the server on their own what reached them,
// one `conversation:delivered` per conversation per burst (a catch-up page, a quick run of
// replies), carrying the highest seq received.

/** How long a receipt waits for more messages to arrive before it goes out for all of them. */
export const DELIVERY_ACK_DELAY_MS = 200;

export interface DeliveryAcks {
  /** The conversation's messages up to `seq` reached this client; acked shortly, with any that follow. */
  note(conversationId: string, seq: number): void;
  /** Forgets what is due and what was sent, without sending (disconnect, reset). */
  stop(): void;
}

/** `send` acks one conversation; a failed ack is forgotten, so the next `note` tries again. */
export function createDeliveryAcks(
  send: (conversationId: string, seq: number) => Promise<unknown>,
  delayMs = DELIVERY_ACK_DELAY_MS,
): DeliveryAcks {
  /** Per conversation, the highest seq acked (or being acked). */
  const sent = new Map<string, number>();
  const due = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    for (const [conversationId, seq] of due) {
      sent.set(conversationId, seq);
      send(conversationId, seq).catch(() => {
        if (sent.get(conversationId) === seq) sent.delete(conversationId);
      });
    }
    due.clear();
  };

  return {
    note(conversationId, seq) {
      if (seq <= Math.max(sent.get(conversationId) ?? 0, due.get(conversationId) ?? 0)) return;
      due.set(conversationId, seq);
      timer ??= setTimeout(flush, delayMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      due.clear();
      sent.clear();
    },
  };
}
