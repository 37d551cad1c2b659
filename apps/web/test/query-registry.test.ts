import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMIN_PRODUCT_QUERIES } from "../lib/admin/products/product-queries";
import { listingDescriptor, listingQueryId } from "../lib/catalog/queries";
import { APP_QUERIES, registeredQuery } from "../lib/queries/registry";
import { descriptorProblems, requiredIndex, type IndexField } from "../lib/queries/descriptor";

const indexesPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../firestore.indexes.json",
);

const indexFieldSchema = z.union([
  z.strictObject({ fieldPath: z.string(), order: z.enum(["ASCENDING", "DESCENDING"]) }),
  z.strictObject({ fieldPath: z.string(), arrayConfig: z.literal("CONTAINS") }),
]);
const indexesSchema = z.object({
  indexes: z.array(
    z.object({
      collectionGroup: z.string(),
      queryScope: z.enum(["COLLECTION", "COLLECTION_GROUP"]),
      fields: z.array(indexFieldSchema),
    }),
  ),
});

const file = indexesSchema.parse(JSON.parse(readFileSync(indexesPath, "utf8")));

/** An index's fields without a trailing __name__, which Firestore adds when it is left out. */
function key(collection: string, fields: readonly IndexField[]): string {
  const own = fields.at(-1)?.fieldPath === "__name__" ? fields.slice(0, -1) : fields;
  return `${collection} ${JSON.stringify(own)}`;
}

const declared = new Set(
  file.indexes
    .filter((index) => index.queryScope === "COLLECTION")
    .map((index) => key(index.collectionGroup, index.fields)),
);

describe("the query registry", () => {
  it("lists queries with unique ids", () => {
    const ids = APP_QUERIES.map((descriptor) => descriptor.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(APP_QUERIES.map((descriptor) => [descriptor.id, descriptor] as const))(
    "%s is a query Firestore accepts and has its composite index",
    (_id, descriptor) => {
      expect(descriptorProblems(descriptor)).toEqual([]);
      const fields = requiredIndex(descriptor);
      if (fields === null) {
        // Served by the automatic single-field index: one field in all.
        expect(
          new Set([...descriptor.where, ...descriptor.orderBy].map((part) => part.field)).size,
        ).toBeLessThanOrEqual(1);
        return;
      }
      expect(
        declared.has(key(descriptor.collection, fields)),
        `missing index ${key(descriptor.collection, fields)}`,
      ).toBe(true);
    },
  );

  it("every storefront product query filters on status == active first, as the rules require", () => {
    // The back office's queries run as an admin, whom the rules let read every status.
    const adminIds = new Set(ADMIN_PRODUCT_QUERIES.map((descriptor) => descriptor.id));
    const storefront = APP_QUERIES.filter(
      (candidate) => candidate.collection === "products" && !adminIds.has(candidate.id),
    );
    expect(storefront.length).toBeGreaterThan(0);
    for (const descriptor of storefront) {
      expect(descriptor.where[0], descriptor.id).toEqual({ field: "status", op: "==" });
    }
  });

  it("keeps no catalog index that no query uses", () => {
    const used = new Set(
      APP_QUERIES.flatMap((descriptor) => {
        const fields = requiredIndex(descriptor);
        return fields ? [key(descriptor.collection, fields)] : [];
      }),
    );
    const unused = file.indexes
      .filter((index) => index.collectionGroup === "products" || index.collectionGroup === "categories")
      .map((index) => key(index.collectionGroup, index.fields))
      .filter((entry) => !used.has(entry));
    expect(unused).toEqual([]);
  });

  it("refuses a query that is not registered", () => {
    expect(() => registeredQuery("products/everything")).toThrow(/not in the query registry/);
  });

  it("reverses every field of a backward page, document id included", () => {
    const shape = {
      scope: "category",
      match: "tag",
      minPrice: true,
      maxPrice: false,
      inStock: true,
      sort: "name",
      direction: "backward",
    } as const;
    expect(listingQueryId(shape)).toBe("products/list/category+tag+min+stock/name/reversed");
    expect(listingDescriptor(shape).orderBy).toEqual([
      { field: "name", direction: "desc" },
      { field: "priceCents", direction: "desc" },
      { field: "stock", direction: "desc" },
    ]);
  });
});

describe("descriptorProblems", () => {
  it("finds a range filter without an orderBy on its field, and two array-contains", () => {
    expect(
      descriptorProblems({
        id: "bad",
        collection: "products",
        where: [
          { field: "tags", op: "array-contains" },
          { field: "searchTokens", op: "array-contains" },
          { field: "stock", op: ">" },
        ],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        purpose: "test",
      }),
    ).toEqual(["more than one array-contains filter", "range filter on stock without an orderBy on it"]);
  });
});
