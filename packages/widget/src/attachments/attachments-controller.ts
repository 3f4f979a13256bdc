import { MAX_ATTACHMENTS, type Attachment, type UploadLimits } from '@switchboard/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { checkFiles } from './check-files.js';
import type { DraftAttachment } from './draft-attachment.js';
import { noteText, type FileNote } from './file-note.js';
import { formatFileSize } from './file-size.js';

/** What the controller needs of the host's language. */
export interface AttachmentText {
  strings: Strings;
  lang: string;
}

/**
 * Why a file (by name) was refused before uploading (a `Refusal`), or by the server (an SDK error
 * code), in the visitor's language.
 */
function describe(reason: string, name: string, limits: UploadLimits | null, text: AttachmentText): FileNote {
  const strings = withPartStrings(text.strings);
  if ((reason === 'too-large' || reason === 'file_too_large') && limits)
    return {
      template: strings.fileTooLarge,
      values: { name, max: formatFileSize(limits.maxBytes, text.lang) },
    };
  if (reason === 'type' || reason === 'unsupported_file_type')
    return { template: strings.fileTypeNotAllowed, values: { name } };
  if (reason === 'too-many')
    return { template: strings.tooManyFiles, values: { max: limits?.maxAttachments ?? MAX_ATTACHMENTS } };
  return { template: strings.uploadFailed, values: { name } };
}

/**
 * The files in the composer: each starts uploading as soon as it is chosen, dropped or pasted
 * (so that sending is instant), shows its progress, and can be removed, which cancels its upload.
 * Files the server's announced limits refuse never start; why is in `notices`.
 */
export class AttachmentsController implements ReactiveController {
  drafts: readonly DraftAttachment[] = [];
  /** Files refused before uploading, said once each, until the next change. */
  notices: readonly FileNote[] = [];

  private readonly host: ReactiveControllerHost;
  private readonly visitor: VisitorController;
  private readonly text: () => AttachmentText;
  private readonly uploads = new Map<string, AbortController>();
  private nextKey = 0;

  constructor(host: ReactiveControllerHost, visitor: VisitorController, text: () => AttachmentText) {
    this.host = host;
    this.visitor = visitor;
    this.text = text;
    host.addController(this);
  }

  /** Uploaded and waiting to be sent, in the order they were added. */
  get ready(): readonly Attachment[] {
    return this.drafts.flatMap((draft) => (draft.attachment ? [draft.attachment] : []));
  }

  get uploading(): boolean {
    return this.drafts.some((draft) => draft.status === 'uploading');
  }

  /** Types for the file picker's `accept`, once the server has announced them. */
  get accept(): string {
    return this.visitor.state.site?.uploads.contentTypes.join(',') ?? '';
  }

  add(files: readonly File[]): void {
    if (files.length === 0 || !this.visitor.client) return;
    const limits = this.visitor.state.site?.uploads ?? null;
    const text = this.text();
    const { accepted, refused } = checkFiles(files, {
      limits,
      attached: this.drafts.length,
      maxAttachments: limits?.maxAttachments ?? MAX_ATTACHMENTS,
    });
    // One "too many" note is enough, however many files it turned away.
    const notes = refused.map(({ file, reason }) => describe(reason, file.name, limits, text));
    this.notices = notes.filter(
      (note, index) => notes.findIndex((other) => noteText(other) === noteText(note)) === index,
    );
    const added = accepted.map((file): DraftAttachment => {
      const key = `file-${++this.nextKey}`;
      return {
        key,
        name: file.name,
        size: file.size,
        status: 'uploading',
        progress: 0,
        attachment: null,
        error: null,
      };
    });
    this.drafts = [...this.drafts, ...added];
    this.host.requestUpdate();
    accepted.forEach((file, index) => void this.upload(file, added[index]?.key ?? ''));
  }

  /** Takes a file out of the composer, cancelling its upload if it is still going. */
  remove(key: string): void {
    this.uploads.get(key)?.abort();
    this.uploads.delete(key);
    this.drafts = this.drafts.filter((draft) => draft.key !== key);
    this.notices = [];
    this.host.requestUpdate();
  }

  /** After sending: the files went with the message (failed ones are dropped with them). */
  clear(): void {
    for (const upload of this.uploads.values()) upload.abort();
    this.uploads.clear();
    this.drafts = [];
    this.notices = [];
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const upload of this.uploads.values()) upload.abort();
    this.uploads.clear();
  }

  private update(key: string, patch: Partial<DraftAttachment>): void {
    if (!this.drafts.some((draft) => draft.key === key)) return;
    this.drafts = this.drafts.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft));
    this.host.requestUpdate();
  }

  private async upload(file: File, key: string): Promise<void> {
    const controller = new AbortController();
    this.uploads.set(key, controller);
    try {
      const attachment = await this.visitor.requireClient().upload(file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) => this.update(key, { progress: total > 0 ? loaded / total : 0 }),
      });
      this.update(key, { status: 'ready', progress: 1, attachment });
    } catch (error) {
      if (controller.signal.aborted) return;
      const code = (error as { code?: unknown }).code;
      const limits = this.visitor.state.site?.uploads ?? null;
      this.update(key, {
        status: 'failed',
        error: describe(typeof code === 'string' ? code : '', file.name, limits, this.text()),
      });
    } finally {
      if (this.uploads.get(key) === controller) this.uploads.delete(key);
    }
  }
}
