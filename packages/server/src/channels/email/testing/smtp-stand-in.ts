// A real SMTP server on 127.0.0.1 (the smtp-server package) standing in for the account's mail
// server: it records each message as sent, and can answer a recipient with any SMTP reply code
// so tests see how transient (4xx) and permanent (5xx) refusals are handled.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  to: string[];
  /** The message exactly as the client transmitted it. */
  raw: Buffer;
}

/** A reply to refuse the recipient with, or null to accept. */
export type RecipientReply = (address: string) => { code: number; message: string } | null;

export interface SmtpStandIn {
  /** The account's smtpUrl, its credentials percent-encoded as the docs say. */
  url: string;
  mails: CapturedMail[];
  /** Logins the server saw, to check the credentials in the URL are used. */
  logins: string[];
  refuseRecipients(reply: RecipientReply): void;
  close(): Promise<void>;
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const mails: CapturedMail[] = [];
  const logins: string[] = [];
  let reply: RecipientReply = () => null;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username ?? ''}:${auth.password ?? ''}`);
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      const refusal = reply(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://support%40acme.example:smtp%3Apass@127.0.0.1:${port}`,
    mails,
    logins,
    refuseRecipients: (next) => {
      reply = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
