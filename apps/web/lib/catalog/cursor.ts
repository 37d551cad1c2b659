import { z } from "zod";
import { productSorts, SORT_ORDERS, type ProductSort } from "./queries";

import type { CursorValue } from "@/lib/queries/build-query";

export type { CursorTimestamp, CursorValue } from "@/lib/queries/build-query";

/** Where a page starts or ends: the values of the sort's order fields, then the document id. */
export type ListingCursor = { sort: ProductSort; values: CursorValue[]; id: string };

const timestampValue = z.object({ seconds: z.int(), nanoseconds: z.int().min(0).max(999_999_999) });
const FIELD_VALUES: Readonly<Record<string, z.ZodType<CursorValue>>> = {
  createdAt: timestampValue,
  priceCents: z.int(),
  stock: z.int(),
  name: z.string().max(200),
};

const MAX_CURSOR_LENGTH = 1_000;

function valueSchema(field: string): z.ZodType<CursorValue> {
  const schema = FIELD_VALUES[field];
  if (!schema) throw new Error(`No cursor encoding for field ${field}`);
  return schema;
}

const cursorShape = z.tuple([z.enum(productSorts), z.array(z.unknown()).max(8), z.string().min(1).max(128)]);

export function encodeCursor(cursor: ListingCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.values, cursor.id])).toString("base64url");
}

/** The cursor in a URL, or null when it is malformed or belongs to another sort. */
export function decodeCursor(text: string, sort: ProductSort): ListingCursor | null {
  if (text.length > MAX_CURSOR_LENGTH) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorShape.safeParse(raw);
  if (!parsed.success) return null;
  const [cursorSort, rawValues, id] = parsed.data;
  const orders = SORT_ORDERS[sort];
  if (cursorSort !== sort || rawValues.length !== orders.length) return null;
  const values: CursorValue[] = [];
  for (const [index, order] of orders.entries()) {
    const value = valueSchema(order.field).safeParse(rawValues[index]);
    if (!value.success) return null;
    values.push(value.data);
  }
  return { sort, values, id };
}
