const UNITS = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1024 },
  { unit: 'megabyte', size: 1024 * 1024 },
  { unit: 'gigabyte', size: 1024 * 1024 * 1024 },
] as const;

/** `1536` → `1.5 kB` (or `1,5 kB` in German): a file's size in the widget's language. */
export function formatFileSize(bytes: number, lang: string): string {
  const { unit, size } = UNITS.findLast((candidate) => bytes >= candidate.size) ?? UNITS[0];
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' || bytes >= 10 * size ? 0 : 1,
  }).format(bytes / size);
}
