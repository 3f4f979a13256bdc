// The agent client's collaboration surface: internal notes and @mentions, tags, labels, contact
// editing and a contact's earlier conversations.
import type {
  Contact,
  ContactConversationsQuery,
  Conversation,
  ConversationPage,
  CreateLabelRequest,
  Label,
  MentionPage,
  MentionsRead,
  Message,
  UpdateContactRequest,
  UpdateLabelRequest,
} from '@switchboard/protocol';

/** How `sendNote` sends: what `sendMessage` takes, except the kind. */
export interface NoteOptions {
  /** Files uploaded with this client's `upload()`; the text may then be blank. @default [] */
  attachmentIds?: readonly string[];
  /** Reuse an id to retry a send made elsewhere (a ULID). @default a freshly minted ULID */
  clientMessageId?: string;
}

/** Which of your mentions `markMentionsRead` marks: some by id, or every one in a conversation. */
export type MentionsReadTarget = { mentionIds: readonly string[] } | { conversationId: string };

export interface MentionListOptions {
  /** Only unread ones. @default false */
  unread?: boolean;
  /** @default 50 */
  limit?: number;
  /** `nextCursor` of the previous page. @default undefined (the newest) */
  cursor?: string;
}

export interface CollaborationControls {
  /**
   * Writes an internal note: kept in the conversation for agents, never sent to the visitor (nor
   * to bots or channels). `@handle`s in it (see `agentHandles` in `@switchboard/protocol`) notify
   * the agents they name, who hear `mention`. Queued and retried like `sendMessage`.
   */
  sendNote(this: void, conversationId: string, text: string, options?: NoteOptions): Promise<Message>;
  /**
   * Tags a conversation. Tags are free text, normalised (`normalizeTag`: lowercase, trimmed,
   * no leading `#`); ones it has are left alone. Every console hears `conversation:updated`; the
   * visitor never sees tags. Rejects with `invalid_payload` at once for a blank, overlong (40) or
   * comma-holding tag, and `conflict` past 20 tags.
   */
  addTags(this: void, conversationId: string, tags: readonly string[]): Promise<Conversation>;
  /** Removes tags (normalised like `addTags`); ones it does not have are ignored. */
  removeTags(this: void, conversationId: string, tags: readonly string[]): Promise<Conversation>;
  /** Applies one of the conversation's site's labels (`state.labels`); `not_found` for another site's. */
  addLabel(this: void, conversationId: string, labelId: string): Promise<Conversation>;
  removeLabel(this: void, conversationId: string, labelId: string): Promise<Conversation>;
  /** Fetches the labels (every site's, or one's) into `state.labels` and returns them. */
  listLabels(this: void, siteId?: string): Promise<Label[]>;
  /** Creates a custom label for a site; `conflict` when the name is taken (ignoring case). */
  createLabel(this: void, label: CreateLabelRequest): Promise<Label>;
  /** Renames or recolours a label (a default one keeps its `key`). */
  updateLabel(this: void, labelId: string, changes: UpdateLabelRequest): Promise<Label>;
  /** Fetches a contact by id into `state.contacts`. */
  getContact(this: void, contactId: string): Promise<Contact>;
  /**
   * Edits a contact: `name`, `email`, `phone` (`null` clears one) and custom `attributes` (flat
   * scalars; `null` removes a key). All or nothing: `invalid_payload` with `issues` naming each
   * bad field, and nothing is written. Every console hears `contact:updated`; the contact's open
   * conversations (or its latest) record it in their timeline. `state.contacts` follows.
   */
  updateContact(this: void, contactId: string, changes: UpdateContactRequest): Promise<Contact>;
  /**
   * A page of the contact's conversations, most recently updated first (the current one
   * included); pass `nextCursor` back as `cursor` for the next. They are added to
   * `state.conversations`, so an app can open them.
   */
  contactConversations(
    this: void,
    contactId: string,
    query?: Partial<ContactConversationsQuery>,
  ): Promise<ConversationPage>;
  /** A page of your mentions, newest first; they are merged into `state.mentions`. */
  listMentions(this: void, options?: MentionListOptions): Promise<MentionPage>;
  /** Marks your unread mentions read; `state.mentions` and your other consoles follow. */
  markMentionsRead(this: void, target: MentionsReadTarget): Promise<MentionsRead>;
}
