import type { Metadata } from "next";
import { OutboxList } from "@/components/admin/outbox/outbox-list";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return (
    <>
      <h1>Outbox</h1>
      <p>
        Messages the shop queued for the Trigger Email extension. On the emulators nothing sends them, so they
        stay queued.
      </p>
      <OutboxList />
    </>
  );
}
