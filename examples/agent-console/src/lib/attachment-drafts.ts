// Files waiting to go with the next message, kept per conversation like the text drafts: an agent
// who switches conversations mid-upload finds the files where they were, still uploading, and
// they never go with a message to anyone else.
import type { UploadOptions } from '@switchboard/agent-sdk';
import type { Attachment, UploadLimits } from '@switchboard/protocol';
import { checkFiles, refusalText } from './check-files.js';
import { describeError, errorCode } from './describe-error.js';

/** A file in the composer, uploading or uploaded, not yet sent. */
export interface DraftFile {
  /** Unique in the tab: for the list's keys and the remove button. */
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'ready' | 'failed';
  /** From 0 to 1. */
  progress: number;
  /** The server's record, once uploaded. */
  attachment: Attachment | null;
  /** Why the upload failed, as shown to the agent. */
  error: string | null;
}

/** A file that made it to the server, ready to be sent. */
export type ReadyFile = DraftFile & { status: 'ready'; attachment: Attachment };

export interface AttachmentDraftsOptions {
  /** The agent client's `upload`. */
  upload(file: File, options: UploadOptions): Promise<Attachment>;
  /** The agent client's `uploadLimits` (fetched once by the SDK). */
  uploadLimits(): Promise<UploadLimits>;
}

const NONE: readonly never[] = [];

export class AttachmentDrafts {
  private readonly files = new Map<string, readonly DraftFile[]>();
  private readonly refusals = new Map<string, readonly string[]>();
  private readonly uploads = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private limitsLoaded: UploadLimits | null = null;
  private nextKey = 0;

  constructor(private readonly options: AttachmentDraftsOptions) {}

  /** What the server accepts, or null until known (or when it could not be asked). */
  get limits(): UploadLimits | null {
    return this.limitsLoaded;
  }

  /** Asks the server for its limits; null when that fails (the upload itself will say why). */
  async loadLimits(): Promise<UploadLimits | null> {
    try {
      this.limitsLoaded ??= await this.options.uploadLimits();
    } catch {
      return null;
    }
    return this.limitsLoaded;
  }

  list(conversationId: string): readonly DraftFile[] {
    return this.files.get(conversationId) ?? NONE;
  }

  /** Why files were refused before uploading, for the latest files added to this conversation. */
  notices(conversationId: string): readonly string[] {
    return this.refusals.get(conversationId) ?? NONE;
  }

  ready(conversationId: string): ReadyFile[] {
    return this.list(conversationId).filter(isReady);
  }

  uploading(conversationId: string): boolean {
    return this.list(conversationId).some((draft) => draft.status === 'uploading');
  }

  /** Checks the files against the server's limits and starts uploading those that pass. */
  async add(conversationId: string, files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const limits = await this.loadLimits();
    const attached = this.list(conversationId).filter((draft) => draft.status !== 'failed').length;
    const { accepted, refusals } = checkFiles(files, { limits, attached });
    this.refusals.set(conversationId, refusals);
    const added = accepted.map((file): DraftFile => ({
      key: `file-${++this.nextKey}`,
      name: file.name,
      size: file.size,
      status: 'uploading',
      progress: 0,
      attachment: null,
      error: null,
    }));
    this.files.set(conversationId, [...this.list(conversationId), ...added]);
    this.notify();
    accepted.forEach((file, index) => {
      const draft = added[index];
      if (draft) void this.upload(conversationId, file, draft.key);
    });
  }

  /** Takes a file out of the next message, cancelling its upload if it is still going. */
  remove(conversationId: string, key: string): void {
    this.uploads.get(key)?.abort();
    this.uploads.delete(key);
    this.set(
      conversationId,
      this.list(conversationId).filter((draft) => draft.key !== key),
    );
    this.refusals.delete(conversationId);
    this.notify();
  }

  /**
   * For sending: the uploaded files, in order, taken out of the conversation's drafts. Failed ones
   * are dropped with them; call it only once nothing is uploading.
   */
  take(conversationId: string): ReadyFile[] {
    const ready = this.ready(conversationId);
    for (const draft of this.list(conversationId)) {
      this.uploads.get(draft.key)?.abort();
      this.uploads.delete(draft.key);
    }
    this.files.delete(conversationId);
    this.refusals.delete(conversationId);
    this.notify();
    return ready;
  }

  /** Puts files back after a send that never left (they are still the agent's, unsent). */
  restore(conversationId: string, files: readonly ReadyFile[]): void {
    if (files.length === 0) return;
    this.files.set(conversationId, [...files, ...this.list(conversationId)]);
    this.notify();
  }

  /** Cancels every upload (the agent logged out). */
  dispose(): void {
    for (const upload of this.uploads.values()) upload.abort();
    this.uploads.clear();
    this.files.clear();
    this.refusals.clear();
    this.listeners.clear();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async upload(conversationId: string, file: File, key: string): Promise<void> {
    const controller = new AbortController();
    this.uploads.set(key, controller);
    try {
      const attachment = await this.options.upload(file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          this.update(conversationId, key, { progress: total > 0 ? Math.min(loaded / total, 1) : 0 }),
      });
      this.update(conversationId, key, { status: 'ready', progress: 1, attachment });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.update(conversationId, key, {
        status: 'failed',
        error: failureText(error, file.name, this.limits),
      });
    } finally {
      if (this.uploads.get(key) === controller) this.uploads.delete(key);
    }
  }

  private update(conversationId: string, key: string, patch: Partial<DraftFile>): void {
    const list = this.list(conversationId);
    if (!list.some((draft) => draft.key === key)) return;
    this.set(
      conversationId,
      list.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)),
    );
    this.notify();
  }

  private set(conversationId: string, list: readonly DraftFile[]): void {
    if (list.length === 0) this.files.delete(conversationId);
    else this.files.set(conversationId, list);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function isReady(draft: DraftFile): draft is ReadyFile {
  return draft.status === 'ready' && draft.attachment !== null;
}

/** The server refused the bytes (a `.png` that is a PDF) or the size: said like a refusal before upload. */
function failureText(error: unknown, name: string, limits: UploadLimits | null): string {
  const code = errorCode(error);
  if (code === 'file_too_large' || code === 'unsupported_file_type') return refusalText(code, name, limits);
  return `${name} could not be uploaded. ${describeError(error)}`;
}
