import { formatMoney } from "@hearth/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { Breadcrumbs, type Crumb } from "@/components/catalog/breadcrumbs";
import { categoryPath } from "@/components/catalog/category-nav";
import { ProductGrid } from "@/components/catalog/product-grid";
import { ProductGallery } from "@/components/catalog/product-gallery";
import { getCategory } from "@/lib/catalog/categories";
import { getProductBySlug, listRelatedProducts } from "@/lib/catalog/product-detail";
import { productPath } from "@/lib/catalog/products";
import { stockLabel, stockState } from "@/lib/catalog/stock";
import { requestOrigin } from "@/lib/store/site-origin";
import { getStorefront } from "@/lib/store/storefront";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }> };

const DESCRIPTION_LENGTH = 160;

function summary(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…`;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const product = await getProductBySlug(slug);
  if (!product) return { title: "Product not found" };
  const url = `${await requestOrigin()}${productPath(product.slug)}`;
  const description = summary(product.description) || product.name;
  const images = product.shareImage ? [product.shareImage] : [];
  return {
    title: product.name,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: product.name, description, images },
  };
}

export default async function ProductPage({ params }: PageProps) {
  const { slug } = await params;
  const product = await getProductBySlug(slug);
  if (!product) notFound();
  const [storefront, category, related] = await Promise.all([
    getStorefront(),
    getCategory(product.categoryId),
    listRelatedProducts(product),
  ]);
  const stock = stockState(product.stock, storefront.lowStockThreshold);
  const trail: Crumb[] = [{ label: "Home", href: "/" }];
  if (category) trail.push({ label: category.name, href: categoryPath(category.slug) });
  const paragraphs = product.description.split(/\n\s*\n/).filter((part) => part.trim() !== "");

  return (
    <>
      <Breadcrumbs trail={trail} current={product.name} />
      <article className={styles.product} aria-labelledby="product-title">
        <ProductGallery name={product.name} images={product.images} />
        <div className={styles.info}>
          <h1 id="product-title" className={styles.title}>
            {product.name}
          </h1>
          <p className={styles.price} data-testid="product-price">
            {formatMoney(product.priceCents, product.currency)}
          </p>
          <p className={`${styles.stock} ${styles[stock.kind]}`} data-testid="stock-status">
            {stockLabel(stock)}
          </p>
          <AddToCartButton
            productId={product.id}
            productName={product.name}
            stock={product.stock}
            maxUnitsPerProduct={storefront.maxUnitsPerProduct}
          />
          {paragraphs.length > 0 ? (
            <div className={styles.description}>
              <h2 className="visually-hidden">Description</h2>
              {paragraphs.map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          ) : null}
          {product.tags.length > 0 ? (
            <div>
              <h2 className={styles.subheading}>Tags</h2>
              <ul className={styles.tags}>
                {product.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={`/products?${new URLSearchParams({ tag }).toString()}`}
                      className={styles.tag}
                    >
                      {tag}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </article>
      {related.length > 0 ? (
        <section className={styles.related} aria-labelledby="related-title">
          <h2 id="related-title" className={styles.relatedTitle}>
            {category ? `More from ${category.name}` : "You may also like"}
          </h2>
          <ProductGrid products={related} lowStockThreshold={storefront.lowStockThreshold} />
        </section>
      ) : null}
    </>
  );
}
