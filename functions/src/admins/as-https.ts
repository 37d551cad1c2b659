import { HttpsError } from "firebase-functions/v2/https";
import { Refusal } from "./refusal";

/** A callable's work, with a Refusal answered as the HttpsError of the same canonical code. */
export async function asHttps<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) throw new HttpsError(error.code, error.message);
    throw error;
  }
}
