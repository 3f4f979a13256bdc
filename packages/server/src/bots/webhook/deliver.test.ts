import { afterEach, describe, expect, it } from 'vitest';
import { BotFailure } from '../types.js';
import { deliverSigned, MAX_RESPONSE_BYTES, type SignedDelivery } from './deliver.js';
import { signPayload, verifySignature } from './signature.js';
import {
  answer,
  closedPort,
  header,
  startReceiver,
  type ReceivedRequest,
  type Receiver,
  type Respond,
} from './test-receiver.js';

const SECRET = 'whsec_deliver';
let receiver: Receiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function receive(respond: Respond): Promise<Receiver> {
  receiver = await startReceiver(respond);
  return receiver;
}

/** A delivery to `url` that retries at once and records the waits it would have made. */
function delivery(url: string, overrides: Partial<SignedDelivery> = {}) {
  const waits: number[] = [];
  const request: SignedDelivery = {
    url,
    secret: SECRET,
    deliveryId: '01JDELIVERY0000000000000001',
    event: 'message.created',
    body: { text: 'héllo', n: 1 },
    timeoutMs: 2000,
    maxAttempts: 4,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { request, waits };
}

function signedCorrectly(request: ReceivedRequest): boolean {
  return verifySignature(
    SECRET,
    header(request, 'x-switchboard-timestamp'),
    request.rawBody,
    header(request, 'x-switchboard-signature'),
  );
}

describe('deliverSigned', () => {
  it('POSTs the JSON body with headers the receiver can verify on the raw bytes', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 200, '{"ok":true}'));
    const { request } = delivery(url);

    const result = await deliverSigned(request);

    expect(result).toEqual({ status: 200, body: '{"ok":true}', truncated: false, attempts: 1 });
    const [received] = requests;
    expect(received?.method).toBe('POST');
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Switchboard-Webhook/1',
      'x-switchboard-event': 'message.created',
      'x-switchboard-delivery': '01JDELIVERY0000000000000001',
      'x-switchboard-attempt': '1',
    });
    expect(received && signedCorrectly(received)).toBe(true);
    expect(received?.rawBody.toString('utf8')).toBe('{"text":"héllo","n":1}');
    const timestamp = Number(received && header(received, 'x-switchboard-timestamp'));
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
  });

  it('retries a 500 with the same delivery id and bytes, signed afresh per attempt', async () => {
    const { url, requests } = await receive((_req, res, i) => answer(res, i === 0 ? 500 : 200));
    let clock = 1_700_000_000_000;
    const { request, waits } = delivery(url, { now: () => (clock += 60_000), backoff: () => 0 });

    const result = await deliverSigned(request);

    expect(result.attempts).toBe(2);
    expect(waits).toEqual([0]);
    const [first, second] = requests;
    if (!first || !second) throw new Error('expected two requests');
    expect(header(second, 'x-switchboard-delivery')).toBe(header(first, 'x-switchboard-delivery'));
    expect(second.rawBody.equals(first.rawBody)).toBe(true);
    expect([header(first, 'x-switchboard-attempt'), header(second, 'x-switchboard-attempt')]).toEqual([
      '1',
      '2',
    ]);
    expect(header(second, 'x-switchboard-timestamp')).not.toBe(header(first, 'x-switchboard-timestamp'));
    for (const received of [first, second]) {
      const timestamp = header(received, 'x-switchboard-timestamp');
      expect(header(received, 'x-switchboard-signature')).toBe(
        signPayload(SECRET, timestamp, received.rawBody),
      );
    }
  });

  it.each([408, 429, 502, 503])('retries a %i', async (status) => {
    const { url, requests } = await receive((_req, res, i) => answer(res, i === 0 ? status : 200));
    const { request } = delivery(url, { backoff: () => 0 });
    await expect(deliverSigned(request)).resolves.toMatchObject({ status: 200, attempts: 2 });
    expect(requests).toHaveLength(2);
  });

  it('does not retry a 400 and names the status', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 400, 'nope'));
    const { request } = delivery(url);

    const failure = deliverSigned(request);

    await expect(failure).rejects.toBeInstanceOf(BotFailure);
    await expect(failure).rejects.toThrow(`POST ${url} answered 400 Bad Request (not retried)`);
    expect(requests).toHaveLength(1);
  });

  it('does not follow redirects', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 307, '', { location: '/elsewhere' }));
    await expect(deliverSigned(delivery(url).request)).rejects.toThrow(
      'answered 307 Temporary Redirect (not retried)',
    );
    expect(requests).toHaveLength(1);
  });

  it('gives up on an unreachable receiver after maxAttempts, with the network error', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/bot`;
    const { request, waits } = delivery(url, { maxAttempts: 3 });

    const failure = deliverSigned(request);

    await expect(failure).rejects.toBeInstanceOf(BotFailure);
    await expect(failure).rejects.toThrow(
      new RegExp(`^POST ${url} failed after 3 attempts: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`),
    );
    expect(waits).toHaveLength(2);
  });

  it('waits with the default backoff: 250 ms then 500 ms, ±20 %', async () => {
    const { url } = await receive((_req, res, i) => answer(res, i < 2 ? 500 : 200));
    const { request, waits } = delivery(url);

    await expect(deliverSigned(request)).resolves.toMatchObject({ attempts: 3 });

    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(200);
    expect(waits[0]).toBeLessThanOrEqual(300);
    expect(waits[1]).toBeGreaterThanOrEqual(400);
    expect(waits[1]).toBeLessThanOrEqual(600);
  });

  it('retries an attempt that exceeds timeoutMs', async () => {
    // The first request is never answered.
    const { url, requests } = await receive((_req, res, i) => i > 0 && answer(res, 200, 'late but fine'));
    const { request } = delivery(url, { timeoutMs: 150, backoff: () => 0 });

    await expect(deliverSigned(request)).resolves.toMatchObject({ body: 'late but fine', attempts: 2 });
    expect(requests).toHaveLength(2);
  });

  it('reports a timeout when every attempt is too slow', async () => {
    const { url } = await receive(() => undefined);
    const { request } = delivery(url, { timeoutMs: 100, maxAttempts: 2, backoff: () => 0 });
    await expect(deliverSigned(request)).rejects.toThrow(
      `POST ${url} failed after 2 attempts: timed out after 100 ms`,
    );
  });

  it('honours Retry-After on 429 and 503, capped at 30 s, instead of the backoff', async () => {
    const { url } = await receive((_req, res, i) => {
      if (i === 0) answer(res, 429, '', { 'retry-after': '7' });
      else if (i === 1) answer(res, 503, '', { 'retry-after': '120' });
      else if (i === 2) answer(res, 500, '', { 'retry-after': '9' });
      else answer(res, 200);
    });
    const { request, waits } = delivery(url, { backoff: (attempt) => attempt });

    await expect(deliverSigned(request)).resolves.toMatchObject({ attempts: 4 });
    expect(waits).toEqual([7000, 30_000, 3]);
  });

  it('stops retrying once the signal aborts between attempts', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 500));
    const controller = new AbortController();
    const { request } = delivery(url, {
      signal: controller.signal,
      sleep: () => {
        controller.abort();
        return Promise.resolve();
      },
    });

    await expect(deliverSigned(request)).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  it('cuts the default wait short when the signal aborts', async () => {
    const controller = new AbortController();
    const { url, requests } = await receive((_req, res) => {
      answer(res, 500);
      setTimeout(() => controller.abort(), 20);
    });
    const { request } = delivery(url, { signal: controller.signal, backoff: () => 60_000 });
    delete request.sleep;

    await expect(deliverSigned(request)).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  it('abandons the attempt in flight when the signal aborts', async () => {
    const controller = new AbortController();
    const { url, requests } = await receive(() => controller.abort());
    const { request } = delivery(url, { signal: controller.signal, timeoutMs: 10_000 });

    await expect(deliverSigned(request)).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 200));
    const { request } = delivery(url, { signal: AbortSignal.abort() });
    await expect(deliverSigned(request)).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(0);
  });

  it(`reads at most ${MAX_RESPONSE_BYTES / 1024} KiB of the response`, async () => {
    const { url } = await receive((_req, res) => answer(res, 200, 'x'.repeat(MAX_RESPONSE_BYTES + 10_000)));
    const result = await deliverSigned(delivery(url).request);
    expect(result.body).toHaveLength(MAX_RESPONSE_BYTES);
    expect(result.truncated).toBe(true);
  });

  it('keeps query strings out of its errors, and refuses credentials in the URL', async () => {
    const { url, requests } = await receive((_req, res) => answer(res, 401));
    await expect(deliverSigned(delivery(`${url}?token=abc`).request)).rejects.toThrow(
      `POST ${url} answered 401 Unauthorized (not retried)`,
    );
    const withCredentials = url.replace('http://', 'http://user:pass@');
    await expect(deliverSigned(delivery(withCredentials).request)).rejects.toThrow(
      `POST ${url}: credentials in the URL are not supported`,
    );
    expect(requests).toHaveLength(1);
  });
});
