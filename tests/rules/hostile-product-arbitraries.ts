// Products as an admin writes them through the web SDK: valid ones (within the rules' stricter
// forms, see validProduct in firestore.rules), near-valid ones with one or two defects, each of
// which the rules must refuse on its own, and ones with a single odd character somewhere.
import { MAX_PRICE_CENTS, MAX_STOCK, productSchema } from "@hearth/domain";
import fc from "fast-check";
import { serverTimestamp, type DocumentData } from "firebase/firestore";
import type { Defect } from "../support/hostile/defects";
import { validProductId } from "../support/hostile/orders";
import {
  anyDate,
  anyListEntry,
  anyScalar,
  anyValue,
  intOutside,
  notA,
  notATime,
  textLongerThan,
  unusableId,
} from "../support/hostile/values";
import { badSlug, badText, broken, plainText, setAt, slug, type Broken } from "./hostile-catalog-arbitraries";

const URLS = [
  "https://example.com/a.webp",
  "http://127.0.0.1:9199/v0/b/demo.appspot.com/o/p%2Fa.webp?alt=media&token=1",
  "https://firebasestorage.googleapis.com/v0/b/hearth/o/x.webp#top",
];
const BAD_URLS = [
  "",
  "not a url",
  "javascript:alert(1)",
  "ftp://example.com/a",
  "https:example.com/a",
  "https://example.com:65536/a",
  "http://256.0.0.1/a",
  "https://exa mple.com/a",
  "data:image/webp;base64,AAAA",
];

const validImage: fc.Arbitrary<DocumentData> = fc.record(
  {
    path: plainText(1000),
    width: fc.integer({ min: 1, max: 999_999_999_999_999 }),
    height: fc.integer({ min: 1, max: 50_000 }),
    urls: fc.record(
      { thumb: fc.constantFrom(...URLS), card: fc.constantFrom(...URLS), full: fc.constantFrom(...URLS) },
      { requiredKeys: [] },
    ),
    alt: plainText(200, 0),
    placeholder: fc
      .stringMatching(/^[A-Za-z0-9+/]{1,40}={0,2}$/)
      .map((b64) => `data:image/webp;base64,${b64}`),
  },
  { requiredKeys: ["path", "width", "height", "urls", "alt"] },
);

const searchToken = fc
  .array(fc.constantFrom(..."abcxyz0189-é߀σ\u{1F375}".split(/(?:)/u)), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join(""))
  .filter((token) => token.length <= 40);

/** A product as an admin creates it; the domain schema reads every one (checked by the filter). */
export const validProduct: fc.Arbitrary<DocumentData> = fc
  .record({
    name: plainText(120),
    slug,
    description: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constant("x".repeat(5000))),
    priceCents: fc.integer({ min: 1, max: MAX_PRICE_CENTS }),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
    categoryId: validProductId,
    tags: fc.array(plainText(40), { maxLength: 20 }),
    status: fc.constantFrom("draft", "active", "archived"),
    stock: fc.integer({ min: 0, max: MAX_STOCK }),
    images: fc.array(validImage, { maxLength: 10 }),
    searchTokens: fc.array(searchToken, { maxLength: 200 }),
  })
  .filter(
    (product) =>
      productSchema.safeParse({ ...product, createdAt: new Date(), updatedAt: new Date() }).success,
  )
  .map((product) => ({ ...product, createdAt: serverTimestamp(), updatedAt: serverTimestamp() }));

const image = fc.nat();
const imageDefect: fc.Arbitrary<Defect> = fc.oneof(
  fc
    .oneof(
      anyListEntry,
      fc.constant(Array.from({ length: 11 }, () => ({ path: "p", width: 1, height: 1, urls: {}, alt: "" }))),
    )
    .map(setAt("images")),
  fc.tuple(image, anyScalar).map(([at, to]) => setAt("images", at)(to)),
  fc
    .tuple(image, fc.oneof(fc.constant(""), textLongerThan(1000), fc.constant("a\nb"), notA("string")))
    .map(([at, to]) => setAt("images", at, "path")(to)),
  fc
    .tuple(
      image,
      fc.constantFrom("width", "height"),
      fc.oneof(intOutside(1, 999_999_999_999_999), notA("number")),
    )
    .map(([at, key, to]) => setAt("images", at, key)(to)),
  fc
    .tuple(image, fc.oneof(notA("object"), fc.constant({ huge: URLS[0] })))
    .map(([at, to]) => setAt("images", at, "urls")(to)),
  fc
    .tuple(
      image,
      fc.constantFrom("thumb", "card", "full"),
      fc.oneof(fc.constantFrom(...BAD_URLS), notA("string")),
    )
    .map(([at, key, to]) => setAt("images", at, "urls", key)(to)),
  fc
    .tuple(image, fc.oneof(textLongerThan(200), fc.constant("a\nb"), notA("string")))
    .map(([at, to]) => setAt("images", at, "alt")(to)),
  fc
    .tuple(
      image,
      fc.oneof(
        fc.constantFrom("", "data:image/png;base64,AAAA", `data:image/webp;base64,${"A".repeat(1001)}`),
        notA("string"),
      ),
    )
    .map(([at, to]) => setAt("images", at, "placeholder")(to)),
  fc
    .tuple(image, fc.constantFrom("caption", "priceCents", "admin"), anyValue)
    .map(([at, key, to]) => setAt("images", at, key)(to)),
  fc
    .tuple(image, fc.constantFrom("path", "width", "height", "urls", "alt"))
    .map(([at, key]) => ({ drop: ["images", at, key] })),
);

const listEntry = fc.nat();
const productDefect: fc.Arbitrary<Defect> = fc.oneof(
  badText(120).map(setAt("name")),
  badSlug.map(setAt("slug")),
  fc.oneof(textLongerThan(5000), notA("string")).map(setAt("description")),
  fc.oneof(intOutside(1, MAX_PRICE_CENTS), notA("number")).map(setAt("priceCents")),
  fc.oneof(fc.constantFrom("eur", "EURO", "E", "€", ""), notA("string")).map(setAt("currency")),
  fc.oneof(unusableId, fc.constant("k".repeat(129)), notA("string")).map(setAt("categoryId")),
  fc.oneof(fc.constantFrom("deleted", "Active", ""), notA("string")).map(setAt("status")),
  fc.oneof(intOutside(0, MAX_STOCK), notA("number")).map(setAt("stock")),
  fc.oneof(anyListEntry, fc.constant(Array.from({ length: 21 }, (_, i) => `tag${i}`))).map(setAt("tags")),
  fc
    .tuple(
      listEntry,
      fc.oneof(
        badText(40),
        fc.constantFrom(" mug", "mug ", "blue\nmug"),
        anyListEntry.filter((v) => typeof v !== "string"),
      ),
    )
    .map(([at, to]) => ({ set: ["tags", at], to })),
  fc
    .oneof(anyListEntry, fc.constant(Array.from({ length: 201 }, (_, i) => `t${i}`)))
    .map(setAt("searchTokens")),
  fc
    .tuple(
      listEntry,
      fc.oneof(
        fc.constantFrom("", "Mug", "x".repeat(41), "a\nb", "\u00c9lan", "\u2102"),
        anyListEntry.filter((value) => typeof value !== "string"),
      ),
    )
    .map(([at, to]) => ({ set: ["searchTokens", at], to })),
  imageDefect,
  fc
    .tuple(fc.constantFrom("createdAt", "updatedAt"), fc.oneof(anyDate, notATime))
    .map(([key, to]) => setAt(key)(to)),
  fc
    .tuple(fc.constantFrom("featured", "discountCents", "rating", "ownerUid", "admin"), anyValue)
    .map(([key, to]) => setAt(key)(to)),
  fc
    .constantFrom(
      "name",
      "slug",
      "description",
      "priceCents",
      "currency",
      "categoryId",
      "tags",
      "status",
      "stock",
      "images",
      "searchTokens",
      "createdAt",
      "updatedAt",
    )
    .map((key) => ({ drop: [key] })),
);

/** Defects on the list entries only land where the list has entries: a tag, a token, an image. */
const withEntries = (product: fc.Arbitrary<DocumentData>) =>
  product.filter((p) => p.tags.length > 0 && p.searchTokens.length > 0 && p.images.length > 0);

/** `createdAt` as the write must carry it: the server's time on create, the stored one on update. */
export const brokenProduct = (createdAt: unknown = serverTimestamp()): fc.Arbitrary<Broken> =>
  broken(
    withEntries(validProduct).map((product) => ({ ...product, createdAt })),
    productDefect,
  );

/** One code point that tends to sit on a boundary of some check: spaces, case, URL syntax, ids. */
const oddCharacter = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 2 }),
  fc.constantFrom(
    ..." \u00a0\u200b\u0085\u180e\u2028\ufeff\n\t\u0000\u0130\u1e9e\u03f4\u2126\u212a\u24b6\u2c2f\ua7c0\u1c89".split(
      "",
    ),
    ..."\u{1F375}\u{10400}\u{16E40}\u{1E900}".split(/(?:)/u),
    ..."%#?@:[]-._/".split(""),
    "//",
    "xn--",
    "..",
    "__",
  ),
);

/** `base` with one odd character put in front, at the end, inside, or in place of one. */
const tweaked = (base: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat(), oddCharacter, fc.constantFrom("prefix", "suffix", "insert", "replace"))
    .map(([at, odd, how]) => {
      const chars = [...base];
      const i = at % chars.length;
      if (how === "prefix") return odd + base;
      if (how === "suffix") return base + odd;
      chars.splice(i, how === "replace" ? 1 : 0, odd);
      return chars.join("");
    });

const oneImage = (overrides: DocumentData): DocumentData[] => [
  { path: "products/p1/original/a.jpg", width: 1, height: 1, urls: {}, alt: "", ...overrides },
];

/** A valid product with one text tweaked: valid or not, only the rules and zod can tell. */
export const tweakedProduct: fc.Arbitrary<DocumentData> = fc
  .tuple(
    validProduct,
    fc.oneof(
      tweaked("Blue mug").map((name) => ({ name })),
      tweaked("blue-mug").map((slug) => ({ slug })),
      tweaked("EUR").map((currency) => ({ currency })),
      tweaked("kitchen").map((categoryId) => ({ categoryId })),
      tweaked("mug").map((tag) => ({ tags: ["blue", tag] })),
      tweaked("mug").map((token) => ({ searchTokens: ["blue", token] })),
      tweaked("products/p1/original/a.jpg").map((path) => ({ images: oneImage({ path }) })),
      tweaked("A blue mug").map((alt) => ({ images: oneImage({ alt }) })),
      tweaked("data:image/webp;base64,AAAA").map((placeholder) => ({ images: oneImage({ placeholder }) })),
      fc
        .constantFrom(...URLS, "http://localhost:80/p?q=1", "https://a-b.example.co/x")
        .chain(tweaked)
        .map((thumb) => ({ images: oneImage({ urls: { thumb } }) })),
    ),
  )
  .map(([product, change]) => ({ ...product, ...change }));
