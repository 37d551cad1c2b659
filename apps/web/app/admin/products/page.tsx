import { productStatusSchema } from "@hearth/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { ProductList } from "@/components/admin/products/product-list";
import styles from "@/components/admin/admin.module.css";
import type { SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Products" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const status = productStatusSchema.safeParse(first(params.status));
  const category = first(params.category).trim();
  const filters = {
    status: status.success ? status.data : null,
    categoryId: category && !category.includes("/") ? category : null,
    search: first(params.q).slice(0, 100),
  };
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Products</h1>
        <Link href="/admin/products/new" className="button">
          New product
        </Link>
      </div>
      {/* A new key per filter set starts the list again at its first page. */}
      <ProductList key={JSON.stringify(filters)} filters={filters} />
    </>
  );
}
