"use client";

import type { CategoryForm as CategoryValues } from "@hearth/domain";
import { useState } from "react";
import { useLive } from "@/lib/admin/use-live";
import type { AdminCategory } from "@/lib/admin/products/admin-products";
import { CategoryForm } from "./category-form";
import styles from "./categories.module.css";

const categoriesModule = () => import("@/lib/admin/categories");

/** Runs a change and turns its failure into a sentence for the page. */
async function attempt(work: () => Promise<void>, what: string): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    const { CategoryError } = await categoriesModule();
    if (error instanceof CategoryError) return error.message;
    console.error(`Could not ${what}`, error);
    return `The category could not be ${what === "create" ? "created" : "saved"}. Try again.`;
  }
}

/** /admin/categories: add, rename, reorder and delete (only when empty), all live. */
export function CategoryManager() {
  const live = useLive<AdminCategory[]>("categories", async (onValue, onError) =>
    (await import("@/lib/admin/products/admin-products")).watchAdminCategories(onValue, onError),
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState("");

  if (live.status === "loading") return <p role="status">Loading categories…</p>;
  if (live.status === "error") {
    return (
      <p role="alert" className="alert">
        The categories could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  const categories = live.value;

  async function act(work: () => Promise<void>, what: string) {
    setMessage((await attempt(work, what)) ?? "");
  }

  return (
    <>
      <section className={styles.card} aria-labelledby="new-category">
        <h2 id="new-category">New category</h2>
        <CategoryForm
          idPrefix="new-category"
          initial={{ name: "", slug: "" }}
          submitLabel="Add category"
          onSubmit={(values: CategoryValues) =>
            attempt(async () => (await categoriesModule()).createCategory(values, categories), "create")
          }
        />
      </section>
      {message ? (
        <p role="alert" className="alert">
          {message}
        </p>
      ) : null}
      {categories.length === 0 ? <p className={styles.muted}>No categories yet.</p> : null}
      <ol className={styles.list} aria-label="Categories in display order">
        {categories.map((category, index) => (
          <li key={category.id} className={styles.item} data-testid="admin-category">
            {editing === category.id ? (
              <CategoryForm
                idPrefix={`category-${category.id}`}
                initial={{ name: category.name, slug: category.slug }}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSubmit={async (values) => {
                  const problem = await attempt(
                    async () => (await categoriesModule()).renameCategory(category, values, categories),
                    "save",
                  );
                  if (!problem) setEditing(null);
                  return problem;
                }}
              />
            ) : (
              <>
                <span>
                  <strong>{category.name}</strong>{" "}
                  <span className={styles.muted}>/categories/{category.slug}</span>
                </span>
                <span className={styles.itemActions}>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={index === 0}
                    aria-label={`Move ${category.name} up`}
                    onClick={() =>
                      void act(
                        async () => (await categoriesModule()).moveCategory(categories, index, -1),
                        "move",
                      )
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={index === categories.length - 1}
                    aria-label={`Move ${category.name} down`}
                    onClick={() =>
                      void act(
                        async () => (await categoriesModule()).moveCategory(categories, index, 1),
                        "move",
                      )
                    }
                  >
                    ↓
                  </button>
                  <button type="button" className="button-secondary" onClick={() => setEditing(category.id)}>
                    Edit<span className="visually-hidden"> {category.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() =>
                      void act(async () => (await categoriesModule()).deleteCategory(category), "delete")
                    }
                  >
                    Delete<span className="visually-hidden"> {category.name}</span>
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
