import { httpsCallable } from "firebase/functions";
import { getClientFunctions } from "@/lib/firebase/client-functions";

export { describeCallableError } from "./callable-error";

/** Calls an admin callable (functions/src) with the signed-in admin's token. */
export async function callAdmin<Result>(name: string, data: unknown): Promise<Result> {
  const callable = httpsCallable<unknown, Result>(getClientFunctions(), name);
  return (await callable(data)).data;
}
