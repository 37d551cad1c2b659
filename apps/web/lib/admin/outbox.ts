import { mailDeliveryState, mailSchema, toMillis, type MailDeliveryState } from "@hearth/domain";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { buildQuery } from "@/lib/queries/build-query";
import { MAIL_NEWEST } from "./back-office-queries";
import { watchPage, type CreatedAtCursor, type Page } from "./watch-page";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  createdAt: number | null;
  state: MailDeliveryState;
  error: string | null;
}

/** mail/, newest first and live: the extension's delivery state changes in place. */
export function watchOutbox(
  after: CreatedAtCursor | null,
  pageSize: number,
  onPage: (page: Page<OutboxMessage>) => void,
  onError: (error: Error) => void,
): () => void {
  const query = buildQuery(getClientFirestore(), MAIL_NEWEST, {
    values: [],
    startAfter: after ? { values: [after.createdAt], id: after.id } : null,
    limit: pageSize + 1,
  });
  return watchPage(
    query,
    pageSize,
    (document) => {
      const parsed = mailSchema.safeParse(document.data());
      if (!parsed.success) return null;
      const mail = parsed.data;
      return {
        id: document.id,
        to: mail.to,
        subject: mail.message.subject,
        createdAt: mail.createdAt ? toMillis(mail.createdAt) : null,
        state: mailDeliveryState(mail),
        error: mail.delivery?.error ?? null,
      };
    },
    onPage,
    onError,
  );
}
