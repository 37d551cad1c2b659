// Hostile inputs for the admin, report, image and product callables.
import { MAX_CHARGE_CENTS } from "@hearth/domain";
import fc from "fast-check";
import { anyValue, blankText, intOutside, textLongerThan } from "../../support/hostile/values";
import {
  badId,
  extraKey,
  int64,
  invalid,
  notAnObject,
  refused,
  unknownId,
  wellFormedBadId,
  withExtra,
  wrong,
  type CallCase,
} from "./hostile-callable-inputs";
import { ADMIN_UID, IMAGE_PATH, SHOPPER_EMAIL } from "./hostile-world";

const badEmail = fc.oneof(
  fc.constantFrom("", "plain", "a@", "@b.co", "a b@c.co", "a@b@c.co", "ñ@example.com", "a@-b.co", "<a@b.co>"),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes("@")),
  textLongerThan(254).map((s) => `${s}@example.com`),
  wrong("string"),
);
export const setAdminCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  fc.tuple(badEmail, fc.boolean()).map(([email, admin]) => invalid({ email, admin })),
  fc
    .oneof(fc.constantFrom("true", "yes", 1, 0), wrong("boolean"))
    .map((admin) => invalid({ email: SHOPPER_EMAIL, admin })),
  withExtra({ email: SHOPPER_EMAIL, admin: true }),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.boolean())
    .map(([name, admin]) => refused(["NOT_FOUND"])({ email: `nobody-${name}@example.test`, admin })),
  // The caller is the only admin: revoking their own access would leave the shop without one.
  fc.constant(refused(["FAILED_PRECONDITION"])({ email: `${ADMIN_UID}@example.test`, admin: false })),
);

/** Inputs for the callables that take none (null or {}). */
export const noInputCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  extraKey.map(([key, value]) => invalid({ [key]: value })),
);

const badDate = fc.oneof(
  fc.constantFrom("2025-02-30", "2025-13-01", "2025-1-1", "25-01-01", "2025/01/01", "2025-01-01T00:00:00Z"),
  fc.constantFrom("0000-01-01", "0001-01-01", "1969-12-31", "+2025-01-01", "yesterday", ""),
  fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}-\d\d-\d\d$/.test(text.trim())),
  wrong("string"),
);
const futureDate = fc
  .date({
    min: new Date(Date.now() + 3 * 86_400_000),
    max: new Date("9999-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
export const runReportCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  badDate.map((date) => invalid({ date })),
  withExtra({}),
  fc.constantFrom("9999-12-31", "9999-12-30").map((date) => refused(["FAILED_PRECONDITION"])({ date })),
  futureDate.map((date) => refused(["FAILED_PRECONDITION"])({ date })),
);
export const downloadCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  fc.constant(invalid({})),
  badDate.map((date) => invalid({ date })),
  withExtra({ date: "2025-01-31" }),
  fc
    .date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("9999-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => refused(["NOT_FOUND"])({ date: date.toISOString().slice(0, 10) })),
);

export const deleteImageCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  // idSchema does not trim: a blank productId is an id, of no product.
  badId
    .filter((id) => typeof id !== "string" || id === "" || id.trim() !== "")
    .map((productId) => invalid({ productId, path: IMAGE_PATH })),
  fc
    .oneof(fc.constant(""), textLongerThan(1000), wrong("string"))
    .map((path) => invalid({ productId: "mug", path })),
  withExtra({ productId: "mug", path: IMAGE_PATH }),
  fc
    .oneof(
      fc.constantFrom("../../reports/2025-01-01.csv", "products/tea/original/a.jpg", `${IMAGE_PATH} `, "*"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
    )
    .filter((path) => path !== IMAGE_PATH)
    .map((path) => refused(["NOT_FOUND"])({ productId: "mug", path })),
  unknownId.map((productId) => refused(["NOT_FOUND"])({ productId, path: IMAGE_PATH })),
);

const product = {
  name: "Mug",
  slug: "mug",
  description: "",
  priceCents: 1_250,
  categoryId: "kitchen",
  tags: [],
  status: "active",
  stock: 5,
};
const badProductField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constant("name"), fc.oneof(fc.constant(""), blankText, textLongerThan(120), wrong("string"))),
  fc.tuple(fc.constant("slug"), fc.oneof(fc.constantFrom("", "Mug", "a--b", "-a", "x y"), wrong("string"))),
  fc.tuple(fc.constant("description"), fc.oneof(textLongerThan(5000), wrong("string"))),
  fc.tuple(fc.constant("priceCents"), fc.oneof(intOutside(1, MAX_CHARGE_CENTS), wrong("number"), int64)),
  fc.tuple(fc.constant("categoryId"), wellFormedBadId),
  fc.tuple(
    fc.constant("tags"),
    fc.oneof(
      anyValue.filter((value) => !Array.isArray(value)),
      fc.constant(Array.from({ length: 21 }, (_, i) => `t${i}`)),
      fc.oneof(fc.constant(""), blankText, textLongerThan(40), wrong("string")).map((tag) => ["ok", tag]),
    ),
  ),
  fc.tuple(fc.constant("status"), fc.oneof(fc.constantFrom("deleted", "Active", ""), wrong("string"))),
  fc.tuple(fc.constant("stock"), fc.oneof(intOutside(0, 1_000_000), wrong("number"), int64)),
  fc.tuple(fc.constantFrom("currency", "images", "searchTokens", "createdAt", "featured"), anyValue),
);
/** Ids the save refuses as input (ids only Firestore refuses are in UNUSABLE_ID_SAVES). */
const badProductId = fc.oneof(
  fc.constant(""),
  blankText,
  fc.constantFrom("a/b", "/", "mug/"),
  fc.string({ unit: "grapheme-ascii", minLength: 129, maxLength: 140 }),
  wrong("string"),
);
export const saveProductCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  fc.constant(invalid({})),
  wrong("object").map((value) => invalid({ product: value })),
  badProductField.map(([key, value]) => invalid({ product: { ...product, [key]: value } })),
  fc
    .constantFrom(...Object.keys(product))
    .map((key) => invalid({ product: { ...product, [key]: undefined } })),
  badProductId.map((productId) => invalid({ productId, product })),
  extraKey.map(([key, value]) => invalid({ product, [key]: value })),
  unknownId.map((categoryId) => invalid({ productId: "mug", product: { ...product, categoryId } })),
  unknownId.map((productId) => refused(["NOT_FOUND"])({ productId, product })),
  fc
    .constantFrom({}, { productId: "mug" })
    .map((target) => refused(["ALREADY_EXISTS"])({ ...target, product: { ...product, slug: "tea" } })),
);

/**
 * Ids only Firestore's own rules refuse (".", "__x__", a lone surrogate): once answered `internal`
 * from deep in the save; now refused up front.
 */
export const UNUSABLE_ID_SAVES = [
  ...[".", "..", "__x__", "\ud800"].map((productId) => ({ productId, product })),
  { product: { ...product, categoryId: "\ud800" } },
];
