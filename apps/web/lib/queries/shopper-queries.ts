import type { QueryDescriptor } from "./descriptor";

/**
 * The signed-in shopper's own queries, run in the browser with the client SDK (the rules only let
 * an owner read these). The code that runs each is named in its purpose.
 */
export const ORDER_HISTORY: QueryDescriptor = {
  id: "orders/mine/newest",
  collection: "orders",
  where: [{ field: "uid", op: "==" }],
  orderBy: [{ field: "createdAt", direction: "desc" }],
  purpose: "/orders, newest first (lib/orders/order-firestore.ts listMyOrders)",
};

export const ORDER_TIMELINE: QueryDescriptor = {
  id: "orders/{id}/events/by-time",
  collection: "events",
  where: [],
  orderBy: [{ field: "at", direction: "asc" }],
  purpose: "The order page's timeline (lib/orders/order-firestore.ts)",
};

export const UNREAD_NOTIFICATIONS: QueryDescriptor = {
  id: "users/{uid}/notifications/unread",
  collection: "notifications",
  where: [{ field: "read", op: "==" }],
  orderBy: [],
  purpose: "The header bell's live count (lib/notifications/notifications.ts watchUnreadCount)",
};

export const RECENT_NOTIFICATIONS: QueryDescriptor = {
  id: "users/{uid}/notifications/newest",
  collection: "notifications",
  where: [],
  orderBy: [{ field: "createdAt", direction: "desc" }],
  purpose: "/notifications (lib/notifications/notifications.ts watchNotifications)",
};

export const CART_LINES: QueryDescriptor = {
  id: "users/{uid}/cart/all",
  collection: "cart",
  where: [],
  orderBy: [],
  purpose: "The account's cart, live (lib/cart/account-cart.ts)",
};

export const SHOPPER_QUERIES: readonly QueryDescriptor[] = [
  ORDER_HISTORY,
  ORDER_TIMELINE,
  UNREAD_NOTIFICATIONS,
  RECENT_NOTIFICATIONS,
  CART_LINES,
];
