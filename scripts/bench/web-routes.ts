import { slugify } from "@hearth/domain";
import { categories } from "../seed/catalog";
import { products } from "../seed/products";

export interface BenchRoute {
  name: string;
  path: string;
  /** The empty page: what every page of this build costs before its own content. */
  floor: boolean;
}

/**
 * An unknown path: app/not-found.tsx inside the root layout (header, cart sync, account and
 * notification islands), with no data and no client code of its own. It is the emptiest page the
 * build has, so it serves as the floor without adding a route that only a benchmark would use.
 */
export const FLOOR_PATH = "/__hearth-bench/empty";

function seededRoutes(): BenchRoute[] {
  const category = [...categories].sort((a, b) => a.position - b.position)[0];
  const product = products.find(
    (seed) => seed.categoryId === category?.id && (seed.status ?? "active") === "active",
  );
  if (!category || !product) throw new Error("The demo seed has no category with an active product");
  return [
    { name: "empty page (floor)", path: FLOOR_PATH, floor: true },
    { name: "home", path: "/", floor: false },
    { name: "category", path: `/categories/${category.slug}`, floor: false },
    { name: "product", path: `/products/${slugify(product.name)}`, floor: false },
    { name: "all products", path: "/products", floor: false },
  ];
}

export const ROUTES: readonly BenchRoute[] = seededRoutes();
