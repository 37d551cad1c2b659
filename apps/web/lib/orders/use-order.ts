"use client";

import { useEffect, useState } from "react";
import type { OrderSnapshot, TimelineEntry } from "./order-firestore";

export type OrderState = { status: "loading" } | { status: "error" } | OrderSnapshot;

interface Loaded {
  /** Whose read this is: another account's (or order's) result is never shown. */
  key: string;
  order: OrderState;
  events: TimelineEntry[];
}

/** orders/{id} and its timeline, live, for a signed-in shopper (uid null: nothing is read). */
export function useOrder(
  orderId: string,
  uid: string | null,
): { order: OrderState; events: TimelineEntry[] } {
  const key = `${uid ?? ""}/${orderId}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!uid) return;
    let cancelled = false;
    const unsubscribers: (() => void)[] = [];
    const update = (change: Partial<Omit<Loaded, "key">>) => {
      if (cancelled) return;
      setLoaded((current) => ({
        key,
        order: { status: "loading" },
        events: [],
        ...(current?.key === key ? current : {}),
        ...change,
      }));
    };
    const fail = (error: unknown) => {
      console.error(`Could not read order ${orderId}`, error);
      update({ order: { status: "error" } });
    };
    void import("./order-firestore").then(({ watchOrder, watchOrderEvents }) => {
      if (cancelled) return;
      unsubscribers.push(
        watchOrder(orderId, (order) => update({ order }), fail),
        watchOrderEvents(
          orderId,
          (events) => update({ events }),
          (error) => console.error("Could not read the order's timeline", error),
        ),
      );
    }, fail);
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [key, orderId, uid]);

  if (!uid || loaded?.key !== key) return { order: { status: "loading" }, events: [] };
  return { order: loaded.order, events: loaded.events };
}
