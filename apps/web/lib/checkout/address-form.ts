import { addressSchema, type Address } from "@hearth/domain";

export const addressFields = ["name", "line1", "line2", "city", "postalCode", "country"] as const;
export type AddressField = (typeof addressFields)[number];
export type AddressValues = Record<AddressField, string>;
export type AddressErrors = Partial<Record<AddressField, string>>;

export const EMPTY_ADDRESS: AddressValues = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  country: "",
};

export function valuesOf(address: Address | null | undefined): AddressValues {
  if (!address) return EMPTY_ADDRESS;
  return { ...EMPTY_ADDRESS, ...address, line2: address.line2 ?? "" };
}

const isField = (key: unknown): key is AddressField =>
  typeof key === "string" && (addressFields as readonly string[]).includes(key);

/** The schema's own message (e.g. the country's), with plain words for zod's generic length ones. */
function messageFor(code: string, message: string): string {
  if (code === "too_small") return "This field is required";
  if (code === "too_big") return "This is too long";
  return message;
}

/**
 * The form checked with the shared addressSchema, the one the rules and functions agree with. An
 * empty second line is left out; the country is uppercased first, so "us" is accepted as "US".
 */
export function parseAddress(
  values: AddressValues,
): { ok: true; address: Address } | { ok: false; errors: AddressErrors } {
  const input = {
    name: values.name,
    line1: values.line1,
    ...(values.line2.trim() === "" ? {} : { line2: values.line2 }),
    city: values.city,
    postalCode: values.postalCode,
    country: values.country.trim().toUpperCase(),
  };
  const result = addressSchema.safeParse(input);
  if (result.success) return { ok: true, address: result.data };
  const errors: AddressErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isField(field) && !errors[field]) errors[field] = messageFor(issue.code, issue.message);
  }
  return { ok: false, errors };
}
