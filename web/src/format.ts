/** How numbers, money and times read in the console. */
import { auth } from "./api";
import { i18n } from "./i18n";

function zone(): string {
  return auth.me?.time_zone ?? "Asia/Shanghai";
}

function locale(): string {
  return i18n.global.locale.value === "en" ? "en-GB" : "zh-CN";
}

/** Fen (the API's integer money) as yuan with two decimals: 1234567 → ¥12,345.67. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  return new Intl.NumberFormat(locale(), { style: "currency", currency: "CNY", minimumFractionDigits: 2 }).format(fen / 100);
}

/** Yuan typed in a form back to fen (rounded to the fen). */
export function toFen(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}

/** An RFC 3339 instant in the bureau's time zone: 2026-12-03 14:05. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone(),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** Today (or `at`) as YYYY-MM-DD in the bureau's time zone. */
export function bureauDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: zone() }).format(at);
}

/** This month (or `at`'s) as YYYY-MM in the bureau's time zone. */
export function bureauMonth(at: Date = new Date()): string {
  return bureauDate(at).slice(0, 7);
}

/** A date-time picker's local value to the instant it means in the bureau's zone. */
export function bureauInstant(date: string, time: string): string {
  // Find the zone's offset at that wall time by formatting a first guess.
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = new Date(
    new Intl.DateTimeFormat("sv-SE", { timeZone: zone(), dateStyle: "short", timeStyle: "medium" })
      .format(guess)
      .replace(" ", "T") + "Z",
  );
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime())).toISOString();
}

export function number(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A 0–1 fraction as a percentage. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(value);
}

/** A KPI value: rates as percentages, the rest as numbers. */
export function metricValue(metric: string, value: number | null | undefined): string {
  return metric === "attendance_rate" ? percent(value) : number(value);
}
