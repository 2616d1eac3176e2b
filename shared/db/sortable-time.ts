/** Epoch milliseconds as a fixed-width string, so sort keys order by time. */
export const sortableMs = (ms: number): string => String(Math.max(0, Math.floor(ms))).padStart(15, '0');
