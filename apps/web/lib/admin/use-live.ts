"use client";

import { useEffect, useRef, useState } from "react";

export type Live<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error" };

/**
 * Subscribes while mounted to a live source that is loaded on demand (a module with Firestore
 * listeners), and re-subscribes when `key` changes. The result is tagged with its key, so a new
 * key reads "loading" until its first value.
 */
export function useLive<T>(
  key: string,
  subscribe: (onValue: (value: T) => void, onError: (error: Error) => void) => Promise<() => void>,
): Live<T> {
  const [state, setState] = useState<{ key: string; live: Live<T> }>({ key, live: { status: "loading" } });
  // `subscribe` is described by `key`: a new closure each render must not re-subscribe, so the
  // effect below reads the latest one through a ref and runs again only when the key changes.
  const latest = useRef(subscribe);
  useEffect(() => {
    latest.current = subscribe;
  });

  useEffect(() => {
    const subscribe = latest.current;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void subscribe(
      (value) => {
        if (!cancelled) setState({ key, live: { status: "ready", value } });
      },
      (error) => {
        console.error(`Live data ${key} failed`, error);
        if (!cancelled) setState({ key, live: { status: "error" } });
      },
    ).then(
      (stop) => {
        if (cancelled) stop();
        else unsubscribe = stop;
      },
      (error: unknown) => {
        console.error(`Live data ${key} could not start`, error);
        if (!cancelled) setState({ key, live: { status: "error" } });
      },
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [key]);

  return state.key === key ? state.live : { status: "loading" };
}
