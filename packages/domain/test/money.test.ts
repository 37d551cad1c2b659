import { describe, expect, it } from "vitest";
import {
  addCents,
  cents,
  centsToDecimalString,
  currencyMinorUnits,
  formatMoney,
  multiplyCents,
  parseMoneyToCents,
} from "../src";

// Intl uses narrow/no-break spaces in some locales; normalise for readable assertions.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("cents schema", () => {
  it("accepts non-negative integers only", () => {
    expect(cents.safeParse(0).success).toBe(true);
    expect(cents.safeParse(1999).success).toBe(true);
    expect(cents.safeParse(-1).success).toBe(false);
    expect(cents.safeParse(12.5).success).toBe(false);
    expect(cents.safeParse(Number.MAX_SAFE_INTEGER + 1).success).toBe(false);
  });
});

describe("addCents / multiplyCents", () => {
  it("adds integers", () => {
    expect(addCents()).toBe(0);
    expect(addCents(100, 250, 5)).toBe(355);
  });

  it("refuses floats and overflow", () => {
    expect(() => addCents(1, 0.5)).toThrow(RangeError);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  it("multiplies", () => {
    expect(multiplyCents(1999, 3)).toBe(5997);
    expect(multiplyCents(0, 99)).toBe(0);
  });

  it("throws on non-integers and unsafe results", () => {
    expect(() => multiplyCents(19.99, 3)).toThrow(RangeError);
    expect(() => multiplyCents(100, 1.5)).toThrow(RangeError);
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => multiplyCents(2 ** 40, 2 ** 20)).toThrow(/safe integer/);
  });
});

describe("formatMoney", () => {
  it("formats USD with two decimals", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "USD")).toBe("$0.00");
  });

  it("formats EUR in a European locale", () => {
    expect(plain(formatMoney(123456, "EUR", "de-DE"))).toBe("1.234,56 €");
    expect(formatMoney(1999, "EUR", "en-US")).toBe("€19.99");
  });

  it("treats JPY amounts as whole yen", () => {
    expect(currencyMinorUnits("JPY")).toBe(0);
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(plain(formatMoney(1500, "JPY", "ja-JP"))).toMatch(/1,500/);
  });

  it("is exact for large amounts", () => {
    expect(formatMoney(900719925474099, "USD")).toBe("$9,007,199,254,740.99");
  });

  it("rejects unknown currencies", () => {
    expect(() => formatMoney(100, "usd1")).toThrow(RangeError);
  });
});

describe("parseMoneyToCents", () => {
  it.each([
    ["12.34", "USD", 1234],
    ["12", "USD", 1200],
    ["12.3", "USD", 1230],
    ["0.05", "USD", 5],
    [" 7.00 ", "USD", 700],
    ["1,234.56", "USD", 123456],
    ["0019.99", "EUR", 1999],
    ["1500", "JPY", 1500],
    ["1.234", "KWD", 1234],
  ])("%s %s -> %i", (input, currency, expected) => {
    expect(parseMoneyToCents(input, currency)).toEqual({ ok: true, cents: expected });
  });

  it("does not suffer float rounding", () => {
    // 0.29 * 100 === 28.999999999999996 with floats.
    expect(parseMoneyToCents("0.29", "USD")).toEqual({ ok: true, cents: 29 });
    expect(parseMoneyToCents("1.15", "USD")).toEqual({ ok: true, cents: 115 });
  });

  it.each([
    ["", "USD", /Enter an amount/],
    ["-1.00", "USD", /negative/],
    ["12.345", "USD", /at most 2 decimal/],
    ["1500.5", "JPY", /cannot have decimals/],
    ["12,34", "USD", /not a valid amount/],
    ["1e3", "USD", /not a valid amount/],
    ["$12", "USD", /not a valid amount/],
    ["12.", "USD", /not a valid amount/],
    [".5", "USD", /not a valid amount/],
    ["abc", "USD", /not a valid amount/],
    ["99999999999999999999", "USD", /too large/],
  ])("rejects %j (%s)", (input, currency, message) => {
    const result = parseMoneyToCents(input, currency);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("round-trips with centsToDecimalString", () => {
    for (const [value, currency] of [
      [1234, "USD"],
      [5, "EUR"],
      [1500, "JPY"],
      [7, "KWD"],
    ] as const) {
      const text = centsToDecimalString(value, currency);
      expect(parseMoneyToCents(text, currency)).toEqual({ ok: true, cents: value });
    }
    expect(centsToDecimalString(5, "USD")).toBe("0.05");
    expect(centsToDecimalString(7, "KWD")).toBe("0.007");
  });
});
