import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { browserEmulatorTargets, splitHost } from "@/lib/public-env";
import { getClientApp } from "./client-app";

/** Where functions/src/config.ts deploys them. */
export const FUNCTIONS_REGION = "us-central1";

let functions: Functions | undefined;

export function getClientFunctions(): Functions {
  if (functions) return functions;
  functions = getFunctions(getClientApp(), FUNCTIONS_REGION);
  const host = browserEmulatorTargets().functions;
  if (host) {
    const { host: hostname, port } = splitHost(host);
    connectFunctionsEmulator(functions, hostname, port);
  }
  return functions;
}
