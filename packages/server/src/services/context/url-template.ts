import type { ContactIdentity } from './contact-keys.js';
import type { ContextPlaceholder } from './source-config.js';

/**
 * The provider URL for one contact: each `{placeholder}` replaced by the contact's value,
 * URL-encoded (an email's `+` must not arrive as a space), or by nothing when they have none.
 */
export function fillTemplate(template: string, identity: ContactIdentity): string {
  return template.replace(/\{(email|phone|externalId)\}/g, (_match, name: ContextPlaceholder) =>
    encodeURIComponent(identity[name] ?? ''),
  );
}
