import { safeHref } from '../formatting/link.js';

/**
 * The consent's privacy-policy link as drawn: https only, checked again here (the server is not
 * trusted blindly), else no link at all.
 */
export function policyHref(url: string | null | undefined): string | undefined {
  if (!url || /[\s\\]/.test(url)) return undefined;
  const href = safeHref(url);
  return href?.startsWith('https://') ? href : undefined;
}
