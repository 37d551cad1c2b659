import type { Metadata } from "next";
import Link from "next/link";
import { ProductEditor } from "@/components/admin/products/product-editor";
import styles from "@/components/admin/admin.module.css";

export const metadata: Metadata = { title: "New product" };

export default function NewProductPage() {
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>New product</h1>
        <Link href="/admin/products">All products</Link>
      </div>
      <p>Save the details first; you can add images once the product exists.</p>
      <ProductEditor productId={null} />
    </>
  );
}
