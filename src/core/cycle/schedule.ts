/**
 * 序时进度: the share of a task's span that has elapsed by the as-of date, which the progress a unit
 * reports is held against (January to November of a year-long task → about 92%).
 */
import { daysBetween } from "../deadlines/dates";

/** Points behind 序时 that make a task yellow when the settings do not say (one city's rule). */
export const DEFAULT_BEHIND_POINTS = 10;

/**
 * Elapsed share of the span from `start` to `due` as of `asOf`, in percent to one decimal (days
 * counted inclusively: a span ending today is 100%); null when the span is empty or unknown.
 */
export function expectedProgress(start: string, due: string | null, asOf: string): number | null {
  if (!due) return null;
  const span = daysBetween(start, due) + 1;
  if (!(span > 0)) return null;
  const gone = Math.min(span, Math.max(0, daysBetween(start, asOf) + 1));
  return Math.round((gone / span) * 1000) / 10;
}

/** The list's start: the settings' date, else 1 January of the list's year. */
export function listStart(year: number, start?: string): string {
  return start ?? `${year}-01-01`;
}

/** The reporting period of a date (YYYY-MM). */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}
