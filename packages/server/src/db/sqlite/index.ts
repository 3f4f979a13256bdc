import type { Store } from '../store.js';
import { sqliteAgents } from './agents.js';
import { sqliteAttachments } from './attachments.js';
import { sqliteCanned } from './canned.js';
import { sqliteChannels } from './channels.js';
import { sqliteAnnotate } from './annotate.js';
import { sqliteContactEdit } from './contact-edit.js';
import { sqliteContacts } from './contacts.js';
import { sqliteConversations } from './conversations.js';
import { sqliteLabels } from './labels.js';
import { sqliteMentions } from './mentions.js';
import { sqliteMessages } from './messages.js';
import { openSqlite } from './open.js';
import { sqlitePreChat } from './pre-chat.js';
import { sqliteQueues } from './queues.js';
import { sqliteSites } from './sites.js';
import { sqliteTimeline } from './timeline.js';
import { sqliteTimers } from './timers.js';

/** A Store over one SQLite file (or `:memory:`), migrated on open. */
export function createSqliteStore(path: string, now: () => number = Date.now): Store {
  const { db, immediate, close } = openSqlite(path);
  return {
    sites: sqliteSites(db, now),
    contacts: { ...sqliteContacts(db, now), edit: sqliteContactEdit(db, immediate, now) },
    preChat: sqlitePreChat(db, immediate, now),
    agents: sqliteAgents(db, now),
    conversations: {
      ...sqliteConversations(db, immediate, now),
      annotate: sqliteAnnotate(db, immediate, now),
    },
    labels: sqliteLabels(db, now),
    mentions: sqliteMentions(db),
    queues: sqliteQueues(db, immediate, now),
    timeline: sqliteTimeline(db, now),
    timers: sqliteTimers(db, immediate),
    attachments: sqliteAttachments(db, now),
    canned: sqliteCanned(db, immediate, now),
    messages: sqliteMessages(db, immediate, now),
    channels: sqliteChannels(db, immediate, now),
    close: async () => close(),
  };
}
