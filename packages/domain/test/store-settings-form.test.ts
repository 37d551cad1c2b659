import { describe, expect, it } from "vitest";
import {
  storeConfigSchema,
  storeSettingsFormSchema,
  storeSettingsFormValues,
  type StoreSettingsFormValues,
} from "../src";

const form: StoreSettingsFormValues = {
  storeName: " Ember & Oak ",
  currency: "eur",
  flatShipping: "4.90",
  freeShippingOver: "",
  lowStockThreshold: "3",
  maxOpenOrdersPerAccount: "3",
  maxUnitsPerProduct: "10",
  timeZone: "Europe/Berlin",
};

const problems = (values: StoreSettingsFormValues) => {
  const result = storeSettingsFormSchema(values.currency).safeParse(values);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("the store settings form schema", () => {
  it("turns the form into config/store, amounts in the chosen currency's cents", () => {
    expect(storeSettingsFormSchema(form.currency).parse(form)).toEqual({
      storeName: "Ember & Oak",
      currency: "EUR",
      shipping: { flatCents: 490, freeOverCents: null },
      lowStockThreshold: 3,
      maxOpenOrdersPerAccount: 3,
      maxUnitsPerProduct: 10,
      timeZone: "Europe/Berlin",
    });
    expect(
      storeSettingsFormSchema("JPY").parse({
        ...form,
        currency: "JPY",
        flatShipping: "500",
        freeShippingOver: "10000",
      }).shipping,
    ).toEqual({
      flatCents: 500,
      freeOverCents: 10_000,
    });
  });

  it("names the field and the problem", () => {
    expect(problems({ ...form, timeZone: "Mars/Olympus" })).toEqual([
      'timeZone: Choose a time zone such as "Europe/Paris" or "UTC".',
    ]);
    expect(problems({ ...form, flatShipping: "4.999" })).toEqual([
      "flatShipping: Flat shipping: EUR amounts allow at most 2 decimal places.",
    ]);
    // Every field's problem at once, not one after the other.
    expect(problems({ ...form, flatShipping: "4.999", lowStockThreshold: "many" })).toEqual([
      "flatShipping: Flat shipping: EUR amounts allow at most 2 decimal places.",
      "lowStockThreshold: The low-stock threshold is a whole number.",
    ]);
    expect(problems({ ...form, maxUnitsPerProduct: "100" })).toEqual([
      "maxUnitsPerProduct: Units per product is at most 99.",
    ]);
    expect(problems({ ...form, currency: "euro" })).toEqual([
      "currency: Currency is a 3-letter ISO 4217 code, e.g. USD or EUR.",
    ]);
  });

  it("starts from the stored settings and gives them back", () => {
    const stored = storeConfigSchema.parse({
      storeName: "Hearth",
      currency: "USD",
      shipping: { flatCents: 500, freeOverCents: 5_000 },
      lowStockThreshold: 2,
    });
    expect(storeSettingsFormSchema("USD").parse(storeSettingsFormValues(stored))).toEqual(stored);
  });
});
