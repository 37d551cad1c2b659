"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import type { AvatarUpload } from "@/lib/account/avatar-upload";
import type { SessionUser } from "@/lib/auth/use-user";
import styles from "./account.module.css";
import { LiveMessage } from "@/components/account/live-message";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "done" }
  | { kind: "error"; message: string };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

/** Picture upload to users/{uid}/avatar/… with progress; the URL becomes the account's photoURL. */
export function AvatarUploader({ user }: { user: SessionUser }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const uploadRef = useRef<AvatarUpload | null>(null);

  // Leaving the page (or signing out) stops an upload in flight.
  useEffect(
    () => () => {
      uploadRef.current?.task.cancel();
    },
    [],
  );

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const { avatarProblem, uploadAvatar, avatarUploadError } = await import("@/lib/account/avatar-upload");
    const problem = avatarProblem(file);
    if (problem) {
      setPhase({ kind: "error", message: problem });
      return;
    }
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const upload = uploadAvatar(user.uid, file, user.photoURL, (percent) =>
        setPhase({ kind: "uploading", percent }),
      );
      uploadRef.current = upload;
      const url = await upload.done;
      const { updatePhotoURL } = await import("@/lib/auth/auth-actions");
      await updatePhotoURL(url);
      setPhase({ kind: "done" });
    } catch (error) {
      setPhase({ kind: "error", message: avatarUploadError(error) });
    } finally {
      uploadRef.current = null;
    }
  }

  const uploading = phase.kind === "uploading";
  return (
    <section className={styles.section} aria-labelledby="avatar-heading">
      <h2 id="avatar-heading" className={styles.sectionTitle}>
        Profile picture
      </h2>
      <div className={styles.avatarRow}>
        <div className={styles.avatarFrame}>
          {user.photoURL ? (
            <picture>
              <img
                src={user.photoURL}
                alt="Your profile picture"
                width={96}
                height={96}
                className={styles.avatarImage}
                data-testid="avatar-image"
              />
            </picture>
          ) : (
            <span className={styles.avatarInitial} aria-hidden="true">
              {(user.displayName?.trim() || user.email || "?").charAt(0).toUpperCase()}
            </span>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="avatar-file">
            {user.photoURL ? "Change picture" : "Upload a picture"}
          </label>
          <input
            id="avatar-file"
            className={styles.file}
            type="file"
            accept={ACCEPT}
            disabled={uploading}
            onChange={(event) => void handleFile(event)}
            aria-describedby="avatar-hint"
          />
          <p id="avatar-hint" className="field-hint">
            JPEG, PNG, WebP, AVIF or GIF, smaller than 2 MB.
          </p>
          {uploading ? (
            <div className={styles.progressRow}>
              <progress
                className={styles.progress}
                max={100}
                value={phase.percent}
                aria-label="Upload progress"
                data-testid="avatar-progress"
              />
              <button
                type="button"
                className="button-secondary"
                onClick={() => uploadRef.current?.task.cancel()}
              >
                Cancel
              </button>
            </div>
          ) : null}
          <LiveMessage kind="alert" message={phase.kind === "error" ? phase.message : ""} />
          <p className="field-hint" role="status">
            {uploading
              ? `Uploading… ${phase.percent}%`
              : phase.kind === "done"
                ? "Your new picture is saved."
                : ""}
          </p>
        </div>
      </div>
    </section>
  );
}
