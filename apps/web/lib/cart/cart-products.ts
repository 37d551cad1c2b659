import { productSchema } from "@hearth/domain";
import { doc, getDoc, type Firestore } from "firebase/firestore";
import { toResponsiveImage, type ResponsiveImage } from "@/lib/catalog/product-image";
import { getStoreConfig } from "@/lib/store/store-config";
import { DEFAULT_UNITS_PER_PRODUCT } from "./cart-line";

/** What the cart shows of a product, read now: its current price and stock. */
export interface CartProduct {
  id: string;
  name: string;
  slug: string;
  priceCents: number;
  currency: string;
  stock: number;
  image: ResponsiveImage | null;
}

export interface CartCatalog {
  /** null: the product is gone or no longer for sale (the rules refuse to read it). */
  products: ReadonlyMap<string, CartProduct | null>;
  currency: string;
  maxUnitsPerProduct: number;
  shipping: { flatCents: number; freeOverCents: number | null };
}

async function readCartProduct(db: Firestore, id: string): Promise<CartProduct | null> {
  try {
    const snapshot = await getDoc(doc(db, "products", id));
    const parsed = productSchema.safeParse(snapshot.data());
    if (!parsed.success || parsed.data.status !== "active") return null;
    const { name, slug, priceCents, currency, stock, images } = parsed.data;
    const first = images[0];
    return { id, name, slug, priceCents, currency, stock, image: first ? toResponsiveImage(first) : null };
  } catch (error) {
    // Visitors may read active products only: a draft or deleted one is refused, i.e. unavailable.
    if (error instanceof Error && "code" in error && error.code === "permission-denied") return null;
    throw error;
  }
}

/** One read per product in the cart, plus the store settings. */
export async function readCartCatalog(db: Firestore, productIds: readonly string[]): Promise<CartCatalog> {
  const [config, ...products] = await Promise.all([
    getStoreConfig(db),
    ...productIds.map((id) => readCartProduct(db, id)),
  ]);
  return {
    products: new Map(productIds.map((id, index) => [id, products[index] ?? null])),
    currency: config?.currency ?? "USD",
    maxUnitsPerProduct: config?.maxUnitsPerProduct ?? DEFAULT_UNITS_PER_PRODUCT,
    shipping: config?.shipping ?? { flatCents: 0, freeOverCents: null },
  };
}
