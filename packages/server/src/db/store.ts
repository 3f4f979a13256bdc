// The storage contract services program against. SQLite implements it today; Postgres will
// implement the same interface (and run the same contract tests) for multi-instance setups.
import type {
  Agent,
  AgentRole,
  AuthorKind,
  Channel,
  Contact,
  Conversation,
  ConversationStatus,
  IdentityVerification,
  Message,
  MessageKind,
  Site,
} from '@switchboard/protocol';

export interface SiteRecord extends Site {
  identitySecret: string;
  allowedOrigins: string[];
}

export interface ContactRecord extends Contact {
  resumeSecretHash: string | null;
}

export interface AgentRecord extends Agent {
  passwordHash: string;
}

export interface NewSite {
  name: string;
  siteKey: string;
  identitySecret: string;
  identityVerification: IdentityVerification;
  allowedOrigins: string[];
}

export interface NewAgent {
  email: string;
  name: string;
  role: AgentRole;
  capacity: number;
  passwordHash: string;
}

export interface NewMessage {
  conversationId: string;
  clientMessageId: string;
  authorKind: AuthorKind;
  authorId: string | null;
  kind: MessageKind;
  text: string;
}

export interface AppendResult {
  message: Message;
  conversation: Conversation;
  /** The clientMessageId was already stored: `message` is the original, nothing was written. */
  duplicate: boolean;
}

export interface ConversationFilter {
  contactId?: string;
  status?: ConversationStatus;
  limit: number;
  cursor?: string;
}

export interface HistoryFilter {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
  /** Agents see internal notes; visitors never do. */
  includeNotes: boolean;
}

export interface Store {
  sites: {
    create(site: NewSite): Promise<SiteRecord>;
    byId(id: string): Promise<SiteRecord | null>;
    byKey(siteKey: string): Promise<SiteRecord | null>;
    count(): Promise<number>;
  };
  contacts: {
    create(contact: { siteId: string; resumeSecretHash: string }): Promise<ContactRecord>;
    byId(id: string): Promise<ContactRecord | null>;
  };
  agents: {
    create(agent: NewAgent): Promise<AgentRecord>;
    byId(id: string): Promise<AgentRecord | null>;
    byEmail(email: string): Promise<AgentRecord | null>;
  };
  conversations: {
    byId(id: string): Promise<Conversation | null>;
    /** The contact's open conversation on the channel, created (with `status`) if there is none. */
    openOrCreate(input: {
      siteId: string;
      contactId: string;
      channel: Channel;
      status: ConversationStatus;
    }): Promise<{ conversation: Conversation; created: boolean }>;
    /** Most recently updated first. */
    list(filter: ConversationFilter): Promise<{ items: Conversation[]; nextCursor: string | null }>;
  };
  messages: {
    /**
     * Inserts idempotently and assigns the next `seq`, in one transaction (DESIGN.md delivery
     * guarantee 2). Throws AppError `conflict` if the clientMessageId belongs to another author.
     */
    append(message: NewMessage): Promise<AppendResult>;
    /** Ascending by seq. With neither bound, the latest page. */
    history(conversationId: string, filter: HistoryFilter): Promise<{ items: Message[]; hasMore: boolean }>;
  };
  close(): Promise<void>;
}
