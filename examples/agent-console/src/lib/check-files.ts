// Files the agent picked, dropped or pasted, checked against what the server announced it accepts
// before a byte goes out. The server checks again (and reads the bytes); this only spares the
// agent an upload that was bound to fail, and says why in a sentence.
import { checkUpload, formatBytes } from '@switchboard/agent-sdk';
import { MAX_ATTACHMENTS, type UploadLimits } from '@switchboard/protocol';

/** What a refusal was about; the first two are also the server's error codes for the same thing. */
export type Refusal = 'file_too_large' | 'unsupported_file_type' | 'too_many';

export interface FileCheck<F> {
  accepted: F[];
  /** One sentence per refused file; a single one for every file over the count. */
  refusals: string[];
}

export interface CheckOptions {
  /** The server's `GET /v1/uploads/limits`; null when they could not be fetched (the server decides). */
  limits: UploadLimits | null;
  /** Files already waiting to go with the next message. */
  attached: number;
}

/** Browsers give a file they do not know an empty type; the server then decides from the bytes. */
const UNDECLARED = 'application/octet-stream';

export function refusalText(reason: Refusal, name: string, limits: UploadLimits | null): string {
  switch (reason) {
    case 'file_too_large':
      return limits
        ? `${name} is larger than ${formatBytes(limits.maxBytes)}, the largest file the server accepts.`
        : `${name} is larger than the server accepts.`;
    case 'unsupported_file_type':
      return `${name} is a kind of file the server does not accept.`;
    case 'too_many':
      return `A message carries at most ${limits?.maxAttachments ?? MAX_ATTACHMENTS} files.`;
  }
}

/**
 * Which files to upload: those within the announced size and types (the SDK's own `checkUpload`,
 * so the rule is written once), and no more than one message carries.
 */
export function checkFiles<F extends { name: string; size: number; type: string }>(
  files: readonly F[],
  { limits, attached }: CheckOptions,
): FileCheck<F> {
  const max = limits?.maxAttachments ?? MAX_ATTACHMENTS;
  const accepted: F[] = [];
  const refusals = new Set<string>();
  for (const file of files) {
    const refused = checkUpload({ size: file.size, contentType: file.type || UNDECLARED }, limits);
    const reason: Refusal | null =
      refused?.code === 'file_too_large' || refused?.code === 'unsupported_file_type'
        ? refused.code
        : attached + accepted.length >= max
          ? 'too_many'
          : null;
    if (reason === null) accepted.push(file);
    else refusals.add(refusalText(reason, file.name, limits));
  }
  return { accepted, refusals: [...refusals] };
}
