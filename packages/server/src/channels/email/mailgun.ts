// A Mailgun route's POST (forward() to the webhook URL): either the message as parsed fields
// ("Receiving Messages via HTTP": from, subject, body-plain, stripped-text, attachment-N, every
// header also as its own field and in message-headers) or, for a URL ending in "mime", the raw
// message in `body-mime`.
import addressparser from 'nodemailer/lib/addressparser';
import { isAutomaticReply } from './auto-reply.js';
import type { Mail } from './inbound-mail.js';
import { parseMime } from './mime.js';
import { textField } from './body-kind.js';

export async function parseMailgunForm(form: FormData): Promise<Mail> {
  const mime = textField(form, 'body-mime');
  if (mime !== undefined) return parseMime(mime);
  const from = addressparser(header(form, 'from') ?? textField(form, 'sender') ?? '', { flatten: true })[0];
  const stripped = textField(form, 'stripped-text');
  const date = header(form, 'date');
  return {
    from: { address: from?.address ?? '', name: from?.name },
    subject: header(form, 'subject'),
    // Mailgun's stripped-text has the quoted history and signature cut already, when it could.
    text: stripped ?? textField(form, 'body-plain') ?? '',
    quoteStripped: stripped !== undefined,
    messageId: header(form, 'message-id'),
    inReplyTo: header(form, 'in-reply-to'),
    references: header(form, 'references'),
    date: date === undefined ? undefined : new Date(date),
    automatic: isAutomaticReply((name) => header(form, name)),
    files: await attachments(form),
  };
}

/**
 * A header's value (`name` lowercased): Mailgun posts each as a field (`Message-Id`, and `from`,
 * `subject` lowercased) and all of them in message-headers.
 */
function header(form: FormData, name: string): string | undefined {
  for (const [key, value] of form) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  let headers: unknown;
  try {
    headers = JSON.parse(textField(form, 'message-headers') ?? '[]');
  } catch {
    return undefined;
  }
  if (!Array.isArray(headers)) return undefined;
  for (const entry of headers as unknown[]) {
    if (Array.isArray(entry) && String(entry[0]).toLowerCase() === name && typeof entry[1] === 'string')
      return entry[1];
  }
  return undefined;
}

/** `attachment-1` … `attachment-<attachment-count>`, as multipart files. */
async function attachments(form: FormData): Promise<Mail['files']> {
  const files: Mail['files'] = [];
  for (const [key, value] of form) {
    if (!/^attachment-\d+$/.test(key) || typeof value === 'string') continue;
    files.push({
      name: value.name || key,
      contentType: value.type || 'application/octet-stream',
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return files;
}
