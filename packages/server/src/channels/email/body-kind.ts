// Everything Mailgun and mail servers post arrives at the account's one webhook URL; the
// Content-Type tells inbound mail from Mailgun's delivery events.
import type { InboundRequest } from '../adapter.js';

export type BodyKind = 'mailgun' | 'mailgun-event' | 'mime';

/**
 * Mailgun posts a mail as a form (multipart when it has attachments) and a delivery event
 * (Sending › Webhooks) as JSON; a raw message is `message/rfc822`.
 */
export function bodyKind(request: InboundRequest): BodyKind | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') return 'mailgun';
  if (type === 'application/json') return 'mailgun-event';
  if (type === 'message/rfc822') return 'mime';
  return null;
}

const forms = new WeakMap<InboundRequest, Promise<FormData>>();

/**
 * The posted form. `verify` needs its signature fields and `parse` the rest: the same request is
 * parsed once (a multipart body with attachments may be tens of megabytes).
 */
export function readForm(request: InboundRequest): Promise<FormData> {
  let form = forms.get(request);
  if (!form) {
    const contentType = request.headers.get('content-type') ?? '';
    form = new Response(new Uint8Array(request.rawBody), {
      headers: { 'content-type': contentType },
    }).formData();
    forms.set(request, form);
  }
  return form;
}

/** A text field, or undefined when it is absent or a file. */
export function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The posted JSON, or null when it is not JSON; parsed once for `verify` and `parse` alike. */
export function readJson(request: InboundRequest): unknown {
  if (!json.has(request)) {
    let body: unknown = null;
    try {
      body = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
    } catch {
      // Left null: verify finds no signature in it and refuses the request.
    }
    json.set(request, body);
  }
  return json.get(request);
}

const json = new WeakMap<InboundRequest, unknown>();
