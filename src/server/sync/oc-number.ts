import type { Sql } from '../db/database';

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year of an instant in the team's time zone (an OC opened on 31/12 at 22:00 in São Paulo is of that year). */
export const localYear = (instant: number, timeZone: string): number => {
  let format = yearFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(instant));
};

export const formatOcNumber = (year: number, n: number): string => `OC-${year}-${String(n).padStart(6, '0')}`;

/** Next OC-YYYY-NNNNNN of the year of `receivedAt` (SPEC §2), inside the caller's transaction. */
export const allocateOcNumber = async (tx: Sql, receivedAt: number, timeZone: string): Promise<string> => {
  const year = localYear(receivedAt, timeZone);
  const { rows } = await tx.query<{ last: number }>(
    'INSERT INTO oc_number (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = oc_number.last + 1 RETURNING last',
    [year],
  );
  return formatOcNumber(year, (rows[0] as { last: number }).last);
};
