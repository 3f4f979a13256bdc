// When the console calls the agent's attention (a sound and a browser notification): a new
// conversation, or a visitor writing in one that is theirs or waiting, unless the agent is
// already looking at it. Decided from events alone, so it is tested without a browser.
import type { Conversation, Message } from '@switchboard/protocol';

export interface Alert {
  /** One notification per conversation: a newer alert replaces the older one. */
  conversationId: string;
  title: string;
  body: string;
}

export interface AlertContext {
  selfId: string | null;
  /** The conversation open in the thread. */
  selectedId: string | null;
  /** The console's tab is visible. */
  visible: boolean;
}

const BODY_MAX = 140;
const clip = (text: string) => (text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1)}…` : text);

const watched = (context: AlertContext, conversationId: string) =>
  context.visible && context.selectedId === conversationId;

export function conversationAlert(conversation: Conversation, context: AlertContext): Alert | null {
  // The bot is answering: an agent is called when it hands over, or sees it in the Bot tab.
  if (conversation.status !== 'queued' && conversation.assigneeId !== context.selfId) return null;
  if (watched(context, conversation.id)) return null;
  return {
    conversationId: conversation.id,
    title: 'New conversation',
    body: 'A visitor is waiting for an agent.',
  };
}

export function messageAlert(
  message: Message,
  conversation: Conversation | undefined,
  context: AlertContext,
): Alert | null {
  if (message.authorKind !== 'visitor' || !conversation) return null;
  const mineOrWaiting = conversation.assigneeId === context.selfId || conversation.status === 'queued';
  if (!mineOrWaiting || watched(context, conversation.id)) return null;
  const body = message.text.trim() || (message.attachments?.length ? 'Sent a file' : 'New message');
  return { conversationId: conversation.id, title: 'New message', body: clip(body) };
}
