// Both inbound kinds arrive at the account's one webhook URL; the Content-Type tells them apart.
import type { InboundRequest } from '../adapter.js';

export type BodyKind = 'mailgun' | 'mime';

/** Mailgun posts a form (multipart when the mail has attachments); a raw message is `message/rfc822`. */
export function bodyKind(request: InboundRequest): BodyKind | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') return 'mailgun';
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
