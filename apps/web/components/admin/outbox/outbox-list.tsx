"use client";

import { useState } from "react";
import { LiveTable } from "@/components/admin/live-table";
import styles from "@/components/admin/products/products.module.css";
import { useLive } from "@/lib/admin/use-live";
import type { OutboxMessage } from "@/lib/admin/outbox";
import type { CreatedAtCursor, Page } from "@/lib/admin/watch-page";

const PAGE_SIZE = 25;
const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const STATE_LABELS = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed" } as const;
const COLUMNS = [{ label: "Created" }, { label: "Recipient" }, { label: "Subject" }, { label: "Delivery" }];

function MessageRow({ message }: { message: OutboxMessage }) {
  return (
    <tr data-testid="outbox-row">
      <td>{message.createdAt === null ? "—" : when.format(message.createdAt)}</td>
      <td>{message.to}</td>
      <th scope="row">{message.subject}</th>
      <td>
        <span className={styles.badge} data-status={message.state === "sent" ? "active" : message.state}>
          {STATE_LABELS[message.state]}
        </span>
        {message.error ? <span className={styles.lowStock}>{message.error}</span> : null}
      </td>
    </tr>
  );
}

/** What the shop sent (mail/), newest first, with the Trigger Email extension's delivery state. */
export function OutboxList() {
  const [trail, setTrail] = useState<CreatedAtCursor[]>([]);
  const after = trail.at(-1) ?? null;
  const page = useLive<Page<OutboxMessage>>(`outbox/${after?.id ?? ""}`, async (onValue, onError) =>
    (await import("@/lib/admin/outbox")).watchOutbox(after, PAGE_SIZE, onValue, onError),
  );
  return (
    <LiveTable
      caption="Messages sent by the shop"
      columns={COLUMNS}
      page={page}
      row={(message) => <MessageRow key={message.id} message={message} />}
      noun="messages"
      emptyText="The shop has sent no messages yet."
      trail={trail}
      onTrail={setTrail}
    />
  );
}
