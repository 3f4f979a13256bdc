import type { Attributes, VisitorIdentity } from '@switchboard/protocol';

/** Your site's logged-in user, as `setUser()` takes it. */
export interface SwitchboardUser {
  /** The user's id in your own user database. */
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  /** An `http(s)` URL of the user's picture. */
  avatar?: string;
  /** Merged into the contact's attributes: a key given here replaces the stored value. */
  attributes?: Attributes;
  /**
   * HMAC-SHA256 of `id` with the site's identity secret, computed on your server, which proves the
   * user is who the page says. Required by sites whose identity verification is `enforce`.
   */
  identifierHash?: string;
}

/**
 * The page's user and profile attributes, held until the client can take them. The server keeps
 * attributes on a contact only with an identity, so attributes set for an anonymous visitor stay
 * here and go with the next `setUser()`.
 */
export class UserProfile {
  private user: VisitorIdentity | null = null;
  private pending: Attributes = {};

  /** The identity for the next session, if the page has named a user. */
  get identity(): VisitorIdentity | null {
    return this.user;
  }

  /** Takes the user (with any attributes held so far) and returns the identity to send. */
  setUser(user: SwitchboardUser): VisitorIdentity {
    const attributes = { ...this.pending, ...user.attributes };
    this.pending = {};
    this.user = withoutUndefined({
      userId: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      avatarUrl: user.avatar,
      attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
      identifierHash: user.identifierHash,
    });
    return this.user;
  }

  /** Adds attributes; returns the identity to send them with, or null while the visitor is anonymous. */
  setAttributes(attributes: Attributes): VisitorIdentity | null {
    if (!this.user) {
      this.pending = { ...this.pending, ...attributes };
      return null;
    }
    this.user = { ...this.user, attributes: { ...this.user.attributes, ...attributes } };
    return this.user;
  }

  /** Attributes held for an anonymous visitor. */
  get heldAttributes(): Readonly<Attributes> {
    return this.pending;
  }

  clear(): void {
    this.user = null;
    this.pending = {};
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
