import type { CategoryForm } from "@hearth/domain";
import { deleteDoc, doc, getDocs, runTransaction, updateDoc, writeBatch } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { buildQuery } from "@/lib/queries/build-query";
import { registeredQuery } from "@/lib/queries/registry";
import { adminProductQueryId } from "./products/product-queries";
import type { AdminCategory } from "./products/admin-products";

export class CategoryError extends Error {}

/**
 * A new category, last in the order. Its document id is its slug, and the transaction refuses a
 * slug that is taken, by id or by another category's slug.
 */
export async function createCategory(form: CategoryForm, existing: readonly AdminCategory[]): Promise<void> {
  if (existing.some((category) => category.slug === form.slug)) {
    throw new CategoryError(`Another category already uses the slug "${form.slug}".`);
  }
  const db = getClientFirestore();
  const ref = doc(db, "categories", form.slug);
  const position = Math.max(-1, ...existing.map((category) => category.position)) + 1;
  await runTransaction(db, async (transaction) => {
    if ((await transaction.get(ref)).exists()) {
      throw new CategoryError(`Another category already uses the slug "${form.slug}".`);
    }
    transaction.set(ref, { ...form, position });
  });
}

export async function renameCategory(
  category: AdminCategory,
  form: CategoryForm,
  existing: readonly AdminCategory[],
): Promise<void> {
  if (existing.some((other) => other.id !== category.id && other.slug === form.slug)) {
    throw new CategoryError(`Another category already uses the slug "${form.slug}".`);
  }
  await updateDoc(doc(getClientFirestore(), "categories", category.id), { ...form });
}

/** Moves a category one place up or down, numbering them all 0..n-1 again in one batch. */
export async function moveCategory(
  categories: readonly AdminCategory[],
  index: number,
  offset: -1 | 1,
): Promise<void> {
  const order = [...categories];
  const [moved] = order.splice(index, 1);
  if (!moved) return;
  order.splice(Math.max(0, Math.min(order.length, index + offset)), 0, moved);
  const db = getClientFirestore();
  const batch = writeBatch(db);
  order.forEach((category, position) => {
    if (category.position !== position) batch.update(doc(db, "categories", category.id), { position });
  });
  await batch.commit();
}

/** Deletes an empty category; one that still holds products is refused, in words. */
export async function deleteCategory(category: AdminCategory): Promise<void> {
  const db = getClientFirestore();
  const descriptor = registeredQuery(adminProductQueryId({ status: false, category: true, search: false }));
  const products = await getDocs(buildQuery(db, descriptor, { values: [category.id], limit: 1 }));
  if (!products.empty) {
    throw new CategoryError(
      `${category.name} still holds products (archived ones too). Move them to another category first.`,
    );
  }
  await deleteDoc(doc(db, "categories", category.id));
}
