"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";

/**
 * A product card's link, prefetched when the shopper shows intent (pointer over the card, a touch,
 * keyboard focus) rather than as soon as it scrolls into view. Prefetching a product page renders
 * its metadata, which reads the product: a listing's dozen cards would cost a dozen reads and
 * server renders per view for the one or two a shopper opens. The card the shopper goes for is
 * still prefetched before the click lands (hover and touchstart come first), so its page opens
 * from the prefetched loading state as before.
 */
export function ProductLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return (
    <Link
      href={href}
      className={className}
      prefetch={intent ? null : false}
      onMouseEnter={show}
      onTouchStart={show}
      onFocus={show}
    >
      {children}
    </Link>
  );
}
