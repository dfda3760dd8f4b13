import type { Lang } from '../domain';

// A file's size as people read it ("1,5 MB", "820 kB", "12 bytes" in pt-BR), with Intl, in binary multiples like
// the limits (25 MB = 25 × 1024 × 1024 bytes). The desktop's chips and the e-mail copies write sizes the same way.

const KIB = 1024;
const MIB = 1024 * KIB;
const formats = new Map<string, Intl.NumberFormat>();
const unitFormat = (lang: Lang, unit: 'byte' | 'kilobyte' | 'megabyte'): Intl.NumberFormat => {
  const key = `${lang}|${unit}`;
  let format = formats.get(key);
  if (format === undefined) {
    // Bytes in words ("241 bytes": English's short form is "241 byte"); kB and MB as abbreviations.
    format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format;
};

export const formatFileSize = (bytes: number, lang: Lang): string => {
  if (bytes < KIB) return unitFormat(lang, 'byte').format(bytes);
  if (bytes < MIB) return unitFormat(lang, 'kilobyte').format(bytes / KIB);
  return unitFormat(lang, 'megabyte').format(bytes / MIB);
};
