import { launcherLabel } from '../launcher/launcher.js';
import type { enParts } from './en-parts.js';

/**
 * What the chat itself says, in English: the default, bundled with the element. What only the
 * lazily loaded parts say (forms, rating, file tray) is in `en-parts.ts`, which loads with them.
 * `{name}` placeholders are filled in at render.
 */
export const en = {
  open: launcherLabel,
  /** The launcher's name while messages wait unread; `{count}` is filled in. */
  openUnread: 'Open chat, {count} unread',
  close: 'Close chat',
  title: 'Chat',
  greeting: 'Hi! Ask us anything and we will reply right here.',
  messages: 'Messages',
  inputLabel: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  emoji: 'Emoji',
  notifications: 'Notify me of new messages',
  /** System lines between messages; `{name}` is the agent's. */
  activityJoined: '{name} joined the conversation',
  activityJoinedUnnamed: 'An agent joined the conversation',
  activityTransferred: '{name} took over the conversation',
  activityTransferredTeam: 'Your conversation was passed to another team',
  activityEnded: 'The conversation ended',
  activityReopened: 'The conversation was reopened',
  sending: 'Sending…',
  failed: 'Not delivered.',
  retry: 'Retry',
  discard: 'Remove',
  sent: 'Sent',
  /** The agent's console (or the bot) has the visitor's message, unread so far. */
  delivered: 'Delivered',
  read: 'Read',
  typingAgent: 'Support is typing…',
  typingBot: 'Assistant is typing…',
  bot: 'Assistant',
  agent: 'Support',
  headerTeam: 'Support team',
  /** `{position}` is filled in. */
  headerQueue: 'In queue — position {position}',
  /** `{position}` and `{wait}` (`waitMinutes` or `waitUnderMinute`) are filled in. */
  headerQueueWait: 'In queue — position {position}, {wait}',
  /** `{minutes}` is filled in. */
  waitMinutes: 'about {minutes} min',
  waitUnderMinute: 'less than a minute',
  headerAway: "We're away",
  quickReplies: 'Suggested replies',
  /** The composer's paper-clip button. */
  attach: 'Attach a file',
  reconnecting: 'Reconnecting…',
  offline: 'Connection lost. Messages will be sent once it is back.',
  unavailable: 'Chat is unavailable right now. Please try again later.',
  notConfigured: 'This chat is not set up yet.',
};

/** The strings the element always has: English's own, or a whole translation once loaded. */
export type Strings = typeof en;

/** Everything the widget says: the type that every other locale must match key for key. */
export type Translation = Strings & typeof enParts;
