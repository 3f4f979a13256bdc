import { createTransport } from 'nodemailer';

export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

/** SMTP from a URL such as `smtp://user:pass@mail.example.com:587` (`smtps://` for TLS). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
