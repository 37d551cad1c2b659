import { describe, expect, it } from "vitest";
import {
  isEventTooOld,
  ORDER_CREATED_MAX_EVENT_AGE_MS,
  ORDER_UPDATED_MAX_EVENT_AGE_MS,
} from "../../src/orders/event-age";

describe("isEventTooOld", () => {
  const time = "2026-01-01T12:00:00.000Z";
  const at = (ms: number) => new Date(Date.parse(time) + ms);

  it("compares the event's time with now against the bound", () => {
    expect(isEventTooOld(time, at(ORDER_CREATED_MAX_EVENT_AGE_MS), ORDER_CREATED_MAX_EVENT_AGE_MS)).toBe(
      false,
    );
    expect(isEventTooOld(time, at(ORDER_CREATED_MAX_EVENT_AGE_MS + 1), ORDER_CREATED_MAX_EVENT_AGE_MS)).toBe(
      true,
    );
    expect(isEventTooOld(time, at(ORDER_CREATED_MAX_EVENT_AGE_MS + 1), ORDER_UPDATED_MAX_EVENT_AGE_MS)).toBe(
      false,
    );
  });

  it("counts an unreadable time as fresh", () => {
    expect(isEventTooOld("not a time", new Date(), 1)).toBe(false);
  });
});
