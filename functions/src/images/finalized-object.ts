import * as z from "zod";

/** The parts of a finalized object's event the pipeline uses. */
export interface FinalizedObject {
  name: string;
  /** Decimal digits: the JSON API's int64 as text. */
  generation: string;
  size: number;
  contentType: string | undefined;
  customMetadata: Readonly<Record<string, string>> | undefined;
  /** The CloudEvent's time: when the object was written, the same on every redelivery. */
  eventTime: string;
}

/** GCS sends int64 fields (generation, size) as decimal text; the SDK's types say number. */
const int64 = z.union([z.string().regex(/^\d{1,20}$/), z.int().nonnegative()]).transform(String);

const objectDataSchema = z.object({
  bucket: z.string().min(1),
  name: z.string().min(1),
  generation: int64,
  size: int64.transform(Number),
  contentType: z.string().optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export type ParsedObject = FinalizedObject & { bucket: string };

/** The event's object, or the schema's complaint when it is not one the pipeline can read. */
export function parseFinalizedObject(
  data: unknown,
  eventTime: string,
): { ok: true; object: ParsedObject } | { ok: false; error: z.ZodError } {
  const parsed = objectDataSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const { bucket, name, generation, size, contentType, metadata } = parsed.data;
  return {
    ok: true,
    object: { bucket, name, generation, size, contentType, customMetadata: metadata ?? undefined, eventTime },
  };
}
