import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
  type TokenOptions,
} from "@firebase/rules-unit-testing";
import { Firestore, setLogLevel } from "firebase/firestore";
import { deleteObject, listAll, ref, type FirebaseStorage, type StorageReference } from "firebase/storage";
import { BUCKET, PROJECT_ID, emulatorHost, readRules } from "./emulators";

// Denied requests are the point of most tests; the SDK would log each one as a warning.
setLogLevel("error");

export const emailOf = (uid: string): string => `${uid}@example.com`;

/** The modular Firestore behind a test context (the context hands out the compat wrapper). */
export function db(context: RulesTestContext): Firestore {
  const compat: object = context.firestore();
  const modular = "_delegate" in compat ? compat._delegate : undefined;
  if (!(modular instanceof Firestore))
    throw new Error("The test context did not provide a Firestore instance");
  return modular;
}

export function bucket(context: RulesTestContext): FirebaseStorage {
  return context.storage(`gs://${BUCKET}`);
}

async function deleteAll(folder: StorageReference): Promise<void> {
  const { items, prefixes } = await listAll(folder);
  await Promise.all([...items.map((item) => deleteObject(item)), ...prefixes.map(deleteAll)]);
}

export interface RulesHarness {
  signedOut(): RulesTestContext;
  /** A signed-in shopper whose token carries the email `${uid}@example.com` unless overridden. */
  shopper(uid?: string, token?: TokenOptions): RulesTestContext;
  admin(uid?: string): RulesTestContext;
  seed(write: (firestore: Firestore) => Promise<unknown>): Promise<void>;
  seedStorage(write: (storage: FirebaseStorage) => Promise<unknown>): Promise<void>;
}

export interface RulesEnvOptions {
  /**
   * Generated (fast-check) suites run in a project of their own: the emulator's coverage report
   * keeps every distinct value each expression saw, and hundreds of hostile strings make the gated
   * project's report too large for the emulator to serve. Their evaluations add nothing the
   * hand-written tests do not already cover.
   */
  separateCoverage?: boolean;
}

export const GENERATED_PROJECT_ID = `${PROJECT_ID}-generated`;

/** One test environment per file; every test starts from empty emulators and fresh contexts. */
export function useRulesEnv(options: RulesEnvOptions = {}): RulesHarness {
  let testEnv: RulesTestEnvironment | undefined;
  const env = (): RulesTestEnvironment => {
    if (!testEnv) throw new Error("The rules test environment is not initialized");
    return testEnv;
  };
  const withRulesDisabled = (fn: (context: RulesTestContext) => Promise<unknown>): Promise<void> =>
    env().withSecurityRulesDisabled(async (context) => {
      await fn(context);
    });

  beforeAll(async () => {
    testEnv = await initializeTestEnvironment({
      projectId: options.separateCoverage ? GENERATED_PROJECT_ID : PROJECT_ID,
      // The gated project's rules are loaded once by the coverage gate; another project loads its own.
      firestore: options.separateCoverage
        ? { ...emulatorHost("FIRESTORE_EMULATOR_HOST"), rules: readRules("firestore.rules") }
        : emulatorHost("FIRESTORE_EMULATOR_HOST"),
      storage: emulatorHost("FIREBASE_STORAGE_EMULATOR_HOST"),
    });
  });
  beforeEach(async () => {
    await env().clearFirestore();
    await withRulesDisabled((context) => deleteAll(ref(bucket(context))));
  });
  afterAll(async () => {
    await testEnv?.cleanup();
  });

  return {
    signedOut: () => env().unauthenticatedContext(),
    shopper: (uid = "alice", token = { email: emailOf(uid) }) => env().authenticatedContext(uid, token),
    admin: (uid = "root") => env().authenticatedContext(uid, { email: emailOf(uid), admin: true }),
    seed: (write) => withRulesDisabled((context) => write(db(context))),
    seedStorage: (write) => withRulesDisabled((context) => write(bucket(context))),
  };
}
