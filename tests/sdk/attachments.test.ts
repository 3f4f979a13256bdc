// Files through the SDK against the real server: a visitor uploads and sends, the agent receives
// and downloads the very bytes, and sends a file back; limits are checked before uploading.
import { describe, expect, it } from 'vitest';
import { bytesOf, PDF, PNG_8x6 } from '../support/files.js';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const MAX_BYTES = 32 * 1024;
const t = useServer({ SWITCHBOARD_UPLOAD_MAX_BYTES: String(MAX_BYTES) });
const uploads = (): string[] => t.server.requests.filter((r) => r.startsWith('POST /v1/uploads'));

describe('attachments over the SDK', () => {
  it('a visitor’s file reaches the agent, who downloads the same bytes and sends one back', async () => {
    const agent = t.agent();
    await agent.connect();
    const visitor = t.visitor();

    const photo = await visitor.upload(PNG_8x6, { name: 'broken strap.png', contentType: 'image/png' });
    expect(photo).toMatchObject({ name: 'broken strap.png', kind: 'image', width: 8, height: 6 });
    const sending = visitor.sendMessage('', { attachmentIds: [photo.id] });
    // Shown at once, with its file, while the server has not answered.
    expect(visitor.getSnapshot().pending.map((p) => p.attachments)).toEqual([[photo]]);
    const sent = await sending;
    expect(sent).toMatchObject({ text: '', attachments: [photo] });

    const received = await waitFor(
      () => agent.getSnapshot().messages[sent.conversationId]?.find((m) => m.id === sent.id),
      'the agent to receive the file',
    );
    expect(received.attachments).toEqual([photo]);
    expect(await bytesOf(await agent.download(received.attachments[0]!))).toEqual(PNG_8x6);

    await waitFor(
      () => agent.getSnapshot().conversations[sent.conversationId]?.status === 'active',
      'assignment',
    );
    const invoice = await agent.upload(new Blob([PDF], { type: 'application/pdf' }), {
      name: 'Invoice März.pdf',
    });
    await agent.sendMessage(sent.conversationId, 'Here is your invoice', { attachmentIds: [invoice.id] });
    const reply = await waitFor(
      () => visitor.getSnapshot().messages.find((m) => m.text === 'Here is your invoice'),
      'the visitor to receive the reply',
    );
    expect(reply.attachments).toEqual([expect.objectContaining({ name: 'Invoice März.pdf', kind: 'file' })]);
    expect(await bytesOf(await visitor.download(reply.attachments[0]!))).toEqual(PDF);
    expect(visitor.attachmentUrl(reply.attachments[0]!)).toBe(`${t.server.url}${reply.attachments[0]!.url}`);
  });

  it('refuses, without uploading, a file over the limits the server announced', async () => {
    const visitor = t.visitor();
    await expect(
      visitor.upload(new Uint8Array(MAX_BYTES + 1), { name: 'huge.png', contentType: 'image/png' }),
    ).rejects.toMatchObject({
      code: 'file_too_large',
      message: 'The file is larger than the limit of 32 KB',
    });
    await expect(
      visitor.upload(new TextEncoder().encode('<svg/>'), { name: 'x.svg', contentType: 'image/svg+xml' }),
    ).rejects.toMatchObject({ code: 'unsupported_file_type' });
    expect(visitor.getSnapshot().site?.uploads.maxBytes).toBe(MAX_BYTES);
    expect(uploads()).toEqual([]);
  });

  it('passes on the server’s refusal of bytes that are not what they claim', async () => {
    const visitor = t.visitor();
    await expect(visitor.upload(PDF, { name: 'photo.png', contentType: 'image/png' })).rejects.toMatchObject({
      code: 'unsupported_file_type',
      message: 'The file was sent as image/png but its content is application/pdf',
    });
    expect(uploads()).toHaveLength(1);
  });

  it('will not send an id it did not upload', async () => {
    const visitor = t.visitor();
    await expect(
      visitor.sendMessage('', { attachmentIds: ['01JNOTUPLOADED0000000000000'] }),
    ).rejects.toMatchObject({
      code: 'invalid_payload',
    });
    await expect(visitor.sendMessage('  ')).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(visitor.getSnapshot().pending).toEqual([]);
  });
});
