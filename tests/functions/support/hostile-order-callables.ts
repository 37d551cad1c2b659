// Hostile inputs for the order callables: cancel, refund, ship or deliver, and the expiry job.
import { MAX_CHARGE_CENTS } from "@hearth/domain";
import fc from "fast-check";
import { blankText, intOutside, textLongerThan } from "../../support/hostile/values";
import {
  badId,
  int64,
  invalid,
  notAnObject,
  refused,
  unknownId,
  withExtra,
  wrong,
  type CallCase,
} from "./hostile-callable-inputs";
import { ORDERS, TOTAL_CENTS } from "./hostile-world";

const badReason = fc.oneof(textLongerThan(500), wrong("string"));

const orderId = (id: unknown) => ({ orderId: id });
const SETTLED = [ORDERS.shipped, ORDERS.delivered, ORDERS.refunded, ORDERS.cancelled];

export const cancelCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  badId.map((id) => invalid(orderId(id))),
  badReason.map((reason) => invalid({ orderId: ORDERS.awaiting, reason })),
  withExtra({ orderId: ORDERS.awaiting }),
  unknownId.map((id) => refused(["NOT_FOUND"])(orderId(id))),
  fc.constantFrom(...SETTLED).map((id) => refused(["FAILED_PRECONDITION"])(orderId(id))),
);

export const refundCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  badId.map((id) => invalid({ orderId: id, amountCents: 100 })),
  fc
    .oneof(
      intOutside(1, MAX_CHARGE_CENTS),
      wrong("number").filter((v) => v !== null),
      int64,
    )
    .map((amountCents) => invalid({ orderId: ORDERS.paid, amountCents })),
  badReason.map((reason) => invalid({ orderId: ORDERS.paid, reason })),
  withExtra({ orderId: ORDERS.paid, amountCents: 100 }),
  // More than is left to refund: refused, never cut down.
  fc
    .integer({ min: TOTAL_CENTS + 1, max: MAX_CHARGE_CENTS })
    .map((amountCents) => invalid({ orderId: ORDERS.paid, amountCents })),
  unknownId.map((id) => refused(["NOT_FOUND"])(orderId(id))),
  fc
    .constantFrom(ORDERS.awaiting, ORDERS.refunded, ORDERS.cancelled, ORDERS.delivered)
    .map((id) => refused(["FAILED_PRECONDITION"])(orderId(id))),
);

const carrierText = fc.oneof(
  fc.constant(""),
  blankText,
  textLongerThan(64),
  fc.constantFrom("DHL\nExpress", "UPS\u0000", "\u0007bell"),
  wrong("string"),
);
const shipment = { carrier: "UPS", trackingNumber: "1Z999" };
export const statusCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  badId.map((id) => invalid({ orderId: id, event: "delivered" })),
  fc
    .oneof(fc.constantFrom("paid", "cancelled", "refunded", "Shipped", ""), wrong("string"))
    .map((event) => invalid({ orderId: ORDERS.paid, event, ...shipment })),
  fc
    .tuple(fc.constantFrom("carrier", "trackingNumber"), carrierText)
    .map(([key, value]) => invalid({ orderId: ORDERS.paid, event: "shipped", ...shipment, [key]: value })),
  fc
    .constantFrom("carrier", "trackingNumber")
    .map((key) => invalid({ orderId: ORDERS.paid, event: "shipped", ...shipment, [key]: undefined })),
  fc
    .constantFrom({ carrier: "UPS" }, { trackingNumber: "1Z" }, shipment)
    .map((extra) => invalid({ orderId: ORDERS.shipped, event: "delivered", ...extra })),
  withExtra({ orderId: ORDERS.shipped, event: "delivered" }),
  unknownId.map((id) => refused(["NOT_FOUND"])({ orderId: id, event: "delivered" })),
  fc
    .constantFrom(ORDERS.awaiting, ORDERS.shipped, ORDERS.cancelled, ORDERS.refunded)
    .map((id) => refused(["FAILED_PRECONDITION"])({ orderId: id, event: "shipped", ...shipment })),
  fc
    .constantFrom(ORDERS.awaiting, ORDERS.paid, ORDERS.delivered, ORDERS.cancelled)
    .map((id) => refused(["FAILED_PRECONDITION"])({ orderId: id, event: "delivered" })),
);

export const jobCases: fc.Arbitrary<CallCase> = fc.oneof(
  notAnObject.map(invalid),
  fc.constant(invalid(null)),
  fc.constant(invalid({})),
  fc
    .oneof(fc.constantFrom("dropTables", "expireunpaidorders", "expireUnpaidOrders "), wrong("string"))
    .map((job) => invalid({ job })),
  withExtra({ job: "expireUnpaidOrders" }),
);
