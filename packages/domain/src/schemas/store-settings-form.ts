import * as z from "zod";
import { centsToDecimalString, parseMoneyToCents } from "../money";
import { MAX_LINE_QUANTITY } from "../order-state";
import {
  isTimeZone,
  MAX_OPEN_ORDERS_PER_ACCOUNT,
  storeConfigSchema,
  type StoreConfig,
  type StoreConfigInput,
} from "./store-config";

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

function wholeNumber(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `${label} is a whole number.`)
    .transform(Number)
    .pipe(z.int().min(min, `${label} is at least ${min}.`).max(max, `${label} is at most ${max}.`));
}

/** An amount typed in `currency`; checked as cents with two decimals while the currency is not valid yet. */
function money(currency: string, label: string) {
  const known = CURRENCY_PATTERN.test(currency) ? currency : "USD";
  return z.string().transform((text, context) => {
    const parsed = parseMoneyToCents(text, known);
    if (parsed.ok) return parsed.cents;
    context.addIssue({ code: "custom", message: `${label}: ${parsed.error}.` });
    return z.NEVER;
  });
}

/**
 * The back office's store settings form as typed (strings), turned into config/store, which the
 * rules check again (validStoreConfig). Amounts are typed in the currency the same form names, so
 * the schema is made for it: `storeSettingsFormSchema(values.currency)`.
 */
export function storeSettingsFormSchema(typedCurrency: string) {
  const currency = typedCurrency.trim().toUpperCase();
  return z
    .object({
      storeName: z
        .string()
        .trim()
        .min(1, "Enter the store's name.")
        .max(80, "Keep the name under 80 characters."),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(CURRENCY_PATTERN, "Currency is a 3-letter ISO 4217 code, e.g. USD or EUR."),
      flatShipping: money(currency, "Flat shipping"),
      freeShippingOver: z
        .string()
        .transform((text) => text.trim())
        .pipe(z.union([z.literal("").transform(() => null), money(currency, "Free shipping over")])),
      lowStockThreshold: wholeNumber("The low-stock threshold", 0, 1_000_000),
      maxOpenOrdersPerAccount: wholeNumber("Open orders per account", 1, MAX_OPEN_ORDERS_PER_ACCOUNT),
      maxUnitsPerProduct: wholeNumber("Units per product", 1, MAX_LINE_QUANTITY),
      timeZone: z.string().trim().refine(isTimeZone, 'Choose a time zone such as "Europe/Paris" or "UTC".'),
    })
    .transform(({ flatShipping, freeShippingOver, ...rest }): StoreConfigInput => ({
      ...rest,
      shipping: { flatCents: flatShipping, freeOverCents: freeShippingOver },
    }))
    .pipe(storeConfigSchema);
}

export type StoreSettingsFormValues = z.input<ReturnType<typeof storeSettingsFormSchema>>;

export function storeSettingsFormValues(config: StoreConfig): StoreSettingsFormValues {
  const { currency } = config;
  return {
    storeName: config.storeName,
    currency,
    flatShipping: centsToDecimalString(config.shipping.flatCents, currency),
    freeShippingOver:
      config.shipping.freeOverCents === null
        ? ""
        : centsToDecimalString(config.shipping.freeOverCents, currency),
    lowStockThreshold: String(config.lowStockThreshold),
    maxOpenOrdersPerAccount: String(config.maxOpenOrdersPerAccount),
    maxUnitsPerProduct: String(config.maxUnitsPerProduct),
    timeZone: config.timeZone,
  };
}
