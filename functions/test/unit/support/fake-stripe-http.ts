import Stripe from "stripe";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  body: string;
}

export interface FakeReply {
  status: number;
  body: unknown;
}

class FakeResponse extends Stripe.HttpClientResponse {
  readonly #body: string;

  constructor(reply: FakeReply) {
    super(reply.status, { "request-id": "req_fake" });
    this.#body = JSON.stringify(reply.body);
  }

  /** The SDK hangs response headers on this object (`lastResponse`). */
  override getRawResponse(): unknown {
    return { body: this.#body };
  }

  override toStream(streamCompleteCallback: () => void): unknown {
    streamCompleteCallback();
    return this.#body;
  }

  override toJSON(): Promise<unknown> {
    return Promise.resolve(this._parseResponseBody(this.#body));
  }
}

/**
 * Stripe's HTTP layer replaced: the real SDK builds, encodes and signs each request, this records
 * it and answers with the next scripted reply (a thrown Error plays a dropped connection).
 */
export class FakeStripeHttp extends Stripe.HttpClient {
  readonly requests: RecordedRequest[] = [];
  readonly #replies: (FakeReply | Error)[];

  constructor(...replies: (FakeReply | Error)[]) {
    super();
    this.#replies = replies;
  }

  override getClientName(): string {
    return "fake";
  }

  override async makeRequest(
    _host: string,
    _port: string,
    path: string,
    method: string,
    headers: Record<string, unknown>,
    requestData: string,
  ): Promise<FakeResponse> {
    this.requests.push({ method, path, headers: { ...headers }, body: requestData });
    const reply = this.#replies.length > 1 ? this.#replies.shift() : this.#replies[0];
    if (!reply) throw new Error("FakeStripeHttp has no reply scripted");
    if (reply instanceof Error) throw reply;
    return new FakeResponse(reply);
  }
}

export function stripeError(status: number, error: Record<string, unknown>): FakeReply {
  return { status, body: { error } };
}
