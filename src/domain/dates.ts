/** "15/03/2024": dates in messages, as French users write them (dates are UTC calendar days). */
export function frenchDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** Calendar day as "2024-03-15", for the JSON's expected/actual fields. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
