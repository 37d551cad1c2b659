/**
 * A live region that is always in the page, so assistive technology announces the message when
 * it appears; the styled box is shown only while there is something to say.
 */
export function LiveMessage({
  kind,
  message,
  id,
}: {
  kind: "alert" | "status";
  message: string;
  id?: string;
}) {
  return (
    <div role={kind} id={id} className="live-message">
      {message ? <p className={kind === "alert" ? "alert" : "notice"}>{message}</p> : null}
    </div>
  );
}
