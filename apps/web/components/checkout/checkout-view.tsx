"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { EmptyState } from "@/components/empty-state";
import { useUser } from "@/lib/auth/use-user";
import { summarizeCart } from "@/lib/cart/cart-summary";
import { useCart } from "@/lib/cart/use-cart";
import { useCartCatalog } from "@/lib/cart/use-cart-catalog";
import {
  parseAddress,
  addressInput,
  type AddressErrors,
  type AddressField,
  type AddressInput,
} from "@/lib/address/address-form";
import { AddressFields } from "./address-fields";
import { CheckoutSummary } from "./checkout-summary";
import styles from "./checkout.module.css";

export const SIGN_IN_FOR_CHECKOUT = "/sign-in?next=/checkout";

function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div className={styles.skeleton} aria-hidden="true" />
    </div>
  );
}

export function CheckoutView() {
  const auth = useUser();
  const router = useRouter();
  const { state: cart } = useCart();
  const catalog = useCartCatalog(cart.status === "ready" ? cart.lines : null);
  const uid = auth.status === "signed-in" ? auth.user.uid : null;
  const [values, setValues] = useState<AddressInput | null>(null);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [failure, setFailure] = useState("");
  const [placing, setPlacing] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (auth.status === "signed-out") router.replace(SIGN_IN_FOR_CHECKOUT);
  }, [auth.status, router]);

  useEffect(() => {
    if (!uid) return;
    let cancelled = false;
    void import("@/lib/checkout/place-order")
      .then(({ readDefaultAddress }) => readDefaultAddress(uid))
      .catch((error: unknown) => {
        console.error("Could not read the default address", error);
        return null;
      })
      .then((address) => {
        if (!cancelled) setValues((current) => current ?? addressInput(address));
      });
    return () => {
      cancelled = true;
    };
  }, [uid]);

  if (auth.status === "signed-out") {
    return (
      <EmptyState title="Sign in to check out">
        <p>
          <Link href={SIGN_IN_FOR_CHECKOUT} className="button">
            Sign in
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (cart.status === "error" || catalog.status === "error") {
    return (
      <EmptyState title="Checkout could not be loaded">
        <p>Check your connection and reload the page.</p>
      </EmptyState>
    );
  }
  if (!uid || cart.status === "loading" || catalog.status === "loading" || values === null) {
    return <Loading label="Loading checkout…" />;
  }
  if (cart.lines.length === 0 && !placing) {
    return (
      <EmptyState title="Your cart is empty">
        <p>
          <Link href="/" className="button">
            Continue shopping
          </Link>
        </p>
      </EmptyState>
    );
  }

  const summary = summarizeCart(cart.lines, catalog.catalog);
  const placingUid = uid;
  const formValues = values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure("");
    const parsed = parseAddress(formValues);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      if (first) document.getElementById(`address-${first}`)?.focus();
      return;
    }
    setErrors({});
    setPlacing(true);
    try {
      const { placeOrder } = await import("@/lib/checkout/place-order");
      const items = summary.lines.map(({ line }) => ({ productId: line.productId, quantity: line.quantity }));
      const orderId = await placeOrder(placingUid, items, parsed.address);
      router.push(`/orders/${encodeURIComponent(orderId)}?checkout=placed`);
    } catch (error) {
      console.error("Could not place the order", error);
      setPlacing(false);
      setFailure("Your order could not be placed. Check your cart and try again.");
      alertRef.current?.focus();
    }
  }

  const change = (field: AddressField, value: string) =>
    setValues((current) => ({ ...(current ?? formValues), [field]: value }));

  return (
    <>
      <h1 className={styles.title}>Checkout</h1>
      <div className={styles.layout}>
        <form className={styles.form} onSubmit={submit} noValidate aria-busy={placing}>
          <AddressFields values={values} errors={errors} onChange={change} />
          <p ref={alertRef} tabIndex={-1} role="alert" className={failure ? styles.alert : undefined}>
            {failure}
          </p>
          {summary.orderable ? (
            <button type="submit" className={`button ${styles.submit}`} disabled={placing}>
              {placing ? "Placing your order…" : "Place order"}
            </button>
          ) : (
            <p className={styles.alert}>
              Some items in your cart cannot be ordered as they are.{" "}
              <Link href="/cart">Review your cart</Link>
            </p>
          )}
        </form>
        <CheckoutSummary summary={summary} />
      </div>
    </>
  );
}
