// Uploads and downloads over real HTTP, sending them over real sockets, against a real SQLite file
// and upload directory.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ulid,
  type Attachment,
  type Conversation,
  type Message,
  type UploadLimits,
} from '@switchboard/protocol';
import { PNG_8x6, PREFIXES } from '../../test-support/files.js';
import { nextEvent, startHarness, type Harness, type VisitorSocket } from '../../test-support/harness.js';

const MAX_BYTES = 64 * 1024;

let h: Harness;
let uploadDir: string;
beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_UPLOAD_MAX_BYTES: String(MAX_BYTES) });
  uploadDir = join(dirname(h.dbPath), 'uploads');
});
afterAll(() => h.close());

interface ErrorBody {
  error: { code: string; message: string };
}

async function upload<T = Attachment>(
  token: string | null,
  body: NonNullable<RequestInit['body']>,
  { name = 'file.bin', type }: { name?: string; type?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = type ? { 'content-type': type } : {};
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${h.url}/v1/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body,
    // A ReadableStream body goes out chunked, without a Content-Length.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const download = (url: string, headers: Record<string, string> = {}) => fetch(`${h.url}${url}`, { headers });

const storedFiles = () => readdirSync(uploadDir).sort();

async function visitorWithConversation(): Promise<{
  token: string;
  socket: VisitorSocket;
  conversationId: string;
}> {
  const session = await h.visitorSession();
  const socket = await h.visitorSocket(session.token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { token: session.token, socket, conversationId: ack.data.id };
}

describe('POST /v1/uploads', () => {
  it('announces its limits to visitors (with their site) and to agents', async () => {
    const session = await h.visitorSession();
    expect(session.site.uploads).toMatchObject({ maxBytes: MAX_BYTES, maxAttachments: 10 });
    expect(session.site.uploads.contentTypes).toEqual(
      expect.arrayContaining(['image/png', 'application/pdf']),
    );
    expect(session.site.uploads.contentTypes).not.toContain('image/svg+xml');
    const agent = await h.agentSession();
    const limits = await h.get<UploadLimits>('/v1/uploads/limits', agent.token);
    expect(limits).toEqual({ status: 200, body: session.site.uploads });
  });

  it('stores a visitor’s image under its id, typed by its bytes, and serves it back exactly', async () => {
    const { token } = await h.visitorSession();
    const files = storedFiles();
    const { status, body } = await upload(token, PNG_8x6, { name: 'Screen shot.png', type: 'image/png' });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String) as unknown,
      name: 'Screen shot.png',
      contentType: 'image/png',
      size: PNG_8x6.length,
      kind: 'image',
      width: 8,
      height: 6,
      url: expect.stringMatching(
        /^\/v1\/attachments\/[0-9A-Z]{26}\/Screen%20shot\.png\?key=[\w-]{32}$/,
      ) as unknown,
    });
    expect(storedFiles()).toEqual([...files, body.id].sort());

    const response = await download(body.url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_8x6);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG_8x6.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `inline; filename="Screen shot.png"; filename*=UTF-8''Screen%20shot.png`,
    });
  });

  it('serves documents as downloads with an encoded name, text with its charset, and byte ranges', async () => {
    const { token } = await h.visitorSession();
    const pdf = (await upload(token, PREFIXES.pdf, { name: 'Rechnung März.pdf', type: 'application/pdf' }))
      .body;
    const pdfResponse = await download(pdf.url);
    expect(pdfResponse.headers.get('content-disposition')).toBe(
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
    const text = (await upload(token, PREFIXES.text, { name: 'notes.txt' })).body;
    expect(text).toMatchObject({ contentType: 'text/plain', kind: 'file' });
    const textResponse = await download(text.url);
    expect(textResponse.headers.get('content-type')).toBe('text/plain; charset=utf-8');

    const partial = await download(pdf.url, { range: 'bytes=5-7' });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 5-7/${PREFIXES.pdf.length}`);
    expect(await partial.text()).toBe('1.5');
    const outside = await download(pdf.url, { range: `bytes=${PREFIXES.pdf.length}-` });
    expect(outside.status).toBe(416);
  });

  it('refuses an oversize file with 413 file_too_large, leaving no file and no row', async () => {
    const { token } = await h.visitorSession();
    const [files, rows] = [storedFiles(), h.count('attachments')];
    const big = new Uint8Array(MAX_BYTES + 1).fill(0x61);
    const declared = await upload<ErrorBody>(token, big, { name: 'big.txt', type: 'text/plain' });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toEqual({
      code: 'file_too_large',
      message: 'The file is larger than the limit of 64 KB',
    });

    // Without a Content-Length the limit is found while streaming, after part of it was written.
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await upload<ErrorBody>(token, stream, { name: 'big.txt', type: 'text/plain' });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe('file_too_large');
    expect(storedFiles()).toEqual(files);
    expect(h.count('attachments')).toBe(rows);
  });

  it.each([
    ['a JPEG declared as a PNG', PREFIXES.jpeg, 'image/png'],
    ['an SVG declared as SVG', PREFIXES.svg, 'image/svg+xml'],
    ['an SVG declared as a PNG', PREFIXES.svg, 'image/png'],
    ['an SVG declared as text', PREFIXES.svgWithProlog, 'text/plain'],
    ['HTML declared as HTML', PREFIXES.html, 'text/html'],
    ['HTML without a declared type', PREFIXES.html, undefined],
    ['an executable', PREFIXES.elf, 'application/octet-stream'],
  ])('refuses %s with 415 unsupported_file_type, leaving nothing', async (_label, bytes, type) => {
    const { token } = await h.visitorSession();
    const [files, rows] = [storedFiles(), h.count('attachments')];
    const { status, body } = await upload<ErrorBody>(token, bytes, { name: 'x', type });
    expect(status).toBe(415);
    expect(body.error.code).toBe('unsupported_file_type');
    expect(body.error.message).toMatch(/\S/);
    expect(storedFiles()).toEqual(files);
    expect(h.count('attachments')).toBe(rows);
  });

  it('answers a missing token with 401, a missing or overlong name with 400 and an empty file with 400', async () => {
    expect((await upload<ErrorBody>(null, PNG_8x6, { type: 'image/png' })).status).toBe(401);
    const { token } = await h.visitorSession();
    const noName = await fetch(`${h.url}/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: PNG_8x6,
    });
    expect(noName.status).toBe(400);
    expect((await upload<ErrorBody>(token, PNG_8x6, { name: 'x'.repeat(1001) })).status).toBe(400);
    const empty = await upload<ErrorBody>(token, new Uint8Array(), { name: 'empty.txt' });
    expect(empty).toEqual({
      status: 400,
      body: { error: { code: 'invalid_payload', message: 'The file is empty' } },
    });
  });

  it('keeps file names as text, cleaned of controls and path separators', async () => {
    const { token } = await h.visitorSession();
    const { body } = await upload(token, PNG_8x6, {
      name: '../<img src=x onerror=alert(1)>\r\n.png',
      type: 'image/png',
    });
    expect(body.name).toBe('.._<img src=x onerror=alert(1)> .png');
    expect(storedFiles()).toContain(body.id);
  });

  it('answers a wrong or missing key exactly like a missing file', async () => {
    const { token } = await h.visitorSession();
    const { body } = await upload(token, PNG_8x6, { name: 'a.png', type: 'image/png' });
    const base = body.url.split('?')[0] ?? '';
    for (const url of [
      base,
      `${base}?key=wrong`,
      body.url.replace(body.id, ulid()),
      '/v1/attachments/../x?key=a',
    ]) {
      const response = await download(url);
      expect(response.status, url).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    }
  });
});

describe('sending attachments', () => {
  it('links a visitor’s uploads to their message, in order, even without text; agents get them live and in history', async () => {
    const agent = await h.agentSession();
    const agentSocket = await h.agentSocket(agent.token);
    const { token, socket, conversationId } = await visitorWithConversation();
    const image = (await upload(token, PNG_8x6, { name: 'photo.png', type: 'image/png' })).body;
    const pdf = (await upload(token, PREFIXES.pdf, { name: 'receipt.pdf', type: 'application/pdf' })).body;
    const broadcast = nextEvent<Message>(agentSocket, 'message:created');
    const ack = await socket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: '  ',
      attachmentIds: [pdf.id, image.id],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data.text).toBe('');
    expect(ack.data.attachments).toEqual([pdf, image]);
    expect((await broadcast).attachments).toEqual([pdf, image]);

    const history = await h.get<{ items: Message[] }>(
      `/v1/conversations/${conversationId}/messages`,
      agent.token,
    );
    expect(history.body.items.at(-1)?.attachments).toEqual([pdf, image]);
    // Linked now: the pending-upload timer leaves it alone.
    await h.switchboard.services.attachments.expire(image.id);
    expect((await download(image.url)).status).toBe(200);
  });

  it('refuses a send with neither text nor attachments', async () => {
    const { socket, conversationId } = await visitorWithConversation();
    const ack = await socket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      attachmentIds: [],
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('never lets a visitor send another visitor’s upload, nor one already sent; nothing is written', async () => {
    const owner = await visitorWithConversation();
    const other = await visitorWithConversation();
    const upload1 = (await upload(owner.token, PNG_8x6, { name: 'mine.png', type: 'image/png' })).body;
    const messages = h.count('messages');
    const stolen = await other.socket.emitWithAck('message:send', {
      conversationId: other.conversationId,
      clientMessageId: ulid(),
      text: 'look',
      attachmentIds: [upload1.id],
    });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(h.count('messages')).toBe(messages);

    const sent = await owner.socket.emitWithAck('message:send', {
      conversationId: owner.conversationId,
      clientMessageId: ulid(),
      attachmentIds: [upload1.id],
    });
    expect(sent.ok).toBe(true);
    const again = await owner.socket.emitWithAck('message:send', {
      conversationId: owner.conversationId,
      clientMessageId: ulid(),
      text: 'again',
      attachmentIds: [upload1.id],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(h.count('messages')).toBe(messages + 1);
  });

  it('lets an agent send files to a visitor, and keeps a note’s files from the visitor', async () => {
    const agent = await h.agentSession();
    const agentSocket = await h.agentSocket(agent.token);
    const { token, socket, conversationId } = await visitorWithConversation();
    const seen: Message[] = [];
    socket.on('message:created', (message) => void seen.push(message));
    // Routing may have given the conversation to the (only, online) demo agent already.
    const { body: current } = await h.get<Conversation>(`/v1/conversations/${conversationId}`, agent.token);
    if (current.assigneeId !== agent.agent.id) {
      const accepted = await agentSocket.emitWithAck('conversation:accept', { conversationId });
      if (!accepted.ok) throw new Error(accepted.error.message);
    }
    const internal = (await upload(agent.token, PREFIXES.text, { name: 'internal.txt' })).body;
    const guide = (await upload(agent.token, PREFIXES.pdf, { name: 'guide.pdf', type: 'application/pdf' }))
      .body;
    const note = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'for us',
      kind: 'note',
      attachmentIds: [internal.id],
    });
    expect(note.ok).toBe(true);
    const received = nextEvent<Message>(socket, 'message:created');
    const reply = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'Here is the guide',
      attachmentIds: [guide.id],
    });
    expect(reply.ok).toBe(true);
    expect((await received).attachments).toEqual([guide]);
    const history = await h.get<{ items: Message[] }>(`/v1/conversations/${conversationId}/messages`, token);
    const visible = [...seen, ...history.body.items].flatMap((message) => message.attachments);
    expect(visible.map((attachment) => attachment.id)).not.toContain(internal.id);
    expect(visible.map((attachment) => attachment.id)).toContain(guide.id);
  });

  it('deletes an upload no message took once its timer fires', async () => {
    const { token } = await h.visitorSession();
    const { body } = await upload(token, PNG_8x6, { name: 'forgotten.png', type: 'image/png' });
    const rows = h.count('attachments');
    await h.switchboard.services.attachments.expire(body.id);
    expect(storedFiles()).not.toContain(body.id);
    expect(h.count('attachments')).toBe(rows - 1);
    expect((await download(body.url)).status).toBe(404);
  });
});

describe('upload rate limit', () => {
  it('answers 429 once a visitor has used their burst', async () => {
    const limited = await startHarness({ SWITCHBOARD_UPLOAD_RATE_PER_MIN: '1' });
    try {
      const { status, body } = await limited.post<{ token: string }>('/v1/visitor/sessions', {
        siteKey: 'pk_demo_switchboard',
      });
      expect(status).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const response = await fetch(`${limited.url}/v1/uploads?name=a.txt`, {
          method: 'POST',
          headers: { authorization: `Bearer ${body.token}` },
          body: PREFIXES.text,
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array<number>(10).fill(201), 429]);
    } finally {
      await limited.close();
    }
  });
});
