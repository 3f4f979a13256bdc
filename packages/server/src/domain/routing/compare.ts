// Comparators shared by the backlog and the strategies. Ids compare by UTF-16 code units, never
// localeCompare, so an order does not depend on the server's locale or ICU version; numbers
// compare with < rather than subtraction so infinities cannot produce NaN.

/** Orders two ids ascending, by code unit. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two numbers ascending. */
export function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
