"use client";

import { productFormValues, stockShardsFieldValue, type ProductInput } from "@hearth/domain";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { useLive } from "@/lib/admin/use-live";
import { useStoreConfig } from "@/lib/admin/use-store-config";
import type { AdminCategory, ProductDocState } from "@/lib/admin/products/admin-products";
import { ProductForm, type StockSharding } from "./product-form";
import { ProductImages } from "./product-images";

const products = () => import("@/lib/admin/products/admin-products");

async function save(
  productId: string | null,
  product: ProductInput,
  sharding: StockSharding,
): Promise<{ productId: string } | string> {
  const { callAdmin, describeCallableError } = await import("@/lib/admin/call-admin");
  try {
    return await callAdmin<{ productId: string }>(
      "adminSaveProduct",
      productId ? { productId, product, ...sharding } : { product, ...sharding },
    );
  } catch (error) {
    // Shown to the admin in words; a refusal (a taken slug) is no error of the page's.
    return describeCallableError(error);
  }
}

/** /admin/products/new and /admin/products/[id]: the details form, with the images once it exists. */
export function ProductEditor({ productId }: { productId: string | null }) {
  const router = useRouter();
  const store = useStoreConfig();
  const categories = useLive<AdminCategory[]>("categories", async (onValue, onError) =>
    (await products()).watchAdminCategories(onValue, onError),
  );
  const product = useLive<ProductDocState>(`product/${productId ?? ""}`, async (onValue, onError) => {
    if (!productId) {
      onValue({ status: "missing" });
      return () => undefined;
    }
    return (await products()).watchProduct(productId, onValue, onError);
  });

  if (store.status === "error" || categories.status === "error" || product.status === "error") {
    return (
      <p role="alert" className="alert">
        The product could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  if (store.status === "loading" || categories.status === "loading" || product.status === "loading") {
    return <p role="status">Loading…</p>;
  }
  if (!store.config) {
    return (
      <EmptyState title="Set up the store first">
        <p>Products take their currency from the store settings.</p>
        <p>
          <Link href="/admin/settings" className="button">
            Store settings
          </Link>
        </p>
      </EmptyState>
    );
  }
  const found = product.value.status === "found" ? product.value.product : null;
  if (productId && !found) {
    return (
      <EmptyState title="Product not found">
        <p>
          <Link href="/admin/products">All products</Link>
        </p>
      </EmptyState>
    );
  }
  const currency = found?.currency ?? store.config.currency;

  return (
    <>
      <ProductForm
        // The form starts from the stored product once; live changes elsewhere do not overwrite typing.
        key={productId ?? "new"}
        initial={{ ...productFormValues(found, currency), stockShards: stockShardsFieldValue(found) }}
        isNew={!productId}
        currency={currency}
        categories={categories.value}
        onSave={async (input, sharding) => {
          const result = await save(productId, input, sharding);
          if (typeof result === "string") return result;
          if (!productId) router.replace(`/admin/products/${encodeURIComponent(result.productId)}?created=1`);
          return null;
        }}
      />
      {productId && found ? <ProductImages productId={productId} images={found.images} /> : null}
    </>
  );
}
