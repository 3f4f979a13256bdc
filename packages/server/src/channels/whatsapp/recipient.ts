/**
 * A phone number an agent typed, as WhatsApp's `wa_id`: international format, digits only, no
 * plus. The contact's phone keeps the plus, as inbound contacts' do.
 */
export function whatsappRecipient(to: string) {
  const digits = to
    .trim()
    .replace(/[\s().-]/g, '')
    .replace(/^\+/, '');
  return /^\d{7,15}$/.test(digits) ? { address: digits, profile: { phone: `+${digits}` } } : null;
}
