export * from "./envelope";
export type { OrderPaymentFacts } from "./order-facts";
export * from "./checkout-session";
export * from "./payment-intent";
export * from "./charge";
export * from "./signature";
