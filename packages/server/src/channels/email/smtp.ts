// Hands a composed mail to the account's SMTP server. Each send opens its own connection (mail
// volume per account is low, and nothing stale is kept between sends), with deadlines so a server
// that hangs holds up one retry rather than the outbox worker.
import { createTransport, type SendMailOptions } from 'nodemailer';
import { ChannelSendError } from '../adapter.js';

const DEADLINES = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** What nodemailer puts on its errors: the server's reply code, or its own code for the failure. */
interface SmtpFailure {
  message?: string;
  code?: string;
  responseCode?: number;
}

export async function sendOverSmtp(smtpUrl: string, mail: SendMailOptions): Promise<void> {
  const transport = createTransport({ url: smtpUrl, ...DEADLINES });
  try {
    await transport.sendMail(mail);
  } catch (error) {
    throw toSendError(error);
  } finally {
    transport.close();
  }
}

/**
 * SMTP says itself whether to try again (RFC 5321 §4.2.1): 4xx replies are transient, 5xx
 * permanent. Without a reply the server could not be reached or dropped us: try again, unless
 * nodemailer refused the mail itself (no recipient, a malformed message).
 */
export function toSendError(error: unknown): ChannelSendError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const message = `SMTP: ${failure.message ?? String(error)}`;
  if (failure.responseCode !== undefined) return new ChannelSendError(message, failure.responseCode < 500);
  return new ChannelSendError(message, failure.code !== 'EENVELOPE' && failure.code !== 'EMESSAGE');
}
