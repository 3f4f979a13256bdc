import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { randomSecret } from './lib/secrets.js';
import {
  DEMO_CONTEXT_SOURCE,
  parseContextSource,
  type ContextSourceConfig,
} from './services/context/source-config.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Environment variables the server reads. Every one is optional; the defaults run the demo. */
const Env = z.object({
  /** @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; set 0.0.0.0 in a container. @default 127.0.0.1 */
  HOST: z.string().default('127.0.0.1'),
  /** The URL people use to reach this server, for printed links. @default http://localhost:<port> */
  SWITCHBOARD_PUBLIC_URL: z.url().optional(),
  /** SQLite database file. @default ./data/switchboard.sqlite */
  SWITCHBOARD_DATABASE_PATH: z.string().min(1).default('./data/switchboard.sqlite'),
  /** Signs access tokens. @default a random secret persisted next to the database */
  SWITCHBOARD_SECRET: z.string().min(32).optional(),
  /** Seed a demo site and agent into an empty database. @default true */
  SWITCHBOARD_DEMO: flag.default(true),
  /** Serve the demo website at `/`, the console at `/console` and the widget at `/widget`. @default true */
  SWITCHBOARD_SERVE_EXAMPLES: flag.default(true),
  /** Lifetime of a visitor access token in seconds. @default 3600 */
  SWITCHBOARD_VISITOR_TOKEN_TTL: z.coerce.number().int().min(30).default(3600),
  /** Lifetime of an agent access token in seconds. @default 43200 */
  SWITCHBOARD_AGENT_TOKEN_TTL: z.coerce.number().int().min(30).default(43_200),
  /** Sessions and logins per client IP per minute. @default 60 */
  SWITCHBOARD_SESSION_RATE_PER_MIN: z.coerce.number().min(1).default(60),
  /** Messages per socket per second (sustained; bursts of 4x allowed). @default 10 */
  SWITCHBOARD_MESSAGE_RATE_PER_SEC: z.coerce.number().min(1).default(10),
  /** Resolve an agent's conversation after this many seconds without a message. @default 86400 */
  SWITCHBOARD_AUTO_RESOLVE_AFTER: z.coerce.number().min(1).default(86_400),
  /** A chat with the bot ends after this many seconds without a message. @default 1800 */
  SWITCHBOARD_SESSION_TIMEOUT: z.coerce.number().min(1).default(1800),
  /** A queued visitor with no open connection for this many seconds has abandoned. @default 300 */
  SWITCHBOARD_ABANDON_AFTER: z.coerce.number().min(1).default(300),
  /** An agent whose last connection closed goes offline after this many seconds. @default 60 */
  SWITCHBOARD_AGENT_OFFLINE_AFTER: z.coerce.number().min(1).default(60),
  /** A bot that has not answered a visitor message after this many seconds hands the chat to the queue. @default 30 */
  SWITCHBOARD_BOT_REPLY_TIMEOUT: z.coerce.number().min(0.05).default(30),
  /** Give the demo site the built-in rules bot when seeding it. @default true */
  SWITCHBOARD_DEMO_BOT: flag.default(true),
  /** A bot config file (JSON or YAML) applied at start to the site named by SWITCHBOARD_BOT_SITE_KEY. */
  SWITCHBOARD_BOT_FILE: z.string().min(1).optional(),
  /** The site SWITCHBOARD_BOT_FILE configures. @default pk_demo_switchboard */
  SWITCHBOARD_BOT_SITE_KEY: z.string().min(8).default('pk_demo_switchboard'),
  /** Sends offline-form notification emails, e.g. smtp://user:pass@mail.example.com:587. */
  SWITCHBOARD_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of notification emails. @default Switchboard <switchboard@localhost> */
  SWITCHBOARD_MAIL_FROM: z.string().min(3).default('Switchboard <switchboard@localhost>'),
  /** How often persisted timers are checked, in milliseconds. @default 1000 */
  SWITCHBOARD_TIMER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SWITCHBOARD_CHANNEL_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SWITCHBOARD_CHANNEL_TIMEOUT: z.coerce.number().int().min(1).max(120).default(15),
  /** Where uploaded files are kept. @default an `uploads` directory beside the database file */
  SWITCHBOARD_UPLOAD_DIR: z.string().min(1).optional(),
  /** The largest upload, in bytes. @default 10485760 (10 MiB) */
  SWITCHBOARD_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Uploads per visitor or agent per minute. @default 30 */
  SWITCHBOARD_UPLOAD_RATE_PER_MIN: z.coerce.number().min(1).default(30),
  /** An upload no message carries is deleted after this many seconds. @default 86400 */
  SWITCHBOARD_UPLOAD_PENDING_TTL: z.coerce.number().min(1).default(86_400),
  /**
   * Where contacts' orders and products come from: an http(s) URL template with `{email}`,
   * `{phone}` and `{externalId}` placeholders, or a JSON file (`file:` URL or a path).
   * @default the demo file when SWITCHBOARD_DEMO, else none
   */
  SWITCHBOARD_CONTEXT_URL: z.string().trim().min(1).transform(parseContextSource).optional(),
  /** How long the context provider may take, in milliseconds. @default 3000 */
  SWITCHBOARD_CONTEXT_TIMEOUT_MS: z.coerce.number().int().min(10).default(3000),
  /** How long a contact's context is reused, in seconds; 0 asks the provider every time. @default 60 */
  SWITCHBOARD_CONTEXT_CACHE_TTL: z.coerce.number().min(0).default(60),
});

export interface Config {
  port: number;
  host: string;
  /** Null means "http://localhost:<the port actually bound>". */
  publicUrl: string | null;
  databasePath: string;
  secret: string;
  demo: boolean;
  demoBot: boolean;
  serveExamples: boolean;
  bots: {
    replyTimeoutMs: number;
    /** A file applied at start to the site with `siteKey`. */
    file: { path: string; siteKey: string } | null;
  };
  mail: { smtpUrl: string; from: string } | null;
  uploads: {
    dir: string;
    maxBytes: number;
    /** How long an upload may wait for a message before it is deleted. */
    pendingTtlMs: number;
  };
  /** The contact-context provider behind `GET /v1/conversations/:id/context`. */
  context: {
    /** Null: no provider, every contact's context is empty. */
    source: ContextSourceConfig | null;
    timeoutMs: number;
    cacheTtlMs: number;
  };
  visitorTokenTtlSeconds: number;
  agentTokenTtlSeconds: number;
  rateLimits: {
    sessions: { perSecond: number; burst: number };
    messages: { perSecond: number; burst: number };
    uploads: { perSecond: number; burst: number };
  };
  lifecycle: {
    autoResolveAfterMs: number;
    sessionTimeoutMs: number;
    abandonAfterMs: number;
    agentOfflineAfterMs: number;
    timerPollMs: number;
  };
  channels: {
    /** How often the channel inbox and outbox look for retries that came due. */
    pollMs: number;
    /** Per request to a provider. */
    requestTimeoutMs: number;
  };
}

/** Reads and validates the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const databasePath =
    e.SWITCHBOARD_DATABASE_PATH === ':memory:' ? ':memory:' : resolve(e.SWITCHBOARD_DATABASE_PATH);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.SWITCHBOARD_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    databasePath,
    secret: e.SWITCHBOARD_SECRET ?? persistedSecret(databasePath),
    demo: e.SWITCHBOARD_DEMO,
    demoBot: e.SWITCHBOARD_DEMO_BOT,
    serveExamples: e.SWITCHBOARD_SERVE_EXAMPLES,
    bots: {
      replyTimeoutMs: e.SWITCHBOARD_BOT_REPLY_TIMEOUT * 1000,
      file: e.SWITCHBOARD_BOT_FILE
        ? { path: resolve(e.SWITCHBOARD_BOT_FILE), siteKey: e.SWITCHBOARD_BOT_SITE_KEY }
        : null,
    },
    mail: e.SWITCHBOARD_SMTP_URL ? { smtpUrl: e.SWITCHBOARD_SMTP_URL, from: e.SWITCHBOARD_MAIL_FROM } : null,
    uploads: {
      dir: resolve(e.SWITCHBOARD_UPLOAD_DIR ?? defaultUploadDir(databasePath)),
      maxBytes: e.SWITCHBOARD_UPLOAD_MAX_BYTES,
      pendingTtlMs: e.SWITCHBOARD_UPLOAD_PENDING_TTL * 1000,
    },
    context: {
      source: e.SWITCHBOARD_CONTEXT_URL ?? (e.SWITCHBOARD_DEMO ? DEMO_CONTEXT_SOURCE : null),
      timeoutMs: e.SWITCHBOARD_CONTEXT_TIMEOUT_MS,
      cacheTtlMs: e.SWITCHBOARD_CONTEXT_CACHE_TTL * 1000,
    },
    visitorTokenTtlSeconds: e.SWITCHBOARD_VISITOR_TOKEN_TTL,
    agentTokenTtlSeconds: e.SWITCHBOARD_AGENT_TOKEN_TTL,
    rateLimits: {
      sessions: {
        perSecond: e.SWITCHBOARD_SESSION_RATE_PER_MIN / 60,
        burst: Math.ceil(e.SWITCHBOARD_SESSION_RATE_PER_MIN / 4),
      },
      messages: {
        perSecond: e.SWITCHBOARD_MESSAGE_RATE_PER_SEC,
        burst: e.SWITCHBOARD_MESSAGE_RATE_PER_SEC * 4,
      },
      uploads: {
        perSecond: e.SWITCHBOARD_UPLOAD_RATE_PER_MIN / 60,
        // A message's worth of files at once.
        burst: Math.max(10, Math.ceil(e.SWITCHBOARD_UPLOAD_RATE_PER_MIN / 3)),
      },
    },
    lifecycle: {
      autoResolveAfterMs: e.SWITCHBOARD_AUTO_RESOLVE_AFTER * 1000,
      sessionTimeoutMs: e.SWITCHBOARD_SESSION_TIMEOUT * 1000,
      abandonAfterMs: e.SWITCHBOARD_ABANDON_AFTER * 1000,
      agentOfflineAfterMs: e.SWITCHBOARD_AGENT_OFFLINE_AFTER * 1000,
      timerPollMs: e.SWITCHBOARD_TIMER_POLL_MS,
    },
    channels: {
      pollMs: e.SWITCHBOARD_CHANNEL_POLL_MS,
      requestTimeoutMs: e.SWITCHBOARD_CHANNEL_TIMEOUT * 1000,
    },
  };
}

/** Uploads sit beside the database, so one directory holds all the state. */
function defaultUploadDir(databasePath: string): string {
  return databasePath === ':memory:'
    ? join(tmpdir(), 'switchboard-uploads')
    : join(dirname(databasePath), 'uploads');
}

// Tokens must outlive a restart, so a generated secret is kept beside the database.
function persistedSecret(databasePath: string): string {
  if (databasePath === ':memory:') return randomSecret();
  const file = join(dirname(databasePath), 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomSecret();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
