import type { UploadLimits } from '@switchboard/protocol';

/** Why a file is refused before it is uploaded. */
export type Refusal = 'too-large' | 'type' | 'too-many';

export interface FileCheck<F> {
  accepted: F[];
  refused: { file: F; reason: Refusal }[];
}

export interface CheckOptions {
  /** The server's announced limits; null before the visitor has a session (the SDK checks again). */
  limits: UploadLimits | null;
  /** Files already waiting in the composer. */
  attached: number;
  /** The most files one message carries. */
  maxAttachments: number;
}

/**
 * Which of the files chosen, dropped or pasted to take: those within the announced size and
 * types, and no more than a message can carry. A file whose type the browser does not know goes
 * through; the server reads its bytes.
 */
export function checkFiles<F extends { size: number; type: string }>(
  files: readonly F[],
  { limits, attached, maxAttachments }: CheckOptions,
): FileCheck<F> {
  const check: FileCheck<F> = { accepted: [], refused: [] };
  for (const file of files) {
    const type = file.type.toLowerCase();
    if (limits && file.size > limits.maxBytes) check.refused.push({ file, reason: 'too-large' });
    else if (limits && type !== '' && !limits.contentTypes.includes(type))
      check.refused.push({ file, reason: 'type' });
    else if (attached + check.accepted.length >= maxAttachments)
      check.refused.push({ file, reason: 'too-many' });
    else check.accepted.push(file);
  }
  return check;
}
