/**
 * Whether two flat records hold the same values (arrays compared element by element). Snapshots
 * that arrive twice (an ack and its broadcast, an event and the list fetched after it) compare
 * equal, so the state keeps the copy it has and nobody is told of a change that did not happen.
 */
export function sameRecord(a: object, b: object): boolean {
  if (a === b) return true;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => {
    const x = left[key];
    const y = right[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      return x.length === y.length && x.every((value, index) => Object.is(value, y[index]));
    }
    return Object.is(x, y);
  });
}
