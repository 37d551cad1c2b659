import * as z from "zod";

/** Money is always an integer count of the currency's minor unit ("cents"), never a float. */
export const centsSchema = z.int().min(0);

/** Stripe's largest single charge: 8 digits in the currency's minor unit ($999,999.99). */
export const MAX_CHARGE_CENTS = 99_999_999;
export { centsSchema as cents };

function assertSafeInteger(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${label} must be a safe integer, got ${value}`);
  }
}

export function addCents(...values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertSafeInteger(value, "Amount");
    total += value;
    assertSafeInteger(total, "Sum");
  }
  return total;
}

export function multiplyCents(unitCents: number, quantity: number): number {
  assertSafeInteger(unitCents, "Unit amount");
  assertSafeInteger(quantity, "Quantity");
  const result = unitCents * quantity;
  assertSafeInteger(result, "Product of amount and quantity");
  return result;
}

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: "currency", currency });
}

/** How many decimals the currency uses: 2 for USD/EUR, 0 for JPY, 3 for KWD. */
export function currencyMinorUnits(currency: string): number {
  return currencyFormatter(currency, "en-US").resolvedOptions().maximumFractionDigits ?? 2;
}

function isNumericString(value: string): value is Intl.StringNumericLiteral {
  return /^-?\d+(?:\.\d+)?$/.test(value);
}

/** 1234 USD -> "12.34", 1234 JPY -> "1234". Exact: built from digits, not by division. */
export function centsToDecimalString(cents: number, currency: string): string {
  return toDecimalString(cents, currencyMinorUnits(currency));
}

function toDecimalString(cents: number, digits: number): string {
  assertSafeInteger(cents, "Amount");
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents).toString();
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  const formatter = currencyFormatter(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const decimal = toDecimalString(cents, digits);
  if (!isNumericString(decimal)) throw new RangeError(`Cannot format amount ${cents}`);
  return formatter.format(decimal);
}

export type ParseMoneyResult = { ok: true; cents: number } | { ok: false; error: string };

/** Admin-form input ("12.34", "1,200.5") to integer cents, without float arithmetic. */
export function parseMoneyToCents(input: string, currency: string): ParseMoneyResult {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter an amount" };
  if (text.startsWith("-")) return { ok: false, error: "Amount cannot be negative" };

  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: `"${text}" is not a valid amount` };

  const whole = (match[1] ?? "").replaceAll(",", "");
  const fraction = match[2] ?? "";
  const digits = currencyMinorUnits(currency);
  if (fraction.length > digits) {
    const error =
      digits === 0
        ? `${currency} amounts cannot have decimals`
        : `${currency} amounts allow at most ${digits} decimal places`;
    return { ok: false, error };
  }

  const cents = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(cents)) return { ok: false, error: "Amount is too large" };
  return { ok: true, cents };
}
