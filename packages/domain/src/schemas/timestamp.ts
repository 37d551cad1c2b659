import * as z from "zod";

/** A JS Date or anything shaped like a Firestore Timestamp; keeps the domain free of firebase. */
export type TimestampLike = Date | { toMillis(): number };

function isTimestampLike(value: unknown): value is TimestampLike {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return (
    typeof value === "object" && value !== null && "toMillis" in value && typeof value.toMillis === "function"
  );
}

export const timestampSchema = z.custom<TimestampLike>(isTimestampLike, {
  message: "Expected a Date or a Timestamp",
});
export type Timestamp = z.infer<typeof timestampSchema>;

export function toMillis(value: TimestampLike): number {
  return value instanceof Date ? value.getTime() : value.toMillis();
}
