/** An email address an agent typed, lower-cased as inbound senders' are, so replies find the contact. */
export function emailRecipient(to: string) {
  const value = to.trim();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value)) return null;
  const address = value.toLowerCase();
  return { address, profile: { email: address } };
}
