import { renderCanned, type AgentClient } from '@switchboard/agent-sdk';
import type { Contact } from '@switchboard/protocol';

export interface CannedContextTracker {
  /** Follows the open conversation: its contact is fetched at once, for the replies to come. */
  show(conversationId: string | null): void;
  /** A reply's body filled in for the open conversation, once its contact has arrived. */
  render(body: string): Promise<string>;
  /** The same at once, with whatever is known now (for the list's previews). */
  preview(body: string): string;
  dispose(): void;
}

/**
 * What `renderCanned` needs for the open conversation: its contact (fetched when it opens, live
 * from `contact:updated`), the signed-in agent and the conversation. A contact that cannot be
 * fetched renders as no contact, with the replies' fallbacks.
 */
export function cannedContext(client: AgentClient): CannedContextTracker {
  let conversationId: string | null = null;
  let contact: Promise<Contact | null> = Promise.resolve(null);
  let known: Contact | null = null;

  const contextWith = (current: Contact | null) => {
    const state = client.getSnapshot();
    return {
      contact: current,
      agent: state.agent,
      conversation:
        conversationId === null ? null : (state.conversations[conversationId] ?? { id: conversationId }),
    };
  };

  const stop = client.on('contact:updated', (updated) => {
    if (
      conversationId === null ||
      client.getSnapshot().conversations[conversationId]?.contactId !== updated.id
    )
      return;
    known = updated;
    contact = Promise.resolve(updated);
  });

  return {
    show(id) {
      if (id === conversationId) return;
      conversationId = id;
      known = null;
      if (id === null) {
        contact = Promise.resolve(null);
        return;
      }
      contact = client.contact(id).then(
        (fetched) => {
          if (conversationId === id && known === null) known = fetched;
          return fetched;
        },
        () => null,
      );
    },
    async render(body) {
      const asked = conversationId;
      const current = await contact;
      return renderCanned(body, contextWith(asked === conversationId ? current : null));
    },
    preview: (body) => renderCanned(body, contextWith(known)),
    dispose: stop,
  };
}
