import type { Metadata } from "next";
import Link from "next/link";
import { ProductEditor } from "@/components/admin/products/product-editor";
import styles from "@/components/admin/admin.module.css";
import type { SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Edit product" };

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { productId } = await params;
  const { created } = await searchParams;
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Edit product</h1>
        <Link href="/admin/products">All products</Link>
      </div>
      {created ? (
        <p role="status" className="notice">
          Product created. Add its images below.
        </p>
      ) : null}
      <ProductEditor productId={productId} />
    </>
  );
}
