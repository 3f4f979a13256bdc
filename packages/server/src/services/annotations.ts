// Tags and labels on conversations: agents' own bookkeeping. Each change is one transaction
// (with its timeline events) and reaches every agent as `conversation:updated`; visitors never
// hear of it.
import type { Conversation, LabelPayload, TagsPayload } from '@switchboard/protocol';
import type { AnnotateRequest, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Viewer } from './viewer.js';

export interface AnnotationService {
  /** Tags are normalised by the payload's schema; ones already there are left alone. */
  addTags(viewer: Viewer, payload: TagsPayload): Promise<Conversation>;
  removeTags(viewer: Viewer, payload: TagsPayload): Promise<Conversation>;
  /** `not_found` for a label of another site (or none). */
  addLabel(viewer: Viewer, payload: LabelPayload): Promise<Conversation>;
  removeLabel(viewer: Viewer, payload: LabelPayload): Promise<Conversation>;
}

/** `TagsPayload` after parsing: every tag normalised. */
type Tags = { conversationId: string; tags: string[] };

export function createAnnotationService({ store, bus }: { store: Store; bus: EventBus }): AnnotationService {
  async function annotate(
    viewer: Viewer,
    conversationId: string,
    change: Pick<AnnotateRequest, 'tags' | 'labels'>,
  ): Promise<Conversation> {
    if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents tag and label conversations');
    const result = await store.conversations.annotate({
      conversationId,
      ...change,
      actor: { kind: 'agent', id: viewer.agentId },
    });
    if (!result) throw AppError.notFound('Conversation');
    // Nothing changed, nothing to announce: a retry or a double click is answered alike.
    if (result.changed) bus.publish('conversation.annotated', { conversation: result.conversation });
    return result.conversation;
  }

  return {
    addTags: (viewer, { conversationId, tags }: Tags) =>
      annotate(viewer, conversationId, { tags: { add: tags } }),
    removeTags: (viewer, { conversationId, tags }: Tags) =>
      annotate(viewer, conversationId, { tags: { remove: tags } }),
    addLabel: (viewer, { conversationId, labelId }) =>
      annotate(viewer, conversationId, { labels: { add: [labelId] } }),
    removeLabel: (viewer, { conversationId, labelId }) =>
      annotate(viewer, conversationId, { labels: { remove: [labelId] } }),
  };
}
