import { addressSchema, type Address } from "@hearth/domain";
import type { z } from "zod";

export const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "postalCode", "country"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressInput = Record<AddressField, string>;
export type AddressErrors = Partial<Record<AddressField, string>>;

export const ADDRESS_LABELS: Record<AddressField, string> = {
  name: "Full name",
  line1: "Address line 1",
  line2: "Address line 2 (optional)",
  city: "City",
  postalCode: "Postal code",
  country: "Country code",
};

export const EMPTY_ADDRESS: AddressInput = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  country: "",
};

export function addressInput(address: Address | null): AddressInput {
  return address ? { ...EMPTY_ADDRESS, ...address, line2: address.line2 ?? "" } : EMPTY_ADDRESS;
}

export function isBlankAddress(input: AddressInput): boolean {
  return ADDRESS_FIELDS.every((field) => input[field].trim() === "");
}

function isAddressField(value: unknown): value is AddressField {
  return typeof value === "string" && (ADDRESS_FIELDS as readonly string[]).includes(value);
}

// Wording for zod's generic checks; messages written into the shared schema (the country's)
// take precedence, so the form says what the rules and functions say.
function fieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const field = issue.path?.[0];
  const label = isAddressField(field) ? ADDRESS_LABELS[field].replace(/ \(optional\)$/, "") : "This field";
  if (issue.code === "too_small") return `Enter the ${label.toLowerCase()}.`;
  if (issue.code === "too_big") return `${label} must be at most ${String(issue.maximum)} characters.`;
  return undefined;
}

/**
 * Checks a form's address with the shared addressSchema. Country codes are upper-cased first, and
 * an empty optional line 2 is left out, as the schema expects.
 */
export function parseAddress(
  input: AddressInput,
): { ok: true; address: Address } | { ok: false; errors: AddressErrors } {
  const candidate = {
    name: input.name,
    line1: input.line1,
    ...(input.line2.trim() ? { line2: input.line2 } : {}),
    city: input.city,
    postalCode: input.postalCode,
    country: input.country.trim().toUpperCase(),
  };
  const result = addressSchema.safeParse(candidate, { error: fieldMessage });
  if (result.success) return { ok: true, address: result.data };
  const errors: AddressErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isAddressField(field) && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
