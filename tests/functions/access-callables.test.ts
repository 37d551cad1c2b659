// Issue 9, "Access", through the functions: every callable that functions/src/index.ts exports is
// called over the real callable protocol by everyone who must be refused, and refuses them with
// nothing written; its input never carries who the caller is.
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction } from "./support/callables";
import { createAccount, refusedCallers, setOwnClaims, signIn, type Caller } from "./support/access-callers";
import {
  exportedFunctionNames,
  IMAGE_PATH,
  loadedTriggers,
  REPORT_TO_DOWNLOAD,
  REPORT_TO_RUN,
  seedAccessWorld,
  settled,
  snapshot,
  type AccessWorld,
} from "./support/access-world";
import { auth } from "./support/e2e-app";
import { functionUrl } from "./support/emulators";
import { bucket } from "./support/images-e2e-app";

/** Each callable with input an admin's call would act on, in the world seedAccessWorld makes. */
const ACCESS_CALLS: Record<string, (world: AccessWorld) => Record<string, unknown> | null> = {
  adminCancelOrder: (world) => ({ orderId: world.openOrder }),
  adminRefundOrder: (world) => ({ orderId: world.paidOrder, amountCents: 100 }),
  adminUpdateOrderStatus: (world) => ({
    orderId: world.paidOrder,
    event: "shipped",
    carrier: "UPS",
    trackingNumber: "1Z999",
  }),
  runScheduledJobNow: () => ({ job: "expireUnpaidOrders" }),
  adminSetAdmin: () => ({ email: "access-target@example.test", admin: true }),
  adminListAdmins: () => null,
  adminRunDailyReport: () => ({ date: REPORT_TO_RUN }),
  adminSalesToday: () => null,
  adminReportDownloadUrl: () => ({ date: REPORT_TO_DOWNLOAD }),
  adminSaveProduct: () => ({
    product: {
      name: "Access mug",
      slug: "access-mug",
      description: "",
      priceCents: 100,
      categoryId: "kitchen",
      tags: [],
      status: "draft",
      stock: 1,
    },
  }),
  adminDeleteProductImage: () => ({ productId: "mug", path: IMAGE_PATH }),
};
const CALLABLES = Object.keys(ACCESS_CALLS).sort();
const inputOf = (name: string, world: AccessWorld) => {
  const input = ACCESS_CALLS[name];
  if (!input) throw new Error(`No input for ${name}`);
  return input(world);
};

describe("the list of callables", () => {
  it("is every callable functions/src/index.ts exports, as the emulator loaded them", async () => {
    const exported = exportedFunctionNames();
    const loaded = await loadedTriggers();
    expect([...loaded.keys()].sort()).toEqual(exported);
    expect(exported.filter((name) => loaded.get(name) === "callable")).toEqual(CALLABLES);
    expect(exported.filter((name) => loaded.get(name) === "https")).toEqual(["paymentWebhook"]);
  });
});

describe("refused callers", () => {
  let world: AccessWorld;
  let callers: Caller[] = [];
  let admin = "";
  /** What the world holds while every call is refused. */
  let baseline: Record<string, string> = {};

  beforeAll(async () => {
    world = await seedAccessWorld(bucket);
    callers = await refusedCallers(auth);
    admin = (await createAccount(auth, "access-admin", { admin: true })).idToken;
    baseline = await settled(bucket);
  }, 120_000);

  // it.each over callers made in beforeAll: the cases are named here, looked up when they run.
  const CALLER_NAMES = [
    "a signed-out caller",
    "a bearer that is not a token",
    "a shopper",
    'a shopper whose claim is admin: "true"',
    "a shopper whose claim is admin: false",
    "a revoked admin with a refreshed token",
    "a revoked admin whose old token still says admin",
    "a disabled admin whose old token still says admin",
  ];
  const cases = CALLER_NAMES.flatMap((caller) => CALLABLES.map((name) => ({ caller, name })));

  it("covers every refused caller", () => {
    expect(callers.map((caller) => caller.name)).toEqual(CALLER_NAMES);
  });

  /** What changed since the baseline; after a write, the next case waits for its triggers to end. */
  async function written(): Promise<string[]> {
    const now = await snapshot(bucket);
    const keys = new Set([...Object.keys(now), ...Object.keys(baseline)]);
    const changed = [...keys].filter((key) => now[key] !== baseline[key]);
    if (changed.length > 0) baseline = await settled(bucket);
    return changed;
  }

  it.each(cases)("$name refuses $caller and writes nothing", async ({ caller, name }) => {
    const { token, refusedWith } = callers.find((candidate) => candidate.name === caller) ?? {};

    const answer = await callFunction(name, inputOf(name, world), token);

    const changed = await written();
    expect(answer.result).toBeUndefined();
    expect(refusedWith).toContain(answer.error?.status);
    expect(changed).toEqual([]);
  });

  // Who the caller is comes from the verified token alone: input naming a uid or a role is refused
  // whole (strict schemas), even from an admin, rather than read or silently dropped.
  it.each(CALLABLES)("%s refuses input that names a uid or a role, and writes nothing", async (name) => {
    const claims = { uid: "access-target", admin: true, role: "admin" };

    const answer = await callFunction(name, { ...inputOf(name, world), ...claims }, admin);

    const changed = await written();
    expect(answer.error?.status).toBe("INVALID_ARGUMENT");
    expect(changed).toEqual([]);
  });

  it("does not let a shopper set their own admin claim through the Auth REST API", async () => {
    const shopper = await signIn("access-shopper");

    const answer = await setOwnClaims(shopper, { admin: true });

    expect(answer).toMatchObject({ httpStatus: 400, error: { message: "INSUFFICIENT_PERMISSION" } });
    expect((await auth.getUser(shopper.uid)).customClaims ?? {}).toEqual({});
    const fresh = await signIn("access-shopper");
    expect((await callFunction("adminListAdmins", null, fresh.idToken)).error?.status).toBe(
      "PERMISSION_DENIED",
    );
  });

  it("answers 400 to a webhook call without a Stripe signature, an admin's token included", async () => {
    const attempts = [undefined, `Bearer ${admin}`].map(async (authorization) =>
      fetch(await functionUrl("paymentWebhook"), {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ data: { type: "checkout.session.completed", orderId: world.openOrder } }),
      }),
    );

    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    expect(statuses).toEqual([400, 400]);
    expect(await written()).toEqual([]);
  });
});

// The control: the same calls from an admin do write (all but adminSalesToday, which only reads),
// so "writes nothing" above is a finding, not the snapshot missing the writes.
describe("the same calls from an admin", () => {
  let world: AccessWorld;
  let admin = "";

  beforeAll(async () => {
    world = await seedAccessWorld(bucket);
    admin = (await createAccount(auth, "access-admin", { admin: true })).idToken;
    await settled(bucket);
  }, 120_000);

  it.each(CALLABLES)("%s acts, and writes unless it only reads", async (name) => {
    const before = await settled(bucket);

    const answer = await callFunction(name, inputOf(name, world), admin);

    expect(answer.error).toBeUndefined();
    expect(answer.result).toBeDefined();
    if (name === "adminSalesToday") expect(await snapshot(bucket)).toEqual(before);
    else expect(await snapshot(bucket)).not.toEqual(before);
  });
});
