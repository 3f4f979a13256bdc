import type { PendingMessage } from '@switchboard/agent-sdk';
import type { Attachment, AuthorKind, Card, Message } from '@switchboard/protocol';

/** Where a row sits: the visitor's own on the right, agents and bots on the left, notices centred. */
export type MessageSide = 'self' | 'other' | 'system';

export type MessageStatus = 'sent' | 'pending' | 'failed';

export interface MessageRow {
  /**
   * The client message id: it is the same before and after the server acknowledges the message,
   * so a pending row turns into the stored one in place.
   */
  key: string;
  text: string;
  status: MessageStatus;
  createdAt: string;
  /** A bot's or an agent's cards under the message; empty for most. */
  cards: readonly Card[];
  /** Files sent with the message; empty for most. The text may then be empty. */
  attachments: readonly Attachment[];
  /** A system line of the conversation's activity ("Ada joined"), not a message. */
  activity?: true;
}

/** Consecutive rows by one author, shown as one block with one author label. */
export interface MessageGroup {
  key: string;
  side: MessageSide;
  authorKind: AuthorKind;
  authorId: string | null;
  rows: MessageRow[];
}

export interface GroupOptions {
  /** Rows further apart than this start a new group. @default 300000 (five minutes) */
  windowMs?: number;
  /** System lines (already worded), placed among the stored messages by time. */
  activity?: readonly { key: string; text: string; createdAt: string }[];
}

function sideOf(authorKind: AuthorKind, kind: Message['kind']): MessageSide {
  if (authorKind === 'system' || kind === 'event') return 'system';
  return authorKind === 'visitor' ? 'self' : 'other';
}

interface Entry {
  side: MessageSide;
  authorKind: AuthorKind;
  authorId: string | null;
  row: MessageRow;
}

/**
 * Turns the SDK's stored messages and outbox into the groups the message list draws: stored
 * messages in `seq` order, then the visitor's unacknowledged ones. A pending message the server
 * has already stored is shown once, as stored. Internal notes are never shown to a visitor.
 */
export function groupMessages(
  messages: readonly Message[],
  pending: readonly PendingMessage[],
  { windowMs = 5 * 60_000, activity = [] }: GroupOptions = {},
): MessageGroup[] {
  const stored = new Set<string>();
  const entries: Entry[] = [];
  const lines = [...activity].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let nextLine = 0;
  // Lines up to `time` go in first: a line and a message at the same instant read line first
  // ("Ada joined", then her greeting).
  const addLinesUpTo = (time: number) => {
    for (; nextLine < lines.length && Date.parse(lines[nextLine]!.createdAt) <= time; nextLine++) {
      const line = lines[nextLine]!;
      entries.push({
        side: 'system',
        authorKind: 'system',
        authorId: null,
        row: {
          key: line.key,
          text: line.text,
          status: 'sent',
          createdAt: line.createdAt,
          cards: [],
          attachments: [],
          activity: true,
        },
      });
    }
  };
  for (const message of messages) {
    if (message.kind === 'note') continue;
    addLinesUpTo(Date.parse(message.createdAt));
    stored.add(message.clientMessageId);
    entries.push({
      side: sideOf(message.authorKind, message.kind),
      authorKind: message.authorKind,
      authorId: message.authorId,
      row: {
        key: message.clientMessageId,
        text: message.text,
        status: 'sent',
        createdAt: message.createdAt,
        // A server from before cards (or attachments) sends none.
        cards: message.cards ?? [],
        attachments: message.attachments ?? [],
      },
    });
  }
  addLinesUpTo(Infinity);
  for (const message of pending) {
    if (message.kind === 'note' || stored.has(message.clientMessageId)) continue;
    entries.push({
      side: 'self',
      authorKind: 'visitor',
      authorId: null,
      row: {
        key: message.clientMessageId,
        text: message.text,
        status: message.error ? 'failed' : 'pending',
        createdAt: message.createdAt,
        cards: [],
        attachments: message.attachments,
      },
    });
  }

  const groups: MessageGroup[] = [];
  let last: MessageGroup | undefined;
  let lastTime = 0;
  for (const { side, authorKind, authorId, row } of entries) {
    const time = Date.parse(row.createdAt);
    const continues =
      last !== undefined &&
      side !== 'system' &&
      last.side === side &&
      last.authorKind === authorKind &&
      // The visitor's id is not known before the first acknowledgement; one visitor is one author.
      (side === 'self' || last.authorId === authorId) &&
      !(time - lastTime > windowMs);
    if (continues && last) {
      last.rows.push(row);
    } else {
      last = { key: row.key, side, authorKind, authorId, rows: [row] };
      groups.push(last);
    }
    lastTime = time;
  }
  return groups;
}
