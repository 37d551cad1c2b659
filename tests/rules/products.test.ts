import { describe, expect, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  Timestamp,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { MAX_PRICE_CENTS, MAX_STOCK, productSchema } from "@hearth/domain";
import { compact, image, newProduct, past, storedProduct } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

/** A WebP data URL with this many base64 characters (imagePlaceholderSchema allows 1 to 1000). */
const placeholderOf = (length: number): string => `data:image/webp;base64,${"A".repeat(length)}`;

const seedCatalog = () =>
  h.seed(async (firestore) => {
    await setDoc(doc(firestore, "products/active"), storedProduct());
    await setDoc(doc(firestore, "products/draft"), storedProduct({ status: "draft" }));
    await setDoc(doc(firestore, "products/archived"), storedProduct({ status: "archived" }));
  });

describe("reading products", () => {
  it("lets anyone, signed out too, read an active product", async () => {
    await seedCatalog();
    await assertSucceeds(getDoc(doc(db(h.signedOut()), "products/active")));
    await assertSucceeds(getDoc(doc(db(h.shopper()), "products/active")));
  });

  it.each(["draft", "archived"])("hides a %s product from shoppers and signed-out visitors", async (id) => {
    await seedCatalog();
    await assertFails(getDoc(doc(db(h.signedOut()), `products/${id}`)));
    await assertFails(getDoc(doc(db(h.shopper()), `products/${id}`)));
  });

  it("lets admins read drafts and archived products", async () => {
    await seedCatalog();
    await assertSucceeds(getDoc(doc(db(h.admin()), "products/draft")));
    await assertSucceeds(getDoc(doc(db(h.admin()), "products/archived")));
  });

  it("lets shoppers list products only with a status == active filter", async () => {
    await seedCatalog();
    const products = collection(db(h.signedOut()), "products");
    await assertSucceeds(getDocs(query(products, where("status", "==", "active"))));
    await assertFails(getDocs(products));
    await assertFails(getDocs(query(products, where("status", "==", "draft"))));
  });

  it("lets admins list every product", async () => {
    await seedCatalog();
    await assertSucceeds(getDocs(collection(db(h.admin()), "products")));
  });
});

describe("writing products", () => {
  it("lets an admin create, update and delete a product", async () => {
    const product = doc(db(h.admin()), "products/mug");
    await assertSucceeds(setDoc(product, newProduct({ images: Array.from({ length: 10 }, () => image()) })));
    await assertSucceeds(updateDoc(product, { priceCents: 2200, stock: 0, updatedAt: serverTimestamp() }));
    await assertSucceeds(deleteDoc(product));
  });

  it("accepts a product without images, tags or description", async () => {
    await assertSucceeds(
      setDoc(doc(db(h.admin()), "products/bare"), newProduct({ images: [], tags: [], description: "" })),
    );
  });

  it("denies every write to shoppers and signed-out visitors", async () => {
    await seedCatalog();
    for (const context of [h.signedOut(), h.shopper()]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, "products/new"), newProduct()));
      await assertFails(
        updateDoc(doc(firestore, "products/active"), { priceCents: 1, updatedAt: serverTimestamp() }),
      );
      await assertFails(
        updateDoc(doc(firestore, "products/active"), { stock: 9999, updatedAt: serverTimestamp() }),
      );
      await assertFails(deleteDoc(doc(firestore, "products/active")));
    }
  });

  it("does not take an admin claim that is not exactly true", async () => {
    const forged = h.shopper("mallory", { email: "mallory@example.com", admin: "true" });
    await assertFails(setDoc(doc(db(forged), "products/new"), newProduct()));
  });

  it("requires createdAt to be the server time on create and unchanged on update", async () => {
    const firestore = db(h.admin());
    await assertFails(setDoc(doc(firestore, "products/new"), newProduct({ createdAt: past })));
    await seedCatalog();
    await assertFails(
      updateDoc(doc(firestore, "products/active"), {
        createdAt: serverTimestamp(),
        updatedAt: serverTimestamp(),
      }),
    );
    await assertFails(updateDoc(doc(firestore, "products/active"), { priceCents: 2000 }));
  });

  const tooMany = (count: number, value: unknown): unknown[] => Array.from({ length: count }, () => value);
  const invalid: [string, DocumentData][] = [
    ["an extra field", { featured: true }],
    ["a missing field", { slug: undefined }],
    ["an empty name", { name: "" }],
    ["a 121-character name", { name: "x".repeat(121) }],
    ["a non-string name", { name: 42 }],
    ["a slug with spaces", { slug: "Blue Mug" }],
    ["a 5001-character description", { description: "x".repeat(5001) }],
    ["a price of 0", { priceCents: 0 }],
    ["a fractional price", { priceCents: 17.5 }],
    ["a price given as a string", { priceCents: "1800" }],
    ["a lowercase currency", { currency: "eur" }],
    ["a 4-letter currency", { currency: "EURO" }],
    ["an empty categoryId", { categoryId: "" }],
    ["tags that are not a list", { tags: "mug" }],
    ["21 tags", { tags: tooMany(21, "tag") }],
    ["an unknown status", { status: "deleted" }],
    ["negative stock", { stock: -1 }],
    ["fractional stock", { stock: 1.5 }],
    ["images that are not a list", { images: {} }],
    ["11 images", { images: tooMany(11, image()) }],
    ["201 search tokens", { searchTokens: tooMany(201, "mu") }],
    ["searchTokens that are not a list", { searchTokens: "mug" }],
    ["a client-chosen updatedAt", { updatedAt: Timestamp.now() }],
    ["a createdAt that is not a timestamp", { createdAt: "2025-01-01" }],
  ];

  it.each(invalid)("rejects an admin write with %s", async (_label, overrides) => {
    await assertFails(setDoc(doc(db(h.admin()), "products/new"), compact(newProduct(overrides))));
  });
});

// firestore.rules' validProduct must accept nothing that productSchema refuses: such a product
// vanishes from the storefront and its orders are rejected. Every case is checked against both.
describe("products and the domain schema agree", () => {
  const zodAccepts = (overrides: DocumentData): boolean =>
    productSchema.safeParse(compact(storedProduct(overrides))).success;
  const create = (overrides: DocumentData) =>
    setDoc(doc(db(h.admin()), "products/new"), compact(newProduct(overrides)));

  const withImage = (overrides: DocumentData): DocumentData => ({ images: [compact(image(overrides))] });
  const withUrl = (url: unknown): DocumentData => withImage({ urls: { thumb: url } });
  const nineGoodImagesAnd = (last: DocumentData): DocumentData => ({
    images: [...Array.from({ length: 9 }, () => image()), compact(image(last))],
  });

  const refusedByBoth: [string, DocumentData][] = [
    ["a name of spaces", { name: "   " }],
    ["a name of a tab and a newline", { name: "\t\n" }],
    ["a name of no-break and ideographic spaces", { name: "\u00a0\u3000\ufeff" }],
    ["a price above MAX_PRICE_CENTS", { priceCents: MAX_PRICE_CENTS + 1 }],
    ["stock above MAX_STOCK", { stock: MAX_STOCK + 1 }],
    ["a categoryId of '.'", { categoryId: "." }],
    ["a categoryId of '..'", { categoryId: ".." }],
    ["a categoryId of __kitchen__", { categoryId: "__kitchen__" }],
    ["a categoryId with a '/'", { categoryId: "kitchen/pots" }],
    ["a tag that is not a string", { tags: ["mug", 7] }],
    ["a tag that is a map", { tags: [{ name: "mug" }] }],
    ["an empty tag", { tags: ["mug", ""] }],
    ["an empty first tag", { tags: ["", "mug"] }],
    ["a tag of spaces", { tags: ["mug", "   "] }],
    ["a tag of no-break spaces", { tags: ["\u00a0\u2028"] }],
    ["a 41-character tag", { tags: ["x".repeat(41)] }],
    ["a tag of 41 emoji", { tags: ["\u{1F375}".repeat(41)] }],
    ["a search token that is not a string", { searchTokens: ["mu", 3] }],
    ["an empty search token", { searchTokens: ["mu", ""] }],
    ["an empty first search token", { searchTokens: ["", "mu"] }],
    ["a 41-character search token", { searchTokens: ["x".repeat(41)] }],
    ["a search token of 41 emoji", { searchTokens: ["\u{1F375}".repeat(41)] }],
    ["an uppercase search token", { searchTokens: ["mug", "Mug"] }],
    ["a search token with an accented capital", { searchTokens: ["\u00c9lan"] }],
    ["a search token with a titlecase letter", { searchTokens: ["\u01c5"] }],
    ["a search token with a Roman numeral capital", { searchTokens: ["\u216b"] }],
    ["a search token with a circled capital", { searchTokens: ["\u24b6"] }],
    ["a search token with a Cherokee capital", { searchTokens: ["\u13a0"] }],
    ["a search token with a Latin capital of Unicode 14", { searchTokens: ["\ua7c0"] }],
    ["a search token with an Adlam capital", { searchTokens: ["\u{1E900}"] }],
    ["an image that is a string", { images: ["https://example.com/a.webp"] }],
    ["an image without a path", withImage({ path: undefined })],
    ["an image without urls", withImage({ urls: undefined })],
    ["an image with an empty path", withImage({ path: "" })],
    ["an image path that is a number", withImage({ path: 7 })],
    ["an image of width 0", withImage({ width: 0 })],
    ["an image of negative height", withImage({ height: -800 })],
    ["an image of fractional width", withImage({ width: 1200.5 })],
    ["an image width given as a string", withImage({ width: "1200" })],
    ["an image height above 2^53", withImage({ height: 2 ** 60 })],
    ["an alt text of 201 characters", withImage({ alt: "x".repeat(201) })],
    ["an alt text that is a number", withImage({ alt: 7 })],
    ["no alt text", withImage({ alt: undefined })],
    ["urls that are not a map", withImage({ urls: "https://example.com/a.webp" })],
    ["an unknown image size", withImage({ urls: { huge: "https://example.com/a.webp" } })],
    ["an image URL that is a number", withUrl(7)],
    ["an image URL that is not a URL", withUrl("not a url")],
    ["an empty image URL", withUrl("")],
    ["a javascript: image URL", withUrl("javascript:alert(1)")],
    ["an ftp image URL", withUrl("ftp://example.com/a.webp")],
    ["an image URL without //", withUrl("https:example.com/a.webp")],
    ["an image URL with a port above 65535", withUrl("https://example.com:65536/a.webp")],
    ["an image URL with an IPv4 part above 255", withUrl("http://256.0.0.1/a.webp")],
    ["an image URL with a numeric last label", withUrl("https://example.1/a.webp")],
    ["an image URL with a broken punycode label", withUrl("https://xn--a.example/a.webp")],
    ["an image URL with a space in its host", withUrl("https://exa mple.com/a.webp")],
    ["the tenth of ten images without a path", nineGoodImagesAnd({ path: undefined })],
    ["the tenth of ten images with width 0", nineGoodImagesAnd({ width: 0 })],
    ["the tenth of ten images with a bad URL", nineGoodImagesAnd({ urls: { full: "ftp://x.example/a" } })],
    ["the tenth of ten images with a long alt", nineGoodImagesAnd({ alt: "x".repeat(201) })],
    ["a PNG placeholder", withImage({ placeholder: "data:image/png;base64,AAAA" })],
    ["a placeholder that is a URL", withImage({ placeholder: "https://example.com/p.webp" })],
    ["a placeholder with 1001 base64 characters", withImage({ placeholder: placeholderOf(1001) })],
    ["a placeholder with a space", withImage({ placeholder: "data:image/webp;base64,AA AA" })],
    ["a placeholder that is a number", withImage({ placeholder: 7 })],
    ["a placeholder with a newline", withImage({ placeholder: "data:image/webp;base64,A\nA" })],
    ["the tenth of ten images with a bad placeholder", nineGoodImagesAnd({ placeholder: "data:," })],
  ];

  it.each(refusedByBoth)("refuses a product with %s, as zod does", async (_label, overrides) => {
    expect(zodAccepts(overrides)).toBe(false);
    await assertFails(create(overrides));
  });

  const emulatorUrl =
    "http://127.0.0.1:9199/v0/b/demo-hearth.appspot.com/o/products%2Fp1%2Fimages%2Fthumb.webp?alt=media&token=1a2b3c4d-0000-4000-a000-000000000000";
  const pipelineImage = (i: number): DocumentData =>
    image({ path: `products/p1/original/${i}.jpg`, placeholder: placeholderOf(1000) });
  const acceptedByBoth: [string, DocumentData][] = [
    ["a name with spaces around it (zod trims them)", { name: "  Blue mug  " }],
    ["the highest price and stock", { priceCents: MAX_PRICE_CENTS, stock: MAX_STOCK }],
    ["a categoryId of '...'", { categoryId: "..." }],
    ["a categoryId of three underscores", { categoryId: "___" }],
    ["a categoryId starting with __", { categoryId: "__kitchen" }],
    ["20 tags of 40 characters", { tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, "x")) }],
    [
      "tags with inner spaces, accents and emoji",
      { tags: ["cast iron", "caf\u00e9", "\u{1F375}".repeat(40)] },
    ],
    ["one tag", { tags: ["mug"] }],
    [
      "200 search tokens of 40 characters",
      { searchTokens: Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(40, "x")) },
    ],
    [
      "lowercase non-ASCII search tokens",
      { searchTokens: ["\u00e9lan", "stra\u00dfe", "\u03c3\u03bf", "42", "\u{1F375}".repeat(40)] },
    ],
    ["no search tokens", { searchTokens: [] }],
    ["an image with no URLs yet and an empty alt", withImage({ urls: {}, alt: "" })],
    ["an image from the pipeline, with a placeholder", { images: [pipelineImage(0)] }],
    [
      "pipeline images beside older ones without a placeholder",
      { images: [image(), pipelineImage(1), image({ placeholder: placeholderOf(1) })] },
    ],
    ["a placeholder with base64 padding", withImage({ placeholder: `${placeholderOf(22)}==` })],
    [
      "ten images with every size, on the Storage emulator and in production",
      {
        images: Array.from({ length: 10 }, (_, i) =>
          image({
            path: `products/p1/images/${i}.webp`,
            urls: {
              thumb: emulatorUrl,
              card: `https://firebasestorage.googleapis.com/v0/b/hearth.appspot.com/o/p%2F${i}.webp?alt=media`,
              full: "http://localhost:10199/full.webp#top",
            },
            alt: "x".repeat(200),
          }),
        ),
      },
    ],
  ];

  it.each(acceptedByBoth)("accepts a product with %s, as zod does", async (_label, overrides) => {
    expect(zodAccepts(overrides)).toBe(true);
    await assertSucceeds(create(overrides));
  });

  // Where the two differ, the rules are the stricter side: zod would read these, but the rules
  // keep the stored form plain (trimmed tags, known image keys, plain http(s) URLs).
  const refusedByRulesOnly: [string, DocumentData][] = [
    ["a tag with spaces around it", { tags: [" mug"] }],
    ["a tag with a newline", { tags: ["blue\nmug"] }],
    ["a name of 61 emoji (size() counts 122 UTF-16 units)", { name: "\u{1F375}".repeat(61) }],
    ["an image with an extra key", withImage({ caption: "A mug" })],
    ["a search token with an uppercase letter that has no lowercase", { searchTokens: ["\u2102"] }],
    ["an image URL with an uppercase scheme", withUrl("HTTPS://example.com/a.webp")],
    ["an image URL on a punycode host", withUrl("https://xn--ls8h.example/a.webp")],
    ["an image URL on an IPv6 host", withUrl("http://[::1]:9199/a.webp")],
  ];

  it.each(refusedByRulesOnly)(
    "refuses a product with %s, which zod would take",
    async (_label, overrides) => {
      expect(zodAccepts(overrides)).toBe(true);
      await assertFails(create(overrides));
    },
  );

  it("fits the largest product in the rules' budget on create and on update", async () => {
    const largest = {
      description: "x".repeat(5000),
      tags: Array.from({ length: 20 }, (_, i) => `tag ${i}`.padEnd(40, "x")),
      searchTokens: Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(40, "x")),
      images: Array.from({ length: 10 }, (_, i) => ({
        ...pipelineImage(i),
        urls: { thumb: emulatorUrl, card: emulatorUrl, full: emulatorUrl },
      })),
    };
    const product = doc(db(h.admin()), "products/largest");
    await assertSucceeds(setDoc(product, newProduct(largest)));
    await assertSucceeds(updateDoc(product, { ...largest, stock: 1, updatedAt: serverTimestamp() }));
  });
});
