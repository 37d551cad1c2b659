"use client";

import { formatMoney } from "@hearth/domain";
import Link from "next/link";
import { useId } from "react";
import { describeProblem, type SummaryLine } from "@/lib/cart/cart-summary";
import styles from "./cart-view.module.css";

export function CartLineItem({
  entry,
  currency,
  onQuantity,
  onRemove,
}: {
  entry: SummaryLine;
  currency: string;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { line, product, cap, lineTotalCents, problem } = entry;
  const selectId = useId();
  const name = product?.name ?? "Unavailable product";
  // Offer the current quantity too when it is above what is left, so the select shows the truth.
  const choices = Math.max(cap, line.quantity);

  return (
    <li className={styles.line} data-testid="cart-line" aria-label={name}>
      {product?.image ? (
        // The variants already exist in three widths (see product-card); next/image would refetch them.
        <picture>
          <source srcSet={product.image.srcSet} sizes="5rem" />
          <img
            className={styles.thumb}
            src={product.image.src}
            width={product.image.width}
            height={product.image.height}
            alt=""
          />
        </picture>
      ) : (
        <div className={styles.thumb} aria-hidden="true" />
      )}
      <div className={styles.details}>
        <h2 className={styles.name}>
          {product ? <Link href={`/products/${product.slug}`}>{product.name}</Link> : name}
        </h2>
        {product ? <p className={styles.muted}>{formatMoney(product.priceCents, currency)} each</p> : null}
        <div className={styles.controls}>
          {product && product.stock > 0 ? (
            <>
              <label htmlFor={selectId}>Quantity</label>
              <select
                id={selectId}
                className={styles.select}
                value={line.quantity}
                onChange={(event) => onQuantity(Number(event.target.value))}
              >
                {Array.from({ length: choices }, (_, index) => (
                  <option key={index + 1} value={index + 1}>
                    {index + 1}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <button type="button" className={styles.link} onClick={onRemove}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
          {lineTotalCents !== null ? (
            <p className={styles.lineTotal} data-testid="line-total">
              {formatMoney(lineTotalCents, currency)}
            </p>
          ) : null}
        </div>
        {problem ? (
          <p className={styles.warning} data-testid="line-warning">
            {describeProblem(problem)}
          </p>
        ) : null}
      </div>
    </li>
  );
}
