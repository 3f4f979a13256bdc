import type { Attachment } from '@switchboard/protocol';
import type { FileNote } from './file-note.js';

/** A file in the composer, uploading or uploaded, not yet sent. */
export interface DraftAttachment {
  /** Local and unique, for the list's keys and the remove button. */
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'ready' | 'failed';
  /** From 0 to 1. */
  progress: number;
  /** The server's record, once uploaded. */
  attachment: Attachment | null;
  /** Why the upload failed, as shown to the visitor. */
  error: FileNote | null;
}
