// What the visitor engine hands the parts it loads on first use (the forms, the rating,
// `identify`): one object, so that their wiring travels in their own chunks rather than in the
// engine every visitor downloads.
import type {
  Conversation,
  PublicSite,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import type { VisitorState } from '../types.js';
import type { ConnectionCore } from '../core/connection.js';
import type { Store } from '../core/store.js';
import type { VisitorConversation } from './visitor-conversation.js';
import type { VisitorIdentity } from './visitor-identity.js';

export interface EngineParts {
  store: Store<VisitorState>;
  core: ConnectionCore<VisitorServerToClientEvents, VisitorClientToServerEvents>;
  conversation: VisitorConversation;
  identity: VisitorIdentity;
  /** The shell's: the site as visitors see it, read without a session. */
  loadSite: () => Promise<PublicSite>;
  /** Connects and syncs (creating the session first when there is none). */
  activate: () => Promise<void>;
  /** The visitor interacted: from now on the session may be stored; then `activate()`. */
  start: () => Promise<void>;
  /** `start()`, then the current conversation, started (with its history read) when there is none. */
  startConversation: () => Promise<Conversation>;
  /** Stops the socket and its timers, forgetting nothing. */
  stop: () => void;
  /** A background task failed: the app hears of it, and work goes on. */
  report: (error: unknown) => void;
}
